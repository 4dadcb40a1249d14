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
import { useT } from '../i18n/useT.ts';
import type { Lang } from '../i18n/lang.ts';
import { Overview } from './Overview.tsx';
import { cancelCells, meanText, pooledTip, windowText } from '../client/bigHover.ts';

/**
 * Hover and row mapping of a big table's detail window (rows are positions start…end, exact) and of a pooled [T, d]
 * matrix (each cell a block mean: the hover names the block, then shows the exact values the worker reads for it).
 */
function bigOptions(m: Matrix, hoverRow: number | null, lang: Lang): Partial<HeatmapOptions> {
  const w = m.window;
  if (w)
    return {
      rowAxis: { start: w.start, count: w.end - w.start + 1 },
      highlightRow: hoverRow === null ? null : hoverRow - w.start,
      onHover: (row) => setHoverRow(row === null ? null : w.start + row),
      describe: (row, col, v) => windowText(lang, w, row, col, v),
    };
  const pooled = m.pooled;
  if (pooled) {
    const rb = pooled.rowBlock;
    return {
      // the axes count tokens and dimensions, not blocks
      rowAxis: { start: 0, count: pooled.shape[0] },
      colAxis: { start: 0, count: pooled.shape[1] },
      highlightRow: hoverRow === null ? null : Math.floor(hoverRow / rb),
      onHover: (row) => {
        if (row === null) cancelCells();
        setHoverRow(row === null ? null : row * rb);
      },
      describe: (row, col, v) => meanText(lang, pooled, row, col, v),
      describeLive: (row, col, v, within, later) => pooledTip(lang, m, row, col, v, within, later),
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
      ...(matrix ? bigOptions(matrix, hoverRow, t.lang) : {}),
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
