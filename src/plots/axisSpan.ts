// Axes in real units for a drawn grid that stands for more (or other) indices than its own cells: a pooled matrix
// of block means (tokens, dims) or a detail window of positions. Pure: the heatmap draws what this picks.
import { scaleLinear } from 'd3';

/** The real index range [start, start + count) that one axis of the drawn grid covers. */
export interface AxisSpan {
  start: number;
  count: number;
}

/** The drawn cell that holds real index t (integer arithmetic: exact for any table this app draws). */
export const cellIndex = (t: number, span: AxisSpan, cells: number) =>
  Math.floor(((t - span.start) * cells) / span.count);

/** Integer ticks in real units over a span drawn as `cells` cells, placed at the centre of the cell holding each. */
export function spanTicks(span: AxisSpan, cells: number): number[] {
  const real = scaleLinear().domain([span.start, span.start + span.count]);
  return real
    .ticks(Math.min(span.count, 8))
    .filter((t) => Number.isInteger(t) && t >= span.start && t < span.start + span.count)
    .filter((t, i, all) => i === 0 || cellIndex(t, span, cells) !== cellIndex(all[i - 1], span, cells));
}
