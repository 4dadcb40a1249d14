// drawHeatmap(el, matrix, opts): a dense grid on canvas (one ImageData pixel per cell, scaled up with
// pixelated rendering) under SVG axes, with a hover read-out. Idempotent like a D3 join: calling it again
// with new data updates the same canvas, axes and listeners.
import { axisBottom, axisLeft, format, scaleLinear, select } from 'd3';
import { cellIndex, spanTicks, type AxisSpan } from './axisSpan.ts';
import { LUT_SIZE, LUTS, colourWords, lutFor, type ColorKind, type Colormap } from './scales.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/t.ts';

import { widthOf } from './width.ts';
export interface HeatmapData {
  shape: [number, number];
  data: Float32Array;
  rowLabels?: string[];
  /** When set, columns are named (e.g. key tokens) instead of numbered dimensions. */
  colLabels?: string[];
}

export interface HeatmapOptions {
  domain: [number, number];
  /** Diverging (signed data, centred on 0; the default) or sequential (viridis). */
  colors?: ColorKind;
  /** The user's colour-map choice (see scales.ts); 'auto' keeps `colors`' own map. */
  colormap?: Colormap;
  /** Rows from this index on are shaded (e.g. positions past the training length). */
  shadeFromRow?: number | null;
  /** Shaded rows are covered completely (a learned table has no values there). */
  shadeOpaque?: boolean;
  /** Outline rows 0…markRows−1 (e.g. the current text's positions inside the full position table). */
  markRows?: number;
  /** Click on a cell (e.g. to pick a dimension for the curves view). */
  onClickCell?: (row: number, col: number) => void;
  /**
   * What the drawn grid stands for on each axis, when it is not its own rows and columns: a pooled matrix of block
   * means spans `count` real rows (tokens) or columns (dims); a detail window's rows are positions from `start`. The
   * ticks are then in those units. Default: start 0, count = the grid's size.
   */
  rowAxis?: AxisSpan;
  colAxis?: AxisSpan;
  /** Axis titles. */
  xTitle?: string;
  yTitle?: string;
  highlightRow?: number | null;
  /** Rows picked elsewhere (a brush in the projection), outlined as bands. */
  selectedRows?: readonly number[];
  onHover?: (row: number | null) => void;
  /** Tooltip text for a cell; the default names the row label, position, dimension and value. */
  describe?: (row: number, col: number, value: number) => string;
  /**
   * A tooltip that may refine itself (exact values read from the worker): returns the text to show now, and may call
   * `later` with a new text, which is shown only while the pointer is still where it was asked. `within` is where the
   * pointer sits inside the cell, [0, 1) per axis (rows, then columns). Takes precedence over `describe`.
   */
  describeLive?: (
    row: number,
    col: number,
    value: number,
    within: [number, number],
    later: (text: string) => void,
  ) => string;
  /** The language of the default tooltip (English when absent). */
  lang?: Lang;
}

interface Parts {
  canvas: HTMLCanvasElement;
  svg: SVGSVGElement;
  tip: HTMLDivElement;
  current: { m: HeatmapData; opts: HeatmapOptions; plotW: number; plotH: number };
  /** What the canvas holds, so that a hover or resize (same data, domain and colours) does not repaint it. */
  painted: { data: Float32Array; lo: number; hi: number; lut: Uint32Array } | null;
  /** What the axes show (width, shape, row labels), so a redraw with the same ones leaves them alone. */
  axes: string | null;
  /** Counts pointer moves, leaves and new data: a late tooltip text applies only to the move that asked for it. */
  hover: number;
}

const MARGIN = { top: 6, right: 8, bottom: 34, left: 84 };
const parts = new WeakMap<HTMLElement, Parts>();

export function defaultDescribe(m: HeatmapData, lang: Lang = 'en') {
  return (row: number, col: number, value: number) => {
    const label = m.rowLabels?.[row];
    const head =
      label !== undefined ? t(lang, 'hover.rowLabel', { label, p: row }) : t(lang, 'hover.row', { p: row });
    const colLabel = m.colLabels?.[col];
    const tail =
      colLabel !== undefined
        ? t(lang, 'hover.column', { label: colLabel, c: col })
        : t(lang, 'hover.dim', { c: col });
    return `${head} · ${tail} · ${value.toFixed(4)}`;
  };
}

