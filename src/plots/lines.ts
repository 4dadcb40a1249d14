// drawLines(el, series, opts): line charts in SVG (curves vs position, the wavelength ladder, the offset
// profile), idempotent like a D3 join, with a hover read-out of every series at the nearest x.
import {
  axisBottom,
  axisLeft,
  format,
  line,
  pointer,
  scaleLinear,
  scaleLog,
  schemeTableau10,
  select,
} from 'd3';
import { widthOf } from './width.ts';

export interface Series {
  name: string;
  /** y values; x is the index unless `x` is given. */
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  /** Draw points instead of a line. */
  points?: boolean;
  dashed?: boolean;
}

export interface LinesOptions {
  xTitle: string;
  yTitle: string;
  logY?: boolean;
  height?: number;
  /** Vertical markers, e.g. the first k where the offset profile stops decreasing. */
  marks?: Array<{ x: number; label: string }>;
  /** Shade x ≥ this value (positions past the training length). */
  shadeFrom?: number | null;
  shadeLabel?: string;
  /** How to print a y value in the read-out. */
  yFormat?: (v: number) => string;
}

const M = { top: 10, right: 16, bottom: 36, left: 56 };

export function drawLines(el: HTMLElement, series: Series[], opts: LinesOptions): void {
  const width = Math.max(280, widthOf(el) || 600);
  const height = opts.height ?? 220;
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const xs = (s: Series, i: number) => (s.x ? s.x[i] : i);

  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const x = xs(s, i);
      const y = s.y[i];
      if (!Number.isFinite(y) || (opts.logY && y <= 0)) continue;
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  if (!Number.isFinite(xMin)) [xMin, xMax, yMin, yMax] = [0, 1, 0, 1];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const x = scaleLinear()
    .domain([xMin, xMax === xMin ? xMin + 1 : xMax])
    .range([0, w]);
  const y = (opts.logY ? scaleLog() : scaleLinear()).domain([yMin, yMax]).range([h, 0]).nice();

  const svg = select(el)
    .selectAll<SVGSVGElement, number>('svg.lines')
    .data([0])
    .join('svg')
    .attr('class', 'lines')
    .attr('width', width)
    .attr('height', height);
  const g = svg
    .selectAll<SVGGElement, number>('g.plot')
    .data([0])
    .join('g')
    .attr('class', 'plot')
    .attr('transform', `translate(${M.left},${M.top})`);

  const shade = opts.shadeFrom ?? null;
  g.selectAll('rect.shade')
    .data(shade !== null && shade < xMax ? [shade] : [])
    .join('rect')
    .attr('class', 'shade')
    .attr('x', (s) => x(Math.max(s, xMin)))
    .attr('y', 0)
    .attr('width', (s) => w - x(Math.max(s, xMin)))
    .attr('height', h);
  g.selectAll('text.shade-label')
    .data(shade !== null && shade < xMax && opts.shadeLabel ? [opts.shadeLabel] : [])
    .join('text')
    .attr('class', 'shade-label')
    .attr('x', w - 4)
    .attr('y', 12)
    .attr('text-anchor', 'end')
    .text((t) => t);

  g.selectAll<SVGGElement, number>('g.x-axis')
    .data([0])
    .join('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(0,${h})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 70))));
  g.selectAll<SVGGElement, number>('g.y-axis')
    .data([0])
    .join('g')
    .attr('class', 'y-axis')
    .call(axisLeft(y).ticks(5, opts.logY ? '~g' : undefined));
  g.selectAll('text.x-title')
    .data([opts.xTitle])
    .join('text')
    .attr('class', 'x-title')
    .attr('x', w / 2)
    .attr('y', h + 30)
    .attr('text-anchor', 'middle')
    .text((t) => t);
  g.selectAll('text.y-title')
    .data([opts.yTitle])
    .join('text')
    .attr('class', 'y-title')
    .attr('transform', `translate(-44,${h / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text((t) => t);

  const colour = (i: number) => schemeTableau10[i % 10];
  g.selectAll<SVGPathElement, Series>('path.series')
    .data(series.filter((s) => !s.points))
    .join('path')
    .attr('class', 'series')
    .attr('fill', 'none')
    .attr('stroke', (_, i) => colour(i))
    .attr('stroke-width', 1.6)
    .attr('stroke-dasharray', (s) => (s.dashed ? '5 3' : null))
    .attr('d', (s) =>
      line<number>()
        .defined((i) => Number.isFinite(s.y[i]) && (!opts.logY || s.y[i] > 0))
        .x((i) => x(xs(s, i)))
        .y((i) => y(s.y[i]))(Array.from({ length: s.y.length }, (_, i) => i)),
    );
  const pointSeries = series.filter((s) => s.points);
  g.selectAll<SVGGElement, Series>('g.points')
    .data(pointSeries)
    .join('g')
    .attr('class', 'points')
    .attr('fill', (_, i) => colour(series.length - pointSeries.length + i))
    .selectAll('circle')
    .data((s) =>
      Array.from({ length: s.y.length }, (_, i) => [xs(s, i), s.y[i]] as [number, number]).filter(
        ([, v]) => Number.isFinite(v) && (!opts.logY || v > 0),
      ),
    )
    .join('circle')
    .attr('r', 2.5)
    .attr('cx', (d) => x(d[0]))
    .attr('cy', (d) => y(d[1]));

  g.selectAll<SVGGElement, { x: number; label: string }>('g.mark')
    .data(opts.marks ?? [])
    .join((enter) => {
      const m = enter.append('g').attr('class', 'mark');
      m.append('line');
      m.append('text');
      return m;
    })
    .attr('transform', (m) => `translate(${x(m.x)},0)`)
    .call((m) => m.select('line').attr('y1', 0).attr('y2', h))
    .call((m) =>
      m
        .select('text')
        .attr('x', 4)
        .attr('y', 24)
        .text((d) => d.label),
    );

  // Legend (only when there is more than one series).
  g.selectAll<SVGTextElement, Series>('text.key')
    .data(series.length > 1 ? series : [])
    .join('text')
    .attr('class', 'key')
    .attr('x', 6)
    .attr('y', (_, i) => 12 + i * 13)
    .attr('fill', (_, i) => colour(i))
    .text((s) => s.name);

  // Hover read-out at the nearest x.
  const fmt = opts.yFormat ?? format('.4f');
  const tip = select(el)
    .selectAll<HTMLDivElement, number>('div.tooltip')
    .data([0])
    .join('div')
    .attr('class', 'tooltip')
    .attr('role', 'status')
    .property('hidden', true);
  const cursor = g
    .selectAll<SVGLineElement, number>('line.cursor')
    .data([0])
    .join('line')
    .attr('class', 'cursor');
  g.selectAll<SVGRectElement, number>('rect.hit')
    .data([0])
    .join('rect')
    .attr('class', 'hit')
    .attr('width', w)
    .attr('height', h)
    .attr('fill', 'transparent')
    .on('pointermove', (event: PointerEvent) => {
      const [px, py] = pointer(event);
      const xv = x.invert(px);
      const parts = series.map((s) => {
        let best = 0;
        for (let i = 1; i < s.y.length; i++)
          if (Math.abs(xs(s, i) - xv) < Math.abs(xs(s, best) - xv)) best = i;
        return { s, i: best };
      });
      const at = parts[0] ? xs(parts[0].s, parts[0].i) : xv;
      cursor.attr('x1', x(at)).attr('x2', x(at)).attr('y1', 0).attr('y2', h).attr('hidden', null);
      tip
        .property('hidden', false)
        .style('left', `${Math.min(M.left + px + 12, width - 200)}px`)
        .style('top', `${M.top + py + 12}px`)
        .text(
          `${opts.xTitle} ${format('~g')(at)} · ` +
            parts.map(({ s, i }) => `${series.length > 1 ? s.name + ' ' : ''}${fmt(s.y[i])}`).join(' · '),
        );
    })
    .on('pointerleave', () => {
      tip.property('hidden', true);
      cursor.attr('hidden', true);
    });
}
