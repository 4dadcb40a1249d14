// The lab's RoPE section: the frequency rule's controls, the context-extension views (frequencies, wavelengths
// against the original context, q·k against offset, angles at the extended context) as D3 line plots with hover
// read-outs and exact CSV export (Matrix.csv), then the rotary views every run sends (cos/sin tables, q and k
// before and after rotation, the fixed-q·k score matrix).
import { useMemo, useRef, type ReactNode } from 'react';
import type { Matrix } from '../protocol/messages.ts';
import { slug } from '../protocol/messages.ts';
import { FREQUENCY_REGIONS, ROPE_RULE_FIELDS, ROPE_TYPES, ropeWidth } from '../protocol/rope.ts';
import { isOneOf, type RunSpec } from '../protocol/specs.ts';
import { ROPE_CATALOG } from '../encodings/catalog.ts';
import { download, matrixCsv } from '../client/csv.ts';
import { updateSpec } from '../client/useEngine.ts';
import type { Series } from '../plots/lines.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { LinesPlot } from './LinesPlot.tsx';
import { NumberField } from './NumberField.tsx';
import { RopeFrequencyTable } from './RopeFrequencyTable.tsx';

/** Column j of a matrix as float64, and the rows where `keep` holds (others NaN). */
function column(m: Matrix, j: number, keep: (i: number) => boolean = () => true): Float64Array {
  const [rows, cols] = m.shape;
  return Float64Array.from({ length: rows }, (_, i) => (keep(i) ? m.data[i * cols + j] : NaN));
}
const row = (m: Matrix, i: number) => m.data.subarray(i * m.shape[1], (i + 1) * m.shape[1]);
const fmt = (v: number) => v.toPrecision(6);

/** A view of its own: title (the accessible name), note, exact CSV, PNG/SVG and a plot. */
function RopeView({ m, caption, children }: { m: Matrix; caption: ReactNode; children: ReactNode }) {
  const id = `panel-${slug(m.title)}`;
  const body = useRef<HTMLDivElement>(null);
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{m.title}</h2>
        <span className="shape">{`[${m.shape[0]} × ${m.shape[1]}]`}</span>
        {m.note && <span className="note">{m.note}</span>}
        <button type="button" onClick={() => download(`${slug(m.title)}.csv`, m.csv ?? matrixCsv(m))}>
          Export CSV
        </button>
        <ExportButtons target={body} name={slug(m.title)} />
      </header>
      <p className="caption">{caption}</p>
      <div ref={body} className="plot-export-root">
        {children}
      </div>
    </section>
  );
}

const NUMBER_FIELDS = {
  factor: 'factor',
  lowFreqFactor: 'low_freq_factor',
  highFreqFactor: 'high_freq_factor',
  originalContext: 'original_context',
  betaFast: 'beta_fast',
  betaSlow: 'beta_slow',
} as const;

