import {
  EMBEDDINGS,
  EMBEDDING_REQUIRES,
  ENCODINGS,
  INITS,
  LAYOUTS,
  LIMITS,
  TOKENIZERS,
  isOneOf,
  type EmbeddingName,
  type RunSpec,
  type TokenizerName,
} from '../protocol/specs.ts';
import { CATALOG } from '../encodings/catalog.ts';
import { TOKENIZER_ABOUT } from '../tokenizers/about/index.ts';
import { updateSpec, updateView, useAppState } from '../client/useEngine.ts';
import { MODELS, getModel } from '../models/registry.ts';
import { applyModel } from '../models/apply.ts';
import { NumberField } from './NumberField.tsx';
import { useT } from '../i18n/useT.ts';
import { schemeWords, tokenizerLabel } from '../i18n/schemes.ts';
import type { Key } from '../i18n/t.ts';

interface Props {
  spec: RunSpec;
  sharedScale: boolean;
}

/** String keys of the embedding sources' labels (i18n/en.ts). */
export const EMBEDDING_LABELS: Record<EmbeddingName, Key> = {
  random: 'embedding.random',
  'glove-100d': 'embedding.glove',
  'use-lite': 'embedding.use',
  checkpoint: 'embedding.checkpoint',
  'pitfall-sigmoid': 'embedding.pitfallSigmoid',
};

/** Picking a shipped table also picks its tokenizer and width; picking another tokenizer leaves the table. */
export function chooseEmbedding(embedding: EmbeddingName): Partial<RunSpec> {
  const needs = EMBEDDING_REQUIRES[embedding];
  return needs ? { embedding, tokenizer: needs.tokenizer, d: needs.d } : { embedding };
}

export function chooseTokenizer(spec: RunSpec, tokenizer: TokenizerName): Partial<RunSpec> {
  const needs = EMBEDDING_REQUIRES[spec.embedding];
  return needs && needs.tokenizer !== tokenizer ? { tokenizer, embedding: 'random' } : { tokenizer };
}

export function Controls({ spec, sharedScale }: Props) {
  const scheme = CATALOG[spec.pe];
  const fixedD = EMBEDDING_REQUIRES[spec.embedding]?.d;
  const t = useT();
  const model = useAppState((s) => s.view.model);
  return (
    <div className="controls" role="group" aria-label={t('controls.label')}>
      <label className="field" title={model ? `${getModel(model).hf}: ${getModel(model).source}` : undefined}>
        <span>{t('controls.model')}</span>
        <select
          value={model ?? ''}
          onChange={(e) => {
            const name = MODELS.find((m) => m === e.target.value) ?? null;
            updateView(name ? { model: name, spec: applyModel(spec, getModel(name)).spec } : { model: null });
          }}
        >
          <option value="">{t('controls.modelNone')}</option>
          {MODELS.map((m) => (
            <option key={m} value={m} title={getModel(m).hf}>
              {getModel(m).label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('controls.tokenizer')}</span>
        <select
          value={spec.tokenizer}
          onChange={(e) =>
            isOneOf(TOKENIZERS, e.target.value) && updateSpec(chooseTokenizer(spec, e.target.value))
          }
        >
          {TOKENIZERS.map((k) => (
            <option
              key={k}
              value={k}
              title={t('controls.tokenizerTitle', {
                source: TOKENIZER_ABOUT[k].source,
                licence: TOKENIZER_ABOUT[k].licence,
              })}
            >
              {tokenizerLabel(t.lang, k)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('controls.embedding')}</span>
        <select
          value={spec.embedding}
          onChange={(e) => isOneOf(EMBEDDINGS, e.target.value) && updateSpec(chooseEmbedding(e.target.value))}
        >
          {EMBEDDINGS.map((k) => (
            <option key={k} value={k}>
              {t(EMBEDDING_LABELS[k])}
            </option>
          ))}
        </select>
      </label>
      {spec.embedding === 'random' && (
        <label className="field">
          <span>{t('controls.init')}</span>
          <select
            value={spec.init}
            onChange={(e) => isOneOf(INITS, e.target.value) && updateSpec({ init: e.target.value })}
          >
            {INITS.map((k) => (
              <option key={k} value={k}>
                {k === 'normal' ? 'N(0, 1)' : t('controls.xavier')}
              </option>
            ))}
          </select>
        </label>
      )}
      <NumberField
        label="d_model"
        value={spec.d}
        step={2}
        min={LIMITS.dMin}
        max={LIMITS.dMax}
        disabled={fixedD !== undefined}
        title={fixedD !== undefined ? t('controls.dFixed', { d: fixedD, table: spec.embedding }) : undefined}
        commit={(d) => updateSpec({ d })}
      />
      <NumberField
        label={t('controls.seed')}
        value={spec.seed}
        step={1}
        commit={(seed) => updateSpec({ seed })}
      />
      <label className="field">
        <span>{t('controls.pe')}</span>
        <select
          value={spec.pe}
          onChange={(e) => isOneOf(ENCODINGS, e.target.value) && updateSpec({ pe: e.target.value })}
        >
          {ENCODINGS.map((name) => (
            <option key={name} value={name}>
              {schemeWords(t.lang, name).label}
            </option>
          ))}
        </select>
      </label>
      {scheme.params.includes('base') && (
        <NumberField
          label="base"
          value={spec.params.base}
          min={1}
          commit={(base) => updateSpec({ params: { ...spec.params, base } })}
        />
      )}
      {scheme.params.includes('layout') && (
        <label className="field">
          <span>{t('controls.layout')}</span>
          <select
            value={spec.params.layout}
            onChange={(e) =>
              isOneOf(LAYOUTS, e.target.value) &&
              updateSpec({ params: { ...spec.params, layout: e.target.value } })
            }
          >
            <option value="interleaved">{t('controls.layout.interleaved')}</option>
            <option value="half">{t('controls.layout.half')}</option>
          </select>
        </label>
      )}
      <label
        className="check"
        title={t('controls.specialAdds', { specials: TOKENIZER_ABOUT[spec.tokenizer].specials })}
      >
        <input
          type="checkbox"
          checked={spec.special}
          onChange={(e) => updateSpec({ special: e.target.checked })}
        />
        <span>{t('controls.special')}</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={spec.scaleEmbeddings}
          onChange={(e) => updateSpec({ scaleEmbeddings: e.target.checked })}
        />
        <span>{t('controls.scale')}</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={sharedScale}
          onChange={(e) => updateView({ sharedScale: e.target.checked })}
        />
        <span>{t('controls.shared')}</span>
      </label>
    </div>
  );
}