function setup(el: HTMLElement): Parts {
  el.classList.add('heatmap');
  el.replaceChildren();
  const canvas = document.createElement('canvas');
  canvas.className = 'heatmap-canvas';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'heatmap-axes');
  svg.setAttribute('aria-hidden', 'true');
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  el.append(svg, canvas, tip);
  const p: Parts = {
    canvas,
    svg,
    tip,
    current: {
      m: { shape: [0, 0], data: new Float32Array(0) },
      opts: { domain: [-1, 1] },
      plotW: 0,
      plotH: 0,
    },
    painted: null,
    axes: null,
    hover: 0,
  };
  /** Puts the tooltip near the pointer, inside the plot's right edge. */
  const place = (x: number, y: number) => {
    const { plotW } = p.current;
    const right = MARGIN.left + plotW - Math.max(180, tip.offsetWidth);
    tip.style.left = `${Math.max(0, Math.min(MARGIN.left + x + 12, right))}px`;
    tip.style.top = `${MARGIN.top + y + 14}px`;
  };
  canvas.addEventListener('pointermove', (e) => {
    const { m, opts, plotW, plotH } = p.current;
    const [rows, cols] = m.shape;
    const r = canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const fx = (x / plotW) * cols;
    const fy = (y / plotH) * rows;
    const col = Math.floor(fx);
    const row = Math.floor(fy);
    if (row < 0 || row >= rows || col < 0 || col >= cols) return;
    const value = m.data[row * cols + col];
    const asked = ++p.hover;
    const later = (text: string) => {
      if (p.hover !== asked || tip.hidden) return;
      tip.textContent = text;
      place(x, y);
    };
    tip.textContent = opts.describeLive
      ? opts.describeLive(row, col, value, [fy - row, fx - col], later)
      : (opts.describe ?? defaultDescribe(m, opts.lang))(row, col, value);
    tip.hidden = false;
    place(x, y);
    opts.onHover?.(row);
  });
  canvas.addEventListener('click', (e) => {
    const { m, opts, plotW, plotH } = p.current;
    const r = canvas.getBoundingClientRect();
    const col = Math.floor(((e.clientX - r.left) / plotW) * m.shape[1]);
    const row = Math.floor(((e.clientY - r.top) / plotH) * m.shape[0]);
    if (row >= 0 && row < m.shape[0] && col >= 0 && col < m.shape[1]) opts.onClickCell?.(row, col);
  });
  canvas.addEventListener('pointerleave', () => {
    p.hover += 1;
    tip.hidden = true;
    p.current.opts.onHover?.(null);
  });
  parts.set(el, p);
  return p;
}

/** Writes the colour of every cell into an ImageData through the packed lookup table. */
export function paint(
  ctx: CanvasRenderingContext2D,
  m: HeatmapData,
  domain: [number, number],
  lut: Uint32Array = LUTS.diverging,
): void {
  const [rows, cols] = m.shape;
  const img = ctx.createImageData(cols, rows);
  const px = new Uint32Array(img.data.buffer);
  const [lo, hi] = domain;
  const k = (LUT_SIZE - 1) / (hi - lo || 1);
  const nan = 0xff888888;
  const data = m.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== v) {
      px[i] = nan;
      continue;
    }
    let j = ((v - lo) * k + 0.5) | 0;
    j = j < 0 ? 0 : j > LUT_SIZE - 1 ? LUT_SIZE - 1 : j;
    px[i] = lut[j];
  }
  ctx.putImageData(img, 0, 0);
}

