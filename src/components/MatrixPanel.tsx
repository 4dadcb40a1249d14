import { useMemo, type ReactNode } from 'react';
import type { Matrix } from '../protocol/messages.ts';
import { slug } from '../protocol/messages.ts';
import { download, matrixCsv } from '../client/csv.ts';
import { setHoverRow } from '../client/useEngine.ts';
import { Heatmap } from './Heatmap.tsx';
import { Legend } from './Legend.tsx';

interface Props {
  title: string;
  matrix: Matrix | undefined;
  domain: [number, number];
  hoverRow: number | null;
  caption?: ReactNode;
}

/** A landmark region named by its title: heatmap, legend, hover read-out and CSV export. */
export function MatrixPanel({ title, matrix, domain, hoverRow, caption }: Props) {
  const id = `panel-${slug(title)}`;
  const options = useMemo(
    () => ({ domain, highlightRow: hoverRow, onHover: setHoverRow, xTitle: 'dimension' }),
    [domain, hoverRow],
  );
  const [rows, cols] = matrix?.shape ?? [0, 0];
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        <span className="shape">{matrix ? `[${rows} × ${cols}]` : 'computing…'}</span>
        <button
          type="button"
          disabled={!matrix}
          onClick={() => matrix && download(`${slug(title)}.csv`, matrixCsv(matrix))}
        >
          Export CSV
        </button>
      </header>
      {caption && <p className="caption">{caption}</p>}
      {matrix && rows > 0 ? (
        <Heatmap matrix={matrix} options={options} />
      ) : (
        <p className="empty">{matrix ? 'No tokens yet: type some text above.' : 'Waiting for the engine…'}</p>
      )}
      <Legend domain={domain} title={`${title} colour scale`} />
    </section>
  );
}
