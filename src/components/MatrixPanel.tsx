import { memo, useMemo, useRef, type ReactNode } from 'react';
import { ExportButtons } from './ExportButtons.tsx';
import { describeMatrix } from '../client/describeMatrix.ts';
import type { Matrix } from '../protocol/messages.ts';
import { slug } from '../protocol/messages.ts';
import { download, matrixCsv } from '../client/csv.ts';
import { setHoverRow } from '../client/useEngine.ts';
import { Heatmap } from './Heatmap.tsx';
import type { HeatmapOptions } from '../plots/heatmap.ts';
import { Legend } from './Legend.tsx';
import { useT, type Translate } from '../i18n/useT.ts';
import { Overview } from './Overview.tsx';

/**
 * Hover and row mapping of a big table's detail window (rows are positions start…end) and of a pooled [T, d]
 * matrix (each cell a block mean: the hover says so and names the block).
 */
function bigOptions(m: Matrix, hoverRow: number | null, t: Translate): Partial<HeatmapOptions> {
  const w = m.window;
  if (w)
    return {
      highlightRow: hoverRow === null ? null : hoverRow - w.start,
      onHover: (row) => setHoverRow(row === null ? null : w.start + row),
      describe: (row, col, v) => t('hover.window', { p: w.start + row, c: col, v }),
    };
  const pooled = m.pooled;
  if (pooled) {
    const { rowBlock: rb, colBlock: cb, shape } = pooled;
    const span = (i: number, b: number, n: number) =>
      b === 1 ? String(i) : `${i * b}…${Math.min(n, (i + 1) * b) - 1}`;
    return {
      highlightRow: hoverRow === null ? null : Math.floor(hoverRow / rb),
      onHover: (row) => setHoverRow(row === null ? null : row * rb),
      describe: (row, col, v) =>
        t('hover.pooled', { rows: span(row, rb, shape[0]), cols: span(col, cb, shape[1]), v }),
    };
  }
  return {};
}

interface Props {
  title: string;
  /** A stable English name for the element id and the exported files (default: the title). */
  name?: string;
  matrix: Matrix | undefined;
  domain: [number, number];
  hoverRow: number | null;
  caption?: ReactNode;
  /** Extra heatmap options (sequential colours, shading past the training length, axis titles). */
  extra?: Partial<HeatmapOptions>;
  /** Why export is off, e.g. for similarity matrices over more than 1024 positions. */
  exportBlocked?: string;
}

/** A landmark region named by its title: heatmap, legend, hover read-out and CSV export. */
/** Memoised: a message for one panel must not redraw the others. */
export const MatrixPanel = memo(function MatrixPanel({
  title,
  name = title,
  matrix,
  domain,
  hoverRow,
  caption,
  extra,
  exportBlocked,
}: Props) {
  const id = `panel-${slug(name)}`;
  const t = useT();
  const colors = extra?.colors ?? matrix?.colors ?? 'diverging';
  const options = useMemo(
    () => ({
      domain,
      highlightRow: hoverRow,
      onHover: setHoverRow,
      xTitle: matrix?.colLabels ? t('matrix.keyPosition') : t('matrix.dimension'),
      colors,
      lang: t.lang,
      ...(matrix ? bigOptions(matrix, hoverRow, t) : {}),
      ...extra,
    }),
    [domain, hoverRow, extra, colors, matrix, t],
  );
  const [rows, cols] = matrix?.shape ?? [0, 0];
  // A full pass over the values: once per matrix, not on every hover or sibling update.
  const summary = useMemo(
    () => (matrix ? describeMatrix(matrix, t.lang, title) : ''),
    [matrix, t.lang, title],
  );
  const plot = useRef<HTMLDivElement>(null);
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        <span className="shape">{matrix ? `[${rows} × ${cols}]` : t('matrix.computing')}</span>
        {matrix?.note && <span className="note">{t.say(matrix.note)}</span>}
        <button
          type="button"
          disabled={!matrix || !!exportBlocked}
          title={exportBlocked}
          onClick={() => matrix && download(`${slug(name)}.csv`, matrixCsv(matrix))}
        >
          {t('matrix.exportCsv')}
        </button>
        <ExportButtons target={plot} name={slug(name)} matrix={exportBlocked ? undefined : matrix} />
      </header>
      {caption && <p className="caption">{caption}</p>}
      {matrix && (
        <p className="visually-hidden" id={`${id}-summary`}>
          {summary} {t('matrix.everyValue')}
        </p>
      )}
      {matrix?.overview && matrix.window && (
        <Overview
          title={title}
          overview={matrix.overview}
          window={matrix.window}
          domain={domain}
          colors={colors}
        />
      )}
      <div ref={plot} className="plot-export-root" aria-describedby={matrix ? `${id}-summary` : undefined}>
        {matrix && rows > 0 ? (
          <Heatmap matrix={matrix} options={options} />
        ) : (
          <p className="empty">{matrix ? t('matrix.noTokens') : t('matrix.waiting')}</p>
        )}
        <Legend domain={domain} title={t('matrix.colourScale', { title })} colors={colors} />
      </div>
    </section>
  );
});