export function drawHeatmap(el: HTMLElement, m: HeatmapData, opts: HeatmapOptions): void {
  const p = parts.get(el) ?? setup(el);
  const [rows, cols] = m.shape;
  const width = Math.max(240, widthOf(el) || 600);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = Math.max(60, Math.min(340, rows * 18));
  if (p.current.m !== m) p.hover += 1; // new values: a text asked for the old ones is not shown
  p.current = { m, opts, plotW, plotH };

  const { canvas, svg } = p;
  if (canvas.width !== Math.max(cols, 1) || canvas.height !== Math.max(rows, 1)) {
    canvas.width = Math.max(cols, 1);
    canvas.height = Math.max(rows, 1);
    p.painted = null; // resizing a canvas clears it
  }
  Object.assign(canvas.style, {
    left: `${MARGIN.left}px`,
    top: `${MARGIN.top}px`,
    width: `${plotW}px`,
    height: `${plotH}px`,
  });
  const ctx = canvas.getContext('2d');
  const lut = lutFor(opts.colors ?? 'diverging', opts.colormap);
  const [lo, hi] = opts.domain;
  const held = p.painted;
  if (!held || held.data !== m.data || held.lo !== lo || held.hi !== hi || held.lut !== lut) {
    if (ctx && rows > 0 && cols > 0) paint(ctx, m, opts.domain, lut);
    else ctx?.clearRect(0, 0, canvas.width, canvas.height);
    p.painted = { data: m.data, lo, hi, lut };
    // Counts repaints with new cells (read by the benchmark's keystroke measure and by e2e tests).
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1);
    canvas.dataset.renderer = 'canvas';
  }

  const height = plotH + MARGIN.top + MARGIN.bottom;
  el.style.height = `${height}px`;
  const root = select(svg).attr('width', width).attr('height', height);

  const x = scaleLinear()
    .domain([0, Math.max(cols, 1)])
    .range([0, plotW]);
  const y = scaleLinear()
    .domain([0, Math.max(rows, 1)])
    .range([0, plotH]);
  const colSpan = opts.colAxis ?? { start: 0, count: cols };
  const rowSpan = opts.rowAxis ?? { start: 0, count: rows };
  // A tick at real index t sits at the centre of the cell that holds it.
  const cellOf = (t: number, span: AxisSpan, cells: number) => cellIndex(t, span, cells) + 0.5;
  const xTicks = spanTicks(colSpan, cols);
  const xAxis = axisBottom(x)
    .tickValues(xTicks.map((t) => cellOf(t, colSpan, cols)))
    .tickFormat((_, i) => format('d')(xTicks[i]));
  const labels = m.rowLabels;
  const yTicks = spanTicks(rowSpan, rows);
  const yAxis =
    rows <= 24 && labels && !opts.rowAxis
      ? axisLeft(y)
          .tickValues(Array.from({ length: rows }, (_, i) => i + 0.5))
          .tickFormat((t) => {
            const i = +t - 0.5;
            const s = labels[i] ?? '';
            return `${s.length > 9 ? s.slice(0, 8) + '…' : s} ${i}`;
          })
      : axisLeft(y)
          .tickValues(yTicks.map((t) => cellOf(t, rowSpan, rows)))
          .tickFormat((_, i) => format('d')(yTicks[i]));

  // Axes only when what they show changed: on a keystroke the shape and width usually stay (D3's axis join
  // rewrites every tick's attributes, which showed in the keystroke profile).
  const axesKey = `${width}|${rows}|${cols}|${rowSpan.start}+${rowSpan.count}|${colSpan.start}+${colSpan.count}|${rows <= 24 && labels ? labels.join('\u0000') : ''}`;
  if (p.axes !== axesKey) {
    p.axes = axesKey;
    root
      .selectAll<SVGGElement, number>('g.x-axis')
      .data([0])
      .join('g')
      .attr('class', 'x-axis')
      .attr('transform', `translate(${MARGIN.left},${MARGIN.top + plotH})`)
      .call(xAxis);
    root
      .selectAll<SVGGElement, number>('g.y-axis')
      .data([0])
      .join('g')
      .attr('class', 'y-axis')
      .attr('transform', `translate(${MARGIN.left},${MARGIN.top})`)
      .call(yAxis);
  }
  const shadeFrom = opts.shadeFromRow ?? null;
  root
    .selectAll('rect.shade')
    .data(shadeFrom !== null && shadeFrom < rows ? [shadeFrom] : [])
    .join('rect')
    .attr('class', opts.shadeOpaque ? 'shade opaque' : 'shade')
    .attr('x', MARGIN.left)
    .attr('y', (r) => MARGIN.top + y(r))
    .attr('width', plotW)
    .attr('height', (r) => plotH - y(r));
  root
    .selectAll('text.x-title')
    .data([opts.xTitle ?? 'dimension'])
    .join('text')
    .attr('class', 'x-title')
    .attr('x', MARGIN.left + plotW / 2)
    .attr('y', height - 2)
    .attr('text-anchor', 'middle')
    .text((t) => t);

  const marked = opts.markRows ?? 0;
  root
    .selectAll('rect.row-mark')
    .data(marked > 0 && marked < rows ? [marked] : [])
    .join('rect')
    .attr('class', 'row-mark')
    .attr('x', MARGIN.left - 1)
    .attr('y', MARGIN.top - 1)
    .attr('width', plotW + 2)
    .attr('height', (r) => y(r) + 2);
  // Consecutive selected rows become one band, so a brush over thousands of rows draws a few rects.
  const bands: Array<[number, number]> = [];
  for (const r of opts.selectedRows ?? []) {
    if (r < 0 || r >= rows) continue;
    const last = bands[bands.length - 1];
    if (last && r === last[1]) last[1] = r + 1;
    else bands.push([r, r + 1]);
  }
  root
    .selectAll('rect.row-selected')
    .data(bands)
    .join('rect')
    .attr('class', 'row-selected')
    .attr('x', MARGIN.left - 6)
    .attr('y', ([a]) => MARGIN.top + y(a))
    .attr('width', 5)
    .attr('height', ([a, b]) => Math.max(2, y(b) - y(a)));
  const hl = opts.highlightRow;
  root
    .selectAll('rect.row-highlight')
    .data(hl !== null && hl !== undefined && hl < rows ? [hl] : [])
    .join('rect')
    .attr('class', 'row-highlight')
    .attr('x', MARGIN.left - 1)
    .attr('y', (r) => MARGIN.top + y(r) - 1)
    .attr('width', plotW + 2)
    .attr('height', Math.max(2, plotH / rows) + 2);
}

