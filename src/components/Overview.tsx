// The overview of a position table of more than 4,096 rows (DESIGN.md "Big tables"): each row is the MEAN of a
// block of table rows, reduced on the device. The rows of the current detail window are outlined; dragging over
// the overview (or clicking it) picks a new window of at most 4,096 rows, which the worker recomputes exactly
// (URL key `window`). Two number fields do the same from the keyboard.
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Overview as OverviewData, WindowInfo } from '../protocol/window.ts';
import { DETAIL_ROWS, validateWindow } from '../protocol/window.ts';
import type { HeatmapOptions } from '../plots/heatmap.ts';
import { addNotice, updateView } from '../client/useEngine.ts';
import { Heatmap } from './Heatmap.tsx';
import { overviewText } from '../client/bigHover.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  title: string;
  overview: OverviewData;
  window: WindowInfo;
  domain: [number, number];
  colors: 'diverging' | 'sequential';
}

/** Positions a…b (inclusive) clipped to the table and to DETAIL_ROWS rows from a. */
function clip(a: number, b: number, total: number): [number, number] {
  const lo = Math.max(0, Math.min(a, b, total - 1));
  const hi = Math.min(total - 1, Math.max(a, b), lo + DETAIL_ROWS - 1);
  return [lo, hi];
}

export function Overview({ title, overview, window: w, domain, colors }: Props) {
  const { block, total } = overview;
  const [rows, cols] = overview.shape;
  const host = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const t = useT();
  const selectedRows = useMemo(() => {
    const [a, b] = drag ? clip(drag[0], drag[1], total) : [w.start, w.end];
    const out: number[] = [];
    for (let r = Math.floor(a / block); r <= Math.floor(b / block); r++) out.push(r);
    return out;
  }, [drag, total, w.start, w.end, block]);
  const data = useMemo(
    () => ({
      shape: overview.shape,
      data: overview.data,
      rowLabels: Array.from({ length: rows }, (_, r) => String(r * block)),
    }),
    [overview, rows, block],
  );
  const options = useMemo(
    (): HeatmapOptions => ({
      domain,
      rowAxis: { start: 0, count: total },
      colors,
      selectedRows,
      xTitle: t('matrix.dimension'),
      yTitle: t('overview.yTitle', { block }),
      describe: (r, c, v) => overviewText(t.lang, overview, r, c, v),
    }),
    [domain, colors, selectedRows, block, overview, total, t],
  );
  /** The table position under the pointer, from where it sits on the overview's canvas. */
  const positionAt = (e: PointerEvent<HTMLDivElement>): number | null => {
    const canvas = host.current?.querySelector('canvas');
    if (!canvas) return null;
    const r = canvas.getBoundingClientRect();
    const f = (e.clientY - r.top) / r.height;
    if (!(f >= 0 && f <= 1) || e.clientX < r.left || e.clientX > r.right) return null;
    return Math.min(total - 1, Math.floor(f * total));
  };
  const finish = (a: number, b: number) => {
    // A click (no drag) shows DETAIL_ROWS rows from there, moved back to fit before the end.
    const [lo, hi] = a === b ? [Math.max(0, Math.min(a, total - DETAIL_ROWS)), total - 1] : [a, b];
    updateView({ window: clip(lo, a === b ? Math.min(hi, lo + DETAIL_ROWS - 1) : hi, total) });
  };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <div className="overview">
      <p className="caption">
        {t('overview.caption', { total, block, rows, cols, max: DETAIL_ROWS, start: w.start, end: w.end })}
      </p>
      <div
        ref={host}
        className="overview-brush"
        aria-label={t('overview.brush', { title })}
        onPointerDown={(e) => {
          const p = positionAt(e);
          if (p === null) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          setDrag([p, p]);
        }}
        onPointerMove={(e) => {
          if (!drag) return;
          const p = positionAt(e);
          if (p !== null) setDrag([drag[0], p]);
        }}
        onPointerUp={() => {
          if (drag) finish(drag[0], drag[1]);
          setDrag(null);
        }}
      >
        <Heatmap matrix={data} options={options} />
      </div>
      <form
        className="overview-window"
        onSubmit={(e) => {
          e.preventDefault();
          const [a, b] = [Number(from), Number(to)];
          const bad = validateWindow([a, b], total);
          // A bad window leaves the current one (and everything else) in place, with a notice naming the limit.
          if (bad) addNotice(bad);
          else updateView({ window: [a, b] });
        }}
      >
        <label>
          {t('overview.from')}{' '}
          <input
            type="number"
            min={0}
            max={total - 1}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          {t('overview.to')}{' '}
          <input type="number" min={0} max={total - 1} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit">{t('overview.show')}</button>
      </form>
    </div>
  );
}
