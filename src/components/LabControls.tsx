// The lab's controls: table length, training length, and the parameters the current scheme reads (its catalog
// entry lists them), plus the attention preview's causal mask.
import { CATALOG } from '../encodings/catalog.ts';
import { LIMITS, type RunSpec } from '../protocol/specs.ts';
import { updateSpec, updateView } from '../client/useEngine.ts';
import type { ViewState } from '../client/urlState.ts';
import { NumberField } from './NumberField.tsx';
import { useT } from '../i18n/useT.ts';

export function LabControls({ spec, view }: { spec: RunSpec; view: ViewState }) {
  const p = spec.params;
  const uses = CATALOG[spec.pe].params;
  const t = useT();
  const set = (patch: Partial<RunSpec['params']>) => updateSpec({ params: { ...p, ...patch } });
  return (
    <div className="controls" role="group" aria-label={t('lab.controls')}>
      <NumberField
        label={t('lab.positions')}
        value={p.positions}
        min={1}
        max={LIMITS.maxPositions}
        commit={(positions) => set({ positions })}
      />
      <NumberField
        label={t('lab.trainLength')}
        value={view.trainLength}
        min={1}
        max={LIMITS.maxPositions}
        commit={(trainLength) => updateView({ trainLength })}
      />
      {uses.includes('heads') && (
        <NumberField
          label={t('lab.heads')}
          value={p.heads}
          min={1}
          max={LIMITS.headsMax}
          commit={(heads) => set({ heads })}
        />
      )}
      {uses.includes('buckets') && (
        <NumberField
          label={t('lab.buckets')}
          value={p.buckets}
          min={2}
          max={LIMITS.bucketsMax}
          commit={(buckets) => set({ buckets })}
        />
      )}
      {uses.includes('maxdist') && (
        <NumberField
          label={t('lab.maxdist')}
          value={p.maxdist}
          min={2}
          max={LIMITS.maxPositions}
          commit={(maxdist) => set({ maxdist })}
        />
      )}
      {uses.includes('bidirectional') && (
        <label className="check">
          <input
            type="checkbox"
            checked={p.bidirectional}
            onChange={(e) => set({ bidirectional: e.target.checked })}
          />
          <span>{t('lab.bidirectional')}</span>
        </label>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={spec.causal}
          onChange={(e) => updateSpec({ causal: e.target.checked })}
        />
        <span>{t('lab.causal')}</span>
      </label>
    </div>
  );
}