/** A colour bar for the scale, with its domain as ticks. */
export function drawLegend(
  el: HTMLElement,
  domain: [number, number],
  title: string,
  colors: ColorKind = 'diverging',
  colormap: Colormap = 'auto',
  lang: Lang = 'en',
): void {
  const lut = lutFor(colors, colormap);
  const [low, mid, high] = colourWords(colors, colormap).map((k) => t(lang, k));
  const middle = (domain[0] + domain[1]) / 2;
  const width = 220;
  const barH = 10;
  const root = select(el)
    .selectAll<SVGSVGElement, number>('svg.legend')
    .data([0])
    .join('svg')
    .attr('class', 'legend')
    .attr('width', width + 24)
    .attr('height', 38)
    .attr('role', 'img')
    .attr(
      'aria-label',
      t(lang, 'legend.aria', {
        title,
        lo: domain[0].toFixed(3),
        low,
        mid: middle.toFixed(3),
        midWord: mid,
        hi: domain[1].toFixed(3),
        high,
      }),
    );
  const x = scaleLinear().domain(domain).range([0, width]);
  const n = 32;
  root
    .selectAll('rect.swatch')
    .data(Array.from({ length: n }, (_, i) => i))
    .join('rect')
    .attr('class', 'swatch')
    .attr('x', (i) => 12 + (i * width) / n)
    .attr('y', 4)
    .attr('width', width / n + 0.5)
    .attr('height', barH)
    .attr('fill', (i) => {
      const c = lut[Math.round(((i + 0.5) / n) * (LUT_SIZE - 1))];
      return `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`;
    });
  root
    .selectAll<SVGGElement, number>('g.legend-axis')
    .data([0])
    .join('g')
    .attr('class', 'legend-axis')
    .attr('transform', `translate(12,${4 + barH})`)
    .call(axisBottom(x).ticks(5).tickSize(4).tickFormat(format('.3~g')));
}
