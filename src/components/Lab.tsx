// The positional-encoding lab: formula, invariants, the position table and its views, scheme-specific views
// (RoPE rotations, ALiBi/T5 biases) and the attention preview.
import { useMemo } from 'react';
import { CATALOG } from '../encodings/catalog.ts';
import type { Matrix } from '../protocol/messages.ts';
import { biasHead } from '../protocol/views.ts';
import { DEFAULT_SPEC, validateSpec } from '../protocol/specs.ts';
import { updateView, useAppState } from '../client/useEngine.ts';
import { domainOf } from '../plots/scales.ts';
import type { Series } from '../plots/lines.ts';
import { Formula } from './Formula.tsx';
import { Invariants } from './Invariants.tsx';
import { LinesPlot } from './LinesPlot.tsx';
import { MatrixPanel } from './MatrixPanel.tsx';
import { Region } from './Region.tsx';
import { LabControls } from './LabControls.tsx';
import { SlopesTable } from './SlopesTable.tsx';

function column(m: Matrix, j: number): Float32Array {
  const [rows, cols] = m.shape;
  const out = new Float32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = m.data[i * cols + j];
  return out;
}

const UNIT_DOMAIN: [number, number] = [-1, 1];

export function Lab() {
  const view = useAppState((s) => s.view);
  const matrices = useAppState((s) => s.matrices);
  const checks = useAppState((s) => s.checks);
  const hoverRow = useAppState((s) => s.hoverRow);
  const T = useAppState((s) => s.tokens.length);
  const { spec } = view;
  const entry = CATALOG[spec.pe];
  // Views draw from a valid width only: a d typed mid-edit (0, 10^9) must never size an array here.
  const { params } = spec;
  const d = validateSpec(spec) === null ? spec.d : DEFAULT_SPEC.d;
  const table = matrices.table;
  const N = params.positions;

  const domainFor = (m: Matrix | undefined): [number, number] =>
    m ? domainOf(m.data, m.colors ?? 'diverging') : UNIT_DOMAIN;
  // The compare pair shares one scale; kept while neither matrix changes.
  const compareTable = matrices.table;
  const compareSin = matrices['compare-sin'];
  const compareDomain = useMemo((): [number, number] => {
    if (!compareTable || !compareSin) return UNIT_DOMAIN;
    const m = Math.max(domainOf(compareTable.data)[1], domainOf(compareSin.data)[1]);
    return [-m, m];
  }, [compareTable, compareSin]);

  const toggleDim = (col: number) => {
    const pair =
      spec.params.layout === 'half' && entry.pairsFollowLayout
        ? [col % (d / 2), (col % (d / 2)) + d / 2]
        : [col - (col % 2), col - (col % 2) + 1];
    const has = pair.every((j) => view.dims.includes(j));
    const dims = has ? view.dims.filter((j) => !pair.includes(j)) : [...view.dims, ...pair].slice(-8);
    updateView({ dims });
  };

  // A big table shows a detail window: its rows are positions start…, so row-based marks shift by start.
  const start = table?.window?.start ?? 0;
  const tableExtra = useMemo(
    () => ({
      shadeFromRow: view.trainLength < N ? Math.max(0, view.trainLength - start) : null,
      shadeOpaque: !!entry.learnedTable,
      markRows: Math.max(0, T - start),
      onClickCell: (_: number, col: number) => toggleDim(col),
      xTitle: 'dimension (click to plot)',
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.trainLength, N, entry, view.dims, d, spec.params.layout, T, start],
  );

  const curves = useMemo((): Series[] => {
    if (!table) return [];
    return view.dims
      .filter((j) => j < table.shape[1])
      .map((j) => {
        const y = column(table, j);
        if (entry.learnedTable)
          for (let i = Math.max(0, view.trainLength - start); i < y.length; i++) y[i] = NaN;
        const x = start > 0 ? Float64Array.from(y, (_, i) => start + i) : undefined;
        return { name: `dim ${j}`, y, x };
      });
  }, [table, view.dims, view.trainLength, entry, start]);

  const ladder = useMemo((): Series[] => {
    const y = Float64Array.from(
      { length: d / 2 },
      (_, i) => 2 * Math.PI * Math.pow(params.base, (2 * i) / d),
    );
    return [
      { name: 'wavelength', y, x: Float64Array.from({ length: d / 2 }, (_, i) => 2 * i), points: true },
    ];
  }, [d, params.base]);

  const profile = matrices.profile;
  const profileSeries = useMemo(
    (): Series[] => (profile ? [{ name: 'dot(k)', y: profile.data }] : []),
    [profile],
  );
  const stop = profile?.mark;

  const shade = view.trainLength < N ? view.trainLength : null;
  const curveOpts = useMemo(
    () => ({
      xTitle: 'position',
      yTitle: 'value',
      shadeFrom: shade,
      shadeLabel: entry.learnedTable ? 'no learned rows here' : 'past training length',
    }),
    [shade, entry],
  );
  const ladderOpts = useMemo(
    () => ({
      xTitle: 'dimension',
      yTitle: 'wavelength (positions)',
      logY: true,
      yFormat: (v: number) => v.toPrecision(5),
    }),
    [],
  );
  const profileOpts = useMemo(
    () => ({
      xTitle: 'offset k',
      yTitle: 'PE(p)·PE(p+k)',
      marks: stop ? [stop] : [],
    }),
    [stop],
  );

  const panel = (
    name: string,
    caption?: string,
    extra?: Parameters<typeof MatrixPanel>[0]['extra'],
    exportBlocked?: string,
  ) => {
    const m = matrices[name];
    if (!m) return null;
    return (
      <MatrixPanel
        key={name}
        title={m.title}
        matrix={m}
        domain={domainFor(m)}
        hoverRow={hoverRow}
        caption={caption}
        extra={extra}
        exportBlocked={exportBlocked}
      />
    );
  };

  const slopes = matrices['alibi-slopes'];
  const biasNames = Object.keys(matrices)
    .filter((n) => biasHead(n) !== null)
    .sort((a, b) => (biasHead(a) ?? 0) - (biasHead(b) ?? 0));

  return (
    <div className="lab">
      <h2 className="lab-intro">Positional-encoding lab · {entry.label}</h2>
      <LabControls spec={spec} view={view} />
      <div className="lab-grid">
        <Region title="Formula">
          <Formula tex={entry.formulaWith(params, d)} label={`${entry.label} formula`} />
          <p className="caption">{entry.paper}</p>
          {entry.fails && (
            <p className="pitfall" role="note">
              <b>This formula fails.</b> {entry.fails}
            </p>
          )}
        </Region>
        <Invariants checks={checks} />
      </div>

      {entry.kind === 'additive' && (
        <>
          {panel(
            'table',
            `Positions 0…${N - 1}; rows 0…${Math.max(T - 1, 0)} (outlined) are the current text. Click a column to plot it below.`,
            tableExtra,
          )}
          <div className="lab-grid">
            <Region title="Curves">
              <p className="caption">
                Value against position for dims {view.dims.join(', ') || '(none: click the table)'}; a sin/cos
                pair is picked together.
              </p>
              <LinesPlot series={curves} options={curveOpts} />
            </Region>
            {entry.wavelengthLadder && (
              <Region title="Wavelength ladder">
                <p className="caption">
                  λ = 2π·base^(2i/d): dimension 0 has the shortest wavelength, 2π; neighbouring pairs differ
                  by base^(2/d) = {Math.pow(params.base, 2 / d).toPrecision(6)}.
                </p>
                <LinesPlot series={ladder} options={ladderOpts} />
              </Region>
            )}
          </div>
          <div className="lab-grid">
            {panel(
              'similarity',
              'PE(p)·PE(q) for every pair of positions.',
              undefined,
              N > 1024 ? 'Export is limited to N ≤ 1024 positions' : undefined,
            )}
            {profile && (
              <Region title="Offset profile">
                <p className="caption">
                  dot(k) = mean over p of PE(p)·PE(p+k)
                  {stop ? `; it first stops decreasing at k = ${stop.x}` : ''}.
                </p>
                <LinesPlot series={profileSeries} options={profileOpts} />
              </Region>
            )}
          </div>
        </>
      )}

      {matrices['compare-sin'] && matrices.table && (
        <>
          <h3 className="lab-intro">Learned (loaded) vs sinusoidal, same d, one colour scale</h3>
          <div className="lab-grid">
            {[matrices.table, matrices['compare-sin']].map((m) => (
              <MatrixPanel
                key={`cmp-${m.name}`}
                title={m.name === 'table' ? 'Learned table (compare)' : m.title}
                matrix={m}
                domain={compareDomain}
                hoverRow={hoverRow}
                caption={
                  m.name === 'table' ? 'The loaded table, rows 0…N−1.' : 'PE at the same d, base and layout.'
                }
              />
            ))}
          </div>
          <div className="lab-grid">
            {panel('compare-diff', 'Learned − sinusoidal, entry by entry.')}
            {panel(
              'compare-sin-similarity',
              'Sinusoidal PE(p)·PE(q): compare with the learned similarity above.',
              undefined,
              N > 1024 ? 'Export is limited to N ≤ 1024 positions' : undefined,
            )}
          </div>
        </>
      )}

      {entry.kind === 'rotary' && (
        <>
          <Region title="Wavelength ladder">
            <p className="caption">θ_i = base^(−2i/d): each pair rotates with wavelength 2π/θ_i.</p>
            <LinesPlot series={ladder} options={ladderOpts} />
          </Region>
          <div className="lab-grid">
            {panel('rope-cos', 'cos(p·θ_i), one column per rotated pair.')}
            {panel('rope-sin', 'sin(p·θ_i).')}
            {panel('rope-q', 'q = E·W_q for the current tokens.')}
            {panel('rope-q-rot', 'R_p q: each pair turned by p·θ_i; the norms do not change.')}
            {panel('rope-k', 'k = E·W_k.')}
            {panel('rope-k-rot', 'R_p k.')}
          </div>
          {panel(
            'rope-scores',
            'The first token’s q and k placed at every position m, n: ⟨R_m q, R_n k⟩ is constant along each diagonal, so it depends only on m − n.',
          )}
        </>
      )}

      {entry.kind === 'bias' && (
        <div className="lab-grid">
          {slopes && <SlopesTable slopes={slopes} />}
          {panel(
            't5-buckets',
            'Bucket of the relative position j − i: exact for small offsets, logarithmic up to max distance.',
          )}
          {biasNames.map((n) => panel(n, entry.biasCaption))}
        </div>
      )}

      <div className="lab-grid">
        {panel('attn-plain', 'softmax(QKᵀ/√d) with X = E: no position information.', {
          colors: 'sequential',
        })}
        {panel(
          'attn-with',
          `softmax(QKᵀ/√d${entry.kind === 'bias' ? ' + bias (head 0)' : ''}) with ${entry.label} ${entry.kind === 'rotary' ? 'rotating q and k' : entry.kind === 'bias' ? 'biasing the scores' : 'added to X'}.`,
          { colors: 'sequential' },
        )}
      </div>
      {panel('attn-out', 'softmax(QKᵀ/√d)·V with the scheme: what attention passes on.')}
    </div>
  );
}
