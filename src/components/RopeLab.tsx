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
import { useT, type Translate } from '../i18n/useT.ts';
import { ropeRuleWords } from '../i18n/schemes.ts';

/** Column j of a matrix as float64, and the rows where `keep` holds (others NaN). */
function column(m: Matrix, j: number, keep: (i: number) => boolean = () => true): Float64Array {
  const [rows, cols] = m.shape;
  return Float64Array.from({ length: rows }, (_, i) => (keep(i) ? m.data[i * cols + j] : NaN));
}
const row = (m: Matrix, i: number) => m.data.subarray(i * m.shape[1], (i + 1) * m.shape[1]);
const fmt = (v: number) => v.toPrecision(6);
const perPair = (t: Translate, yTitle: string, logY = true) => ({
  xTitle: t('ropelab.pair'),
  yTitle,
  logY,
  yFormat: fmt,
});

/** A view of its own: title (the accessible name), note, exact CSV, PNG/SVG and a plot. */
function RopeView({ m, caption, children }: { m: Matrix; caption: ReactNode; children: ReactNode }) {
  const id = `panel-${slug(m.title)}`;
  const body = useRef<HTMLDivElement>(null);
  const t = useT();
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{t.title(m.name, m.title)}</h2>
        <span className="shape">{`[${m.shape[0]} × ${m.shape[1]}]`}</span>
        {m.note && <span className="note">{t.say(m.note)}</span>}
        <button type="button" onClick={() => download(`${slug(m.title)}.csv`, m.csv ?? matrixCsv(m))}>
          {t('matrix.exportCsv')}
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
  const t = useT();
  return (
    <div className="controls" role="group" aria-label={t('ropelab.group')}>
      <label className="field" title={ROPE_CATALOG[p.ropeType].source}>
        <span>rope_type</span>
        <select
          value={p.ropeType}
          onChange={(e) => isOneOf(ROPE_TYPES, e.target.value) && set({ ropeType: e.target.value })}
        >
          {ROPE_TYPES.map((r) => (
            <option key={r} value={r} title={ropeRuleWords(t.lang, r).blurb}>
              {r} · {ropeRuleWords(t.lang, r).label}
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
      <p className="caption">{ropeRuleWords(t.lang, p.ropeType).blurb}</p>
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
  const t = useT();

  const freqSeries = useMemo((): Series[] => {
    if (!freq) return [];
    const ramped = FREQUENCY_REGIONS.indexOf('ramped');
    return [
      { name: t('ropelab.thetaUnscaled'), y: column(freq, 1) },
      { name: t('ropelab.thetaRule'), y: column(freq, 2), dashed: true },
      {
        name: t('ropelab.ramped'),
        y: column(freq, 2, (i) => freq.data[i * 6 + 5] === ramped),
        points: true,
      },
    ];
  }, [freq, t]);
  const waveSeries = useMemo((): Series[] => {
    if (!waves) return [];
    const n = waves.shape[0];
    return [
      { name: 'λ_i = 2π/θ_i', y: column(waves, 0) },
      { name: t('ropelab.lambdaRule'), y: column(waves, 1), dashed: true },
      { name: t('ropelab.originalL', { L }), y: new Float64Array(n).fill(L), dashed: true },
      {
        name: t('ropelab.lessThanTurn'),
        y: column(waves, 0, (i) => waves.data[i * 3 + 2] < 1),
        points: true,
      },
    ];
  }, [waves, L, t]);
  const qkSeries = useMemo((): Series[] => {
    if (!qk) return [];
    const x = Float64Array.from(qk.colLabels ?? [], Number);
    return [
      { name: t('ropelab.unscaledRule'), y: row(qk, 0), x },
      { name: t('ropelab.scaledRule'), y: row(qk, 1), x },
    ];
  }, [qk, t]);
  const angleSeries = useMemo(
    (): Series[] =>
      angles
        ? [
            { name: t('ropelab.angleTrained'), y: column(angles, 0) },
            { name: t('ropelab.angleExtended'), y: column(angles, 1) },
          ]
        : [],
    [angles, t],
  );
  const freqOpts = useMemo(() => perPair(t, t('ropelab.radians')), [t]);
  const waveOpts = useMemo(() => perPair(t, t('lab.wavelengthAxis')), [t]);
  const angleOpts = useMemo(() => perPair(t, t('ropelab.angle')), [t]);
  const qkOpts = useMemo(
    () => ({
      xTitle: t('ropelab.offset'),
      yTitle: 'q·k',
      yFormat: fmt,
      shadeFrom: L < N ? L : null,
      shadeLabel: t('ropelab.pastOriginal'),
    }),
    [L, N, t],
  );

  return (
    <>
      <RopeRuleControls spec={spec} />
      <div className="lab-grid">
        {freq && (
          <RopeView m={freq} caption={t('ropelab.freqCaption')}>
            <LinesPlot series={freqSeries} options={freqOpts} />
            <RopeFrequencyTable m={freq} />
          </RopeView>
        )}
        {waves && (
          <RopeView m={waves} caption={t('ropelab.wavesCaption', { L })}>
            <LinesPlot series={waveSeries} options={waveOpts} />
          </RopeView>
        )}
      </div>
      <div className="lab-grid">
        {qk && (
          <RopeView m={qk} caption={t('ropelab.qkCaption')}>
            <LinesPlot series={qkSeries} options={qkOpts} />
          </RopeView>
        )}
        {angles && (
          <RopeView m={angles} caption={t('ropelab.anglesCaption', { last: N - 1, trainLast: L - 1 })}>
            <LinesPlot series={angleSeries} options={angleOpts} />
          </RopeView>
        )}
      </div>
      <div className="lab-grid">
        {panel('rope-cos', t('lab.ropeCos'))}
        {panel('rope-sin', 'sin(p·θ′_i)·a.')}
        {panel('rope-q', t('lab.ropeQ'))}
        {panel('rope-q-rot', t('lab.ropeQRot'))}
        {panel('rope-k', 'k = E·W_k.')}
        {panel('rope-k-rot', 'R_p k.')}
      </div>
      {panel('rope-scores', t('lab.ropeScores'))}
    </>
  );
}