/** rope_type and the numbers the chosen rule reads (longrope's lists stay URL-only). */
function RopeRuleControls({ spec }: { spec: RunSpec }) {
  const p = spec.params;
  const set = (patch: Partial<RunSpec['params']>) => updateSpec({ params: { ...p, ...patch } });
  const fields = ROPE_RULE_FIELDS[p.ropeType].fields;
  return (
    <div className="controls" role="group" aria-label="RoPE rule">
      <label className="field" title={ROPE_CATALOG[p.ropeType].source}>
        <span>rope_type</span>
        <select
          value={p.ropeType}
          onChange={(e) => isOneOf(ROPE_TYPES, e.target.value) && set({ ropeType: e.target.value })}
        >
          {ROPE_TYPES.map((r) => (
            <option key={r} value={r} title={ROPE_CATALOG[r].blurb}>
              {r} · {ROPE_CATALOG[r].label}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label="head_dim"
        value={ropeWidth(p, spec.d).headDim}
        step={2}
        min={2}
        commit={(headDim) => set({ headDim })}
      />
      {(Object.keys(NUMBER_FIELDS) as (keyof typeof NUMBER_FIELDS)[])
        .filter((f) => fields.includes(f))
        .map((f) => (
          <NumberField key={f} label={NUMBER_FIELDS[f]} value={p[f]} commit={(v) => set({ [f]: v })} />
        ))}
      <p className="caption">{ROPE_CATALOG[p.ropeType].blurb}</p>
    </div>
  );
}

export function RopeLab({
  spec,
  matrices,
  panel,
}: {
  spec: RunSpec;
  matrices: Partial<Record<string, Matrix>>;
  panel: (name: string, caption: string) => ReactNode;
}) {
  const freq = matrices['rope-frequencies'];
  const waves = matrices['rope-wavelengths'];
  const qk = matrices['rope-qk-offset'];
  const angles = matrices['rope-angles'];
  const L = spec.params.originalContext;
  const N = spec.params.positions;

  const freqSeries = useMemo((): Series[] => {
    if (!freq) return [];
    const ramped = FREQUENCY_REGIONS.indexOf('ramped');
    return [
      { name: 'θ_i (unscaled)', y: column(freq, 1) },
      { name: 'θ′_i (rule)', y: column(freq, 2), dashed: true },
      { name: 'ramped pairs', y: column(freq, 2, (i) => freq.data[i * 6 + 5] === ramped), points: true },
    ];
  }, [freq]);
  const waveSeries = useMemo((): Series[] => {
    if (!waves) return [];
    const n = waves.shape[0];
    return [
      { name: 'λ_i = 2π/θ_i', y: column(waves, 0) },
      { name: 'λ′_i (rule)', y: column(waves, 1), dashed: true },
      { name: `original context L = ${L}`, y: new Float64Array(n).fill(L), dashed: true },
      {
        name: 'less than one turn in L',
        y: column(waves, 0, (i) => waves.data[i * 3 + 2] < 1),
        points: true,
      },
    ];
  }, [waves, L]);
  const qkSeries = useMemo((): Series[] => {
    if (!qk) return [];
    const x = Float64Array.from(qk.colLabels ?? [], Number);
    return [
      { name: 'unscaled rule', y: row(qk, 0), x },
      { name: 'scaled rule (× a²)', y: row(qk, 1), x },
    ];
  }, [qk]);
  const angleSeries = useMemo(
    (): Series[] =>
      angles
        ? [
            { name: 'largest in training, (L−1)·θ_i', y: column(angles, 0) },
            { name: 'at the extended context, (N−1)·θ′_i', y: column(angles, 1) },
          ]
        : [],
    [angles],
  );
  const perPair = (yTitle: string, logY = true) => ({ xTitle: 'pair i', yTitle, logY, yFormat: fmt });
  const freqOpts = useMemo(() => perPair('radians per position'), []);
  const waveOpts = useMemo(() => perPair('wavelength (positions)'), []);
  const angleOpts = useMemo(() => perPair('angle (radians)'), []);
  const qkOpts = useMemo(
    () => ({
      xTitle: 'offset Δ',
      yTitle: 'q·k',
      yFormat: fmt,
      shadeFrom: L < N ? L : null,
      shadeLabel: 'past the original context',
    }),
    [L, N],
  );

  return (
    <>
      <RopeRuleControls spec={spec} />
      <div className="lab-grid">
        {freq && (
          <RopeView
            m={freq}
            caption="θ_i = base^(−2i/n) and the rule’s θ′_i per rotated pair; Export CSV gives the table with each pair’s region (kept, interpolated, ramped)."
          >
            <LinesPlot series={freqSeries} options={freqOpts} />
            <RopeFrequencyTable m={freq} />
          </RopeView>
        )}
        {waves && (
          <RopeView
            m={waves}
            caption={`Wavelength 2π/θ per pair against the original context L = ${L} (log scale): the marked pairs never completed one turn in training, so any angle past L is new to them.`}
          >
            <LinesPlot series={waveSeries} options={waveOpts} />
          </RopeView>
        )}
      </div>
      <div className="lab-grid">
        {qk && (
          <RopeView
            m={qk}
            caption="q·k for q = k = all ones after RoPE, against the offset Δ between them: Σ_i 2cos(Δ·θ_i), the scaled rule times a²."
          >
            <LinesPlot series={qkSeries} options={qkOpts} />
          </RopeView>
        )}
        {angles && (
          <RopeView
            m={angles}
            caption={`The angle each pair reaches at position N − 1 = ${N - 1} under the rule, against the largest it reached in training (position L − 1 = ${L - 1}, unscaled): where the first is larger, the model sees an angle it never trained on.`}
          >
            <LinesPlot series={angleSeries} options={angleOpts} />
          </RopeView>
        )}
      </div>
      <div className="lab-grid">
        {panel('rope-cos', 'cos(p·θ′_i)·a, one column per rotated pair.')}
        {panel('rope-sin', 'sin(p·θ′_i)·a.')}
        {panel('rope-q', 'q = E·W_q for the current tokens.')}
        {panel(
          'rope-q-rot',
          'R_p q: each pair turned by p·θ′_i; norms change only by the attention factor a.',
        )}
        {panel('rope-k', 'k = E·W_k.')}
        {panel('rope-k-rot', 'R_p k.')}
      </div>
      {panel(
        'rope-scores',
        'The first token’s q and k placed at every position m, n: ⟨R_m q, R_n k⟩ is constant along each diagonal, so it depends only on m − n.',
      )}
    </>
  );
}
