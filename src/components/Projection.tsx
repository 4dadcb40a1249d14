// The Projection panel: positions, tokens or vocabulary, projected by PCA (on the device), t-SNE or UMAP
// (streamed from the worker as they settle). Linked to every view: hover a point to light its row, brush to
// select rows; the reverse follows the shared hover row.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ExportButtons } from './ExportButtons.tsx';
import {
  PROJECTION_LIMITS,
  PROJECTION_METHODS,
  PROJECTION_SOURCES,
  isOneOf,
  type ProjectionSpec,
} from '../protocol/specs.ts';
import type { ProjectionMsg } from '../client/store.ts';
import { download } from '../client/csv.ts';
import { projectionCsv } from '../client/projectionCsv.ts';
import {
  rerunProjection,
  setHoverRow,
  setSelectedRows,
  stopProjection,
  updateProjection,
  useAppState,
} from '../client/useEngine.ts';
import type { ScatterData } from '../plots/scatter/index.ts';
import type { Series } from '../plots/lines.ts';
import { NumberField } from './NumberField.tsx';
import { Scatter } from './Scatter.tsx';
import { LinesPlot } from './LinesPlot.tsx';

const METHOD_LABELS = { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' } as const;
const SOURCE_LABELS = {
  positions: 'positions',
  tokens: 'tokens of the text',
  vocabulary: 'vocabulary',
} as const;

/** The 2-D view of a layout: the first two axes, or for 3 components an orthographic view turned by θ about y. */
export function view2d(p: ProjectionMsg, theta: number): { x: Float32Array; y: Float32Array } {
  const { n, dims, points } = p;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  for (let i = 0; i < n; i++) {
    const a = points[i * dims];
    const b = dims > 1 ? points[i * dims + 1] : 0;
    x[i] = dims === 3 ? c * a + s * points[i * dims + 2] : a;
    y[i] = b;
  }
  return { x, y };
}

/** The heatmap row a point stands for: a position, a token, or the first token with that vocabulary id. */
function rowOf(p: ProjectionMsg, i: number, tokenIds: number[]): number | null {
  const key = p.keys[i];
  if (key === undefined) return null;
  if (p.keyKind === 'id') {
    const r = tokenIds.indexOf(key);
    return r >= 0 ? r : null;
  }
  return key;
}

/** One object, so that re-rendering the panel (every keystroke) does not redraw the curves. */
const PC_CURVE_OPTIONS = { xTitle: 'position', yTitle: 'PCA score', height: 200 };

/** No highlighted point; one shared array, so a re-render without hover does not reach the scatter. */
const NONE: number[] = [];

export function Projection() {
  const proj = useAppState((s) => s.view.proj);
  const p = useAppState((s) => s.projection);
  const running = useAppState((s) => s.projectionRunning);
  const error = useAppState((s) => s.projectionError);
  const hoverRow = useAppState((s) => s.hoverRow);
  const tokens = useAppState((s) => s.tokens);
  const [theta, setTheta] = useState(0);
  const tokenIds = useMemo(() => tokens.map((t) => t.id), [tokens]);

  const data: ScatterData | null = useMemo(() => {
    if (!p) return null;
    const { x, y } = view2d(p, theta);
    const axis = (k: number) =>
      p.explained
        ? `PC${k + 1} (${(100 * p.explained[k]).toFixed(1)}%)`
        : `${METHOD_LABELS[proj.method]} ${k + 1}`;
    return {
      x,
      y,
      n: p.n,
      labels: p.labels,
      color: p.color.length === p.n ? p.color : undefined,
      colorLabel: p.keyKind === 'id' ? 'token id' : 'position',
      path: p.keyKind === 'position',
      start: p.keyKind !== 'id',
      title: p.note,
      xLabel: p.dims === 3 ? `${axis(0)} ↻ ${axis(2)}` : axis(0),
      yLabel: axis(1),
    };
  }, [p, theta, proj.method]);

  // The callbacks read the latest projection and tokens through a ref, so the options stay the same object
  // across keystrokes and the scatter is not redrawn for a text change that leaves its points alone.
  const latest = useRef({ p, tokenIds });
  useEffect(() => {
    latest.current = { p, tokenIds };
  }, [p, tokenIds]);
  const options = useMemo(
    () => ({
      height: 420,
      showLabels: true,
      onHover: (i: number | null) => {
        const { p, tokenIds } = latest.current;
        setHoverRow(p && i !== null ? rowOf(p, i, tokenIds) : null);
      },
      onBrush: (idx: number[]) => {
        const { p, tokenIds } = latest.current;
        if (!p) return;
        const rows = idx.map((i) => rowOf(p, i, tokenIds)).filter((r): r is number => r !== null);
        setSelectedRows([...new Set(rows)].sort((a, b) => a - b));
      },
    }),
    [],
  );

  const highlight = useMemo(() => {
    if (!p || hoverRow === null) return NONE;
    if (p.keyKind === 'id') {
      const id = tokenIds[hoverRow];
      const i = p.keys.indexOf(id);
      return i >= 0 ? [i] : NONE;
    }
    return hoverRow < p.n ? [hoverRow] : NONE;
  }, [p, hoverRow, tokenIds]);

  const curves: Series[] = useMemo(() => {
    const pcs = p?.pcs;
    if (!p || !pcs || p.pcCount === 0) return [];
    return Array.from({ length: p.pcCount }, (_, k) => ({
      name: `PC${k + 1}`,
      y: Float32Array.from({ length: p.n }, (_, i) => pcs[i * p.pcCount + k]),
    }));
  }, [p]);

  const set = (patch: Partial<ProjectionSpec>) => updateProjection(patch);
  const plot = useRef<HTMLDivElement>(null);
  const iterative = proj.method !== 'pca';
  return (
    <section className="panel" aria-labelledby="proj-title" role="region">
      <header className="panel-head">
        <h2 id="proj-title">Projection</h2>
        <span className="shape" data-testid="projection-status">
          {p ? `${p.n.toLocaleString('en')} points · ${METHOD_LABELS[proj.method]}` : ''}
          {p && iterative ? ` · iteration ${p.iteration} of ${p.total}` : ''}
          {running ? ' · running…' : p?.done ? ' · done' : ''}
        </span>
        <button
          type="button"
          disabled={!p || p.n === 0}
          onClick={() => p && download(`projection-${proj.source}-${proj.method}.csv`, projectionCsv(p))}
        >
          Export CSV
        </button>
        <ExportButtons target={plot} name={`projection-${proj.source}-${proj.method}`} />
      </header>
      <div className="controls" role="group" aria-label="Projection controls">
        <label className="field">
          <span>Project</span>
          <select
            value={proj.source}
            onChange={(e) => isOneOf(PROJECTION_SOURCES, e.target.value) && set({ source: e.target.value })}
          >
            {PROJECTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Method</span>
          <select
            value={proj.method}
            onChange={(e) => isOneOf(PROJECTION_METHODS, e.target.value) && set({ method: e.target.value })}
          >
            {PROJECTION_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Components</span>
          <select value={proj.dims} onChange={(e) => set({ dims: e.target.value === '3' ? 3 : 2 })}>
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </label>
        {proj.source === 'tokens' && (
          <label className="check">
            <input
              type="checkbox"
              checked={proj.withPositions}
              onChange={(e) => set({ withPositions: e.target.checked })}
            />{' '}
            E + PE (off: E only)
          </label>
        )}
        {proj.source === 'vocabulary' && (
          <NumberField
            label="sample"
            value={proj.sample}
            min={3}
            max={PROJECTION_LIMITS.sampleMax}
            commit={(sample) => set({ sample })}
          />
        )}
        {proj.method === 'tsne' && (
          <>
            <NumberField
              label="perplexity"
              value={proj.perplexity}
              min={PROJECTION_LIMITS.perplexityMin}
              max={PROJECTION_LIMITS.perplexityMax}
              commit={(perplexity) => set({ perplexity })}
            />
            <NumberField
              label="learning rate"
              value={proj.learningRate}
              min={1}
              commit={(learningRate) => set({ learningRate })}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={proj.tsneExact}
                onChange={(e) => set({ tsneExact: e.target.checked })}
              />{' '}
              exact (else Barnes–Hut)
            </label>
          </>
        )}
        {proj.method === 'umap' && (
          <>
            <NumberField
              label="n_neighbors"
              value={proj.neighbors}
              min={PROJECTION_LIMITS.neighborsMin}
              max={PROJECTION_LIMITS.neighborsMax}
              commit={(neighbors) => set({ neighbors })}
            />
            <NumberField
              label="min_dist"
              value={proj.minDist}
              step={0.05}
              min={0}
              max={1}
              commit={(minDist) => set({ minDist })}
            />
          </>
        )}
        {iterative && (
          <>
            <NumberField
              label="iterations"
              value={proj.iterations}
              min={10}
              max={PROJECTION_LIMITS.iterationsMax}
              commit={(iterations) => set({ iterations })}
            />
            <NumberField label="projection seed" value={proj.seed} commit={(seed) => set({ seed })} />
            {running ? (
              <button type="button" onClick={stopProjection}>
                Stop
              </button>
            ) : (
              <button type="button" onClick={rerunProjection}>
                Run again
              </button>
            )}
          </>
        )}
        {p?.dims === 3 && (
          <label className="field">
            <span>turn view (θ)</span>
            <input
              type="range"
              min={0}
              max={628}
              value={Math.round(theta * 100)}
              onChange={(e) => setTheta(Number(e.target.value) / 100)}
            />
          </label>
        )}
      </div>
      {running && p && iterative && (
        <progress
          className="proj-progress"
          max={p.total}
          value={p.iteration}
          aria-label="projection progress"
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {p?.explained && (
        <p className="hint" data-testid="explained">
          Variance explained: {p.explained.map((e, k) => `PC${k + 1} ${(100 * e).toFixed(2)}%`).join(' · ')} ·
          together {(100 * p.explained.reduce((a, b) => a + b, 0)).toFixed(2)}%
        </p>
      )}
      <div ref={plot} className="plot-export-root">
        {data && <Scatter data={data} options={options} highlight={highlight} />}
      </div>
      <p className="hint">
        Drag to pan, wheel to zoom, double-click to reset; shift+drag selects rows in every view.
      </p>
      {curves.length > 0 && (
        <>
          <h3>PCs vs position</h3>
          <LinesPlot series={curves} options={PC_CURVE_OPTIONS} />
          <p className="hint">
            Each top component of the position rows as a function of position: sinusoids for sin/cos tables,
            noisy ones for learned tables.
          </p>
        </>
      )}
    </section>
  );
}
