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
import { useT } from '../i18n/useT.ts';
import { list } from '../protocol/msg.ts';

const METHOD_LABELS = { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' } as const;
const SOURCE_LABELS = {
  positions: 'proj.source.positions',
  tokens: 'proj.source.tokens',
  vocabulary: 'proj.source.vocabulary',
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
  const t = useT();
  /** One object per language, so that re-rendering the panel (every keystroke) does not redraw the curves. */
  const pcCurveOptions = useMemo(
    () => ({ xTitle: t('proj.position'), yTitle: t('proj.score'), height: 200 }),
    [t],
  );

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
      colorLabel: p.keyKind === 'id' ? t('proj.tokenId') : t('proj.position'),
      path: p.keyKind === 'position',
      start: p.keyKind !== 'id',
      title: t.say(list(p.note, 'msg.dot')),
      xLabel: p.dims === 3 ? `${axis(0)} ↻ ${axis(2)}` : axis(0),
      yLabel: axis(1),
      lang: t.lang,
    };
  }, [p, theta, proj.method, t]);

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
        <h2 id="proj-title">{t('proj.title')}</h2>
        <span className="shape" data-testid="projection-status">
          {p ? t('proj.points', { n: t.num(p.n), method: METHOD_LABELS[proj.method] }) : ''}
          {p && iterative ? t('proj.iteration', { i: p.iteration, total: p.total }) : ''}
          {running ? t('proj.running') : p?.done ? t('proj.done') : ''}
        </span>
        <button
          type="button"
          disabled={!p || p.n === 0}
          onClick={() => p && download(`projection-${proj.source}-${proj.method}.csv`, projectionCsv(p))}
        >
          {t('matrix.exportCsv')}
        </button>
        <ExportButtons target={plot} name={`projection-${proj.source}-${proj.method}`} />
      </header>
      <div className="controls" role="group" aria-label={t('proj.controls')}>
        <label className="field">
          <span>{t('proj.project')}</span>
          <select
            value={proj.source}
            onChange={(e) => isOneOf(PROJECTION_SOURCES, e.target.value) && set({ source: e.target.value })}
          >
            {PROJECTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(SOURCE_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('proj.method')}</span>
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
          <span>{t('proj.components')}</span>
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
            {t('proj.withPositions')}
          </label>
        )}
        {proj.source === 'vocabulary' && (
          <NumberField
            label={t('proj.sample')}
            value={proj.sample}
            min={3}
            max={PROJECTION_LIMITS.sampleMax}
            commit={(sample) => set({ sample })}
          />
        )}
        {proj.method === 'tsne' && (
          <>
            <NumberField
              label={t('proj.perplexity')}
              value={proj.perplexity}
              min={PROJECTION_LIMITS.perplexityMin}
              max={PROJECTION_LIMITS.perplexityMax}
              commit={(perplexity) => set({ perplexity })}
            />
            <NumberField
              label={t('proj.lr')}
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
              {t('proj.exact')}
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
              label={t('proj.iterations')}
              value={proj.iterations}
              min={10}
              max={PROJECTION_LIMITS.iterationsMax}
              commit={(iterations) => set({ iterations })}
            />
            <NumberField label={t('proj.seed')} value={proj.seed} commit={(seed) => set({ seed })} />
            {running ? (
              <button type="button" onClick={stopProjection}>
                {t('proj.stop')}
              </button>
            ) : (
              <button type="button" onClick={rerunProjection}>
                {t('app.runAgain')}
              </button>
            )}
          </>
        )}
        {p?.dims === 3 && (
          <label className="field">
            <span>{t('proj.turn')}</span>
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
          aria-label={t('proj.progress')}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {t.say(error)}
        </p>
      )}
      {p?.explained && (
        <p className="hint" data-testid="explained">
          {t('proj.variance', {
            list: p.explained.map((e, k) => `PC${k + 1} ${(100 * e).toFixed(2)}%`).join(' · '),
            sum: (100 * p.explained.reduce((a, b) => a + b, 0)).toFixed(2),
          })}
        </p>
      )}
      <div ref={plot} className="plot-export-root">
        {data && <Scatter data={data} options={options} highlight={highlight} />}
      </div>
      <p className="hint">{t('proj.hint')}</p>
      {curves.length > 0 && (
        <>
          <h3>{t('proj.pcs')}</h3>
          <LinesPlot series={curves} options={pcCurveOptions} />
          <p className="hint">{t('proj.pcsHint')}</p>
        </>
      )}
    </section>
  );
}
