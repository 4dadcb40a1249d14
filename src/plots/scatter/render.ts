// Drawing one scatter frame from its State: the points and path through the renderer (a level-of-detail
// prefix while the view moves), the axes at the current zoom, and the SVG overlay (start marker, text labels,
// brush rectangle, hover ring and tooltip); the title and legend, which do not move with the zoom; and the
// frame-time calibration that sets how many points a moving frame may draw.
import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { LUT_SIZE } from '../scales.ts';
import {
  centredView,
  composeView,
  placeLabels,
  thinnedAlpha,
  toScreen,
  visibleDomain,
  type Affine,
  type Box,
} from './math.ts';
import {
  FRAME_MS,
  LABEL_LIMIT,
  LOD_FLOOR,
  LOD_MIN,
  M,
  fmt4,
  pointSize,
  short,
  states,
  type Frame,
  type ScatterData,
  type State,
} from './state.ts';

export function schedule(s: State): void {
  if (!s.raf) s.raf = requestAnimationFrame(() => render(s));
}

export function setHighlight(s: State, ids: readonly number[]): void {
  const n = s.data?.n ?? 0;
  s.highlight = Uint32Array.from(ids.filter((i) => Number.isInteger(i) && i >= 0 && i < n));
  s.renderer.setHighlight(s.highlight.map((i) => s.slot[i]));
  s.version++;
}

function describe(d: ScatterData, i: number): string {
  const label = d.labels?.[i];
  const head = label !== undefined ? `“${label}” · ` : '';
  const colour = d.color ? ` · ${d.colorLabel ?? 'position'} ${+d.color[i].toFixed(4)}` : '';
  return `${head}index ${i} · (${fmt4(d.x[i])}, ${fmt4(d.y[i])})${colour}`;
}

export function drawHover(s: State, view: Affine): void {
  const d = s.data;
  const i = s.hover;
  const p = d && i !== null && i < d.n ? toScreen(view, d.x[i], d.y[i]) : null;
  const show = p !== null && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  select(s.overlay)
    .selectAll('circle.hover')
    .data(show ? [p] : [])
    .join('circle')
    .attr('class', 'hover')
    .attr('r', pointSize(d?.n ?? 0) / 2 + 4)
    .attr('fill', 'none')
    .attr('stroke', '#111')
    .attr('stroke-width', 2)
    .attr('cx', (q) => q[0])
    .attr('cy', (q) => q[1]);
  s.tip.hidden = !show;
  if (!show || !d || i === null) return;
  s.tip.textContent = describe(d, i);
  const left = M.left + Math.min(Math.max(p[0], 0), s.w) + 12;
  const top = M.top + Math.min(Math.max(p[1], 0), s.h) + 12;
  s.tip.style.left = `${Math.max(0, Math.min(left, s.width - s.tip.offsetWidth - 4))}px`;
  s.tip.style.top = `${top > s.height - 30 ? top - 44 : top}px`;
}

/** The canvas frame for the current view, drawing `count` points. */
function frame(s: State, view: Affine, count: number): Frame {
  const n = s.data?.n ?? 0;
  const alpha = n > LOD_MIN ? 0.55 : n > 2000 ? 0.75 : 0.95;
  return {
    ...centredView(view, s.centre[0], s.centre[1]),
    size: pointSize(n),
    alpha: thinnedAlpha(alpha, n, count),
    count,
  };
}

/**
 * Times one full frame (after a warm-up frame, so shader compilation is not counted) without blocking, then
 * sets how many points a moving frame may draw to stay near FRAME_MS. On a real GPU that is every point; on
 * a software rasteriser (SwiftShader) or the 2D fallback it may be fewer. Small data sets skip this.
 */
export function calibrate(s: State): void {
  const n = s.data?.n ?? 0;
  s.budget = n;
  s.moving = false;
  clearTimeout(s.settle);
  s.surface.dataset.budget = String(n);
  if (n <= LOD_MIN) return;
  const token = ++s.calibration;
  s.renderer.time(frame(s, composeView(s.base, s.zoom), n), (ms) => {
    if (token !== s.calibration || states.get(s.el) !== s) return;
    if (ms > FRAME_MS) s.budget = Math.max(LOD_FLOOR, Math.floor((n * FRAME_MS) / ms));
    s.surface.dataset.budget = String(s.budget);
    s.drawn = '';
    schedule(s);
  });
}

/** Title, axis titles and the colour legend: everything that does not move with the zoom. */
export function drawStatic(s: State): void {
  const d = s.data;
  if (!d) return;
  const root = select(s.axes);
  const text = (cls: string, t: string[], x: number, y: number, anchor: string, rotate = false) =>
    root
      .selectAll(`text.${cls}`)
      .data(t)
      .join('text')
      .attr('class', cls)
      .attr('transform', rotate ? `translate(${x},${y}) rotate(-90)` : `translate(${x},${y})`)
      .attr('text-anchor', anchor)
      .attr('font-size', cls === 'title' ? 13 : 11)
      .attr('font-weight', cls === 'title' ? 600 : null)
      .text((v) => v);
  text('title', [d.title], M.left, 18, 'start');
  text('x-title', [d.xLabel], M.left + s.w / 2, s.height - 6, 'middle');
  text('y-title', [d.yLabel], 14, M.top + s.h / 2, 'middle', true);

  const barW = 96;
  const x1 = s.width - M.right - 34;
  const legend = root
    .selectAll('g.legend')
    .data(d.color ? [s.colorDomain] : [])
    .join('g')
    .attr('class', 'legend')
    .attr('font-size', 10);
  const steps = Array.from({ length: 24 }, (_, k) => k);
  legend
    .selectAll('rect')
    .data(steps)
    .join('rect')
    .attr('x', (k) => x1 - barW + (k * barW) / steps.length)
    .attr('y', 16)
    .attr('width', barW / steps.length + 0.5)
    .attr('height', 9)
    .attr('fill', (k) => {
      const c = s.lut[Math.round((k / (steps.length - 1)) * (LUT_SIZE - 1))];
      return `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`;
    });
  legend
    .selectAll('text')
    .data((e) => [
      { t: `colour = ${d.colorLabel ?? 'position'}`, x: x1, y: 11, a: 'end' },
      { t: String(+e[0].toPrecision(4)), x: x1 - barW - 4, y: 24, a: 'end' },
      { t: String(+e[1].toPrecision(4)), x: x1 + 4, y: 24, a: 'start' },
    ])
    .join('text')
    .attr('x', (t) => t.x)
    .attr('y', (t) => t.y)
    .attr('text-anchor', (t) => t.a)
    .text((t) => t.t);
}

