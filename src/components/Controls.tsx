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

interface Props {
  spec: RunSpec;
  sharedScale: boolean;
}

/** The picker's labels, from the tokenizers' about/ data. */
export const TOKENIZER_LABELS: Record<TokenizerName, string> = Object.fromEntries(
  TOKENIZERS.map((t) => [t, TOKENIZER_ABOUT[t].label]),
) as Record<TokenizerName, string>;

export const EMBEDDING_LABELS: Record<EmbeddingName, string> = {
  random: 'random (seeded)',
  'glove-100d': 'GloVe 100-d (20k words)',
  'use-lite': 'USE-lite (8k pieces, 256-d)',
  checkpoint: 'checkpoint (your file)',
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
  const model = useAppState((s) => s.view.model);
  return (
    <div className="controls" role="group" aria-label="Controls">
      <label className="field" title={model ? `${getModel(model).hf}: ${getModel(model).source}` : undefined}>
        <span>Model</span>
        <select
          value={model ?? ''}
          onChange={(e) => {
            const name = MODELS.find((m) => m === e.target.value) ?? null;
            updateView(name ? { model: name, spec: applyModel(spec, getModel(name)).spec } : { model: null });
          }}
        >
          <option value="">(none: set each key)</option>
          {MODELS.map((m) => (
            <option key={m} value={m} title={getModel(m).hf}>
              {getModel(m).label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Tokenizer</span>
        <select
          value={spec.tokenizer}
          onChange={(e) =>
            isOneOf(TOKENIZERS, e.target.value) && updateSpec(chooseTokenizer(spec, e.target.value))
          }
        >
          {TOKENIZERS.map((t) => (
            <option
              key={t}
              value={t}
              title={`${TOKENIZER_ABOUT[t].source}; licence: ${TOKENIZER_ABOUT[t].licence}`}
            >
              {TOKENIZER_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Embedding</span>
        <select
          value={spec.embedding}
          onChange={(e) => isOneOf(EMBEDDINGS, e.target.value) && updateSpec(chooseEmbedding(e.target.value))}
        >
          {EMBEDDINGS.map((t) => (
            <option key={t} value={t}>
              {EMBEDDING_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {spec.embedding === 'random' && (
        <label className="field">
          <span>Init</span>
          <select
            value={spec.init}
            onChange={(e) => isOneOf(INITS, e.target.value) && updateSpec({ init: e.target.value })}
          >
            {INITS.map((t) => (
              <option key={t} value={t}>
                {t === 'normal' ? 'N(0, 1)' : 'Xavier uniform'}
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
        title={fixedD !== undefined ? `fixed at ${fixedD} by the ${spec.embedding} table` : undefined}
        commit={(d) => updateSpec({ d })}
      />
      <NumberField label="seed" value={spec.seed} step={1} commit={(seed) => updateSpec({ seed })} />
      <label className="field">
        <span>Positional encoding</span>
        <select
          value={spec.pe}
          onChange={(e) => isOneOf(ENCODINGS, e.target.value) && updateSpec({ pe: e.target.value })}
        >
          {ENCODINGS.map((name) => (
            <option key={name} value={name}>
              {CATALOG[name].label}
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
          <span>Layout</span>
          <select
            value={spec.params.layout}
            onChange={(e) =>
              isOneOf(LAYOUTS, e.target.value) &&
              updateSpec({ params: { ...spec.params, layout: e.target.value } })
            }
          >
            <option value="interleaved">interleaved (sin, cos pairs)</option>
            <option value="half">half (all sin, then all cos)</option>
          </select>
        </label>
      )}
      <label className="check" title={`Adds: ${TOKENIZER_ABOUT[spec.tokenizer].specials}`}>
        <input
          type="checkbox"
          checked={spec.special}
          onChange={(e) => updateSpec({ special: e.target.checked })}
        />
        <span>Special tokens</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={spec.scaleEmbeddings}
          onChange={(e) => updateSpec({ scaleEmbeddings: e.target.checked })}
        />
        <span>Scale embeddings by √d_model</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={sharedScale}
          onChange={(e) => updateView({ sharedScale: e.target.checked })}
        />
        <span>One colour scale for all three</span>
      </label>
    </div>
  );
}
