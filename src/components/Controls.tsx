import { ENCODINGS, LAYOUTS, LIMITS, TOKENIZERS, isOneOf, type RunSpec } from '../protocol/specs.ts';
import { CATALOG } from '../encodings/catalog.ts';
import { updateSpec, updateView } from '../client/useEngine.ts';
import { NumberField } from './NumberField.tsx';

interface Props {
  spec: RunSpec;
  sharedScale: boolean;
}

export function Controls({ spec, sharedScale }: Props) {
  const scheme = CATALOG[spec.pe];
  return (
    <div className="controls" role="group" aria-label="Controls">
      <label className="field">
        <span>Tokenizer</span>
        <select
          value={spec.tokenizer}
          onChange={(e) => isOneOf(TOKENIZERS, e.target.value) && updateSpec({ tokenizer: e.target.value })}
        >
          {TOKENIZERS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label="d_model"
        value={spec.d}
        step={2}
        min={LIMITS.dMin}
        max={LIMITS.dMax}
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
