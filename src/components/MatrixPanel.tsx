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

interface Props {
  title: string;
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
  matrix,
  domain,
  hoverRow,
  caption,
  extra,
  exportBlocked,
}: Props) {
  const id = `panel-${slug(title)}`;
  const colors = extra?.colors ?? matrix?.colors ?? 'diverging';
  const options = useMemo(
    () => ({
      domain,
      highlightRow: hoverRow,
      onHover: setHoverRow,
      xTitle: matrix?.colLabels ? 'key position' : 'dimension',
      colors,
      ...extra,
    }),
    [domain, hoverRow, extra, colors, matrix?.colLabels],
  );
  const [rows, cols] = matrix?.shape ?? [0, 0];
  // A full pass over the values: once per matrix, not on every hover or sibling update.
  const summary = useMemo(() => (matrix ? describeMatrix(matrix) : ''), [matrix]);
  const plot = useRef<HTMLDivElement>(null);
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        <span className="shape">{matrix ? `[${rows} × ${cols}]` : 'computing…'}</span>
        {matrix?.note && <span className="note">{matrix.note}</span>}
        <button
          type="button"
          disabled={!matrix || !!exportBlocked}
          title={exportBlocked}
          onClick={() => matrix && download(`${slug(title)}.csv`, matrixCsv(matrix))}
        >
          Export CSV
        </button>
        <ExportButtons target={plot} name={slug(title)} matrix={exportBlocked ? undefined : matrix} />
      </header>
      {caption && <p className="caption">{caption}</p>}
      {matrix && (
        <p className="visually-hidden" id={`${id}-summary`}>
          {summary} Export CSV gives every value.
        </p>
      )}
      <div ref={plot} className="plot-export-root" aria-describedby={matrix ? `${id}-summary` : undefined}>
        {matrix && rows > 0 ? (
          <Heatmap matrix={matrix} options={options} />
        ) : (
          <p className="empty">
            {matrix ? 'No tokens yet: type some text above.' : 'Waiting for the engine…'}
          </p>
        )}
        <Legend domain={domain} title={`${title} colour scale`} colors={colors} />
      </div>
    </section>
  );
});