/** One frame: points and path on the canvas, then axes and overlay at the current zoom. */
export function render(s: State): void {
  if (s.raf) cancelAnimationFrame(s.raf);
  s.raf = 0;
  const d = s.data;
  if (!d) return;
  const view = composeView(s.base, s.zoom);
  const size = pointSize(d.n);
  const count = s.moving ? Math.min(d.n, s.budget) : d.n;
  const key = [view.kx, view.bx, view.ky, view.by, count, s.version].join();
  if (key !== s.drawn) {
    s.renderer.draw(frame(s, view, count));
    s.drawn = key;
  }

  const vis = visibleDomain(view, s.w, s.h);
  const x = scaleLinear().domain(vis.x).range([0, s.w]);
  const y = scaleLinear().domain(vis.y).range([s.h, 0]);
  const root = select(s.axes).attr('font-size', 11);
  root
    .selectAll<SVGGElement, number>('g.x-axis')
    .data([0])
    .join('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(${M.left},${M.top + s.h})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(s.w / 80))));
  root
    .selectAll<SVGGElement, number>('g.y-axis')
    .data([0])
    .join('g')
    .attr('class', 'y-axis')
    .attr('transform', `translate(${M.left},${M.top})`)
    .call(axisLeft(y).ticks(Math.max(2, Math.floor(s.h / 50))));

  const ov = select(s.overlay);
  const at = (i: number) => toScreen(view, d.x[i], d.y[i]);
  const start = d.start && d.n > 0 && Number.isFinite(d.x[0]) && Number.isFinite(d.y[0]) ? [at(0)] : [];
  ov.selectAll('circle.start')
    .data(start)
    .join('circle')
    .attr('class', 'start')
    .attr('r', size / 2 + 5)
    .attr('fill', 'none')
    .attr('stroke', '#d9480f')
    .attr('stroke-width', 2.5)
    .attr('cx', (p) => p[0])
    .attr('cy', (p) => p[1]);
  const startBox = start.map(([px, py]): Box => ({
    x: px - size / 2 - 16,
    y: py - size / 2 - 17,
    w: 12,
    h: 13,
  }));
  ov.selectAll('text.start-label')
    .data(startBox)
    .join('text')
    .attr('class', 'start-label')
    .attr('x', (b) => b.x + b.w / 2)
    .attr('y', (b) => b.y + 11)
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .attr('font-weight', 700)
    .attr('fill', '#d9480f')
    .text('0');

  const placed: Array<{ i: number; b: Box }> = [];
  if (s.opts.showLabels && d.labels && d.n <= LABEL_LIMIT) {
    // Every point (and the start marker) is an obstacle; each label tries right, left, above, below its point.
    const r = size / 2;
    const ids: number[] = [];
    const items: Box[][] = [];
    const obstacles: Box[] = [...startBox];
    for (let i = 0; i < d.n; i++) {
      const [px, py] = at(i);
      if (!(px > -40 && px < s.w + 40 && py > -40 && py < s.h + 40)) continue; // off the plot (or non-finite)
      obstacles.push({ x: px - r, y: py - r, w: 2 * r, h: 2 * r });
      const lw = s.labelWidths[i] ?? 0;
      ids.push(i);
      items.push([
        { x: px + r + 3, y: py - 7, w: lw, h: 13 },
        { x: px - r - 3 - lw, y: py - 7, w: lw, h: 13 },
        { x: px - lw / 2, y: py - r - 15, w: lw, h: 13 },
        { x: px - lw / 2, y: py + r + 2, w: lw, h: 13 },
      ]);
    }
    for (const [k, j] of placeLabels(items, s.w, s.h, obstacles)) placed.push({ i: ids[k], b: items[k][j] });
  }
  ov.selectAll<SVGTextElement, { i: number; b: Box }>('text.label')
    .data(placed, (p) => p.i)
    .join('text')
    .attr('class', 'label')
    .attr('font-size', 11)
    .attr('fill', '#333')
    .attr('x', (p) => p.b.x)
    .attr('y', (p) => p.b.y + 10)
    .text((p) => short(d.labels?.[p.i] ?? ''));

  const r =
    s.dragging ??
    (s.brush ? [...toScreen(view, s.brush[0], s.brush[1]), ...toScreen(view, s.brush[2], s.brush[3])] : null);
  ov.selectAll('rect.brush')
    .data(r ? [r] : [])
    .join('rect')
    .attr('class', 'brush')
    .attr('fill', 'rgba(36,86,166,0.12)')
    .attr('stroke', '#2456a6')
    .attr('stroke-dasharray', '4 3')
    .attr('x', (q) => Math.min(q[0], q[2]))
    .attr('y', (q) => Math.min(q[1], q[3]))
    .attr('width', (q) => Math.abs(q[2] - q[0]))
    .attr('height', (q) => Math.abs(q[3] - q[1]));
  drawHover(s, view);
}
