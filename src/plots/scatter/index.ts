// drawScatter(el, data, opts): a zoomable scatter / trajectory plot for projections. Points (and the path
// through consecutive points) are drawn with WebGL2 point sprites and instanced line quads (gl.ts), falling back
// to a 2D canvas (canvas.ts); axes, labels, markers and the brush rectangle are SVG above it (render.ts); d3-zoom
// pans and zooms (wheel, drag; double-click resets); shift+drag or the Select toggle brushes a rectangle
// (interaction.ts). Hover and brushing query a k-d tree (math.ts) in zoom-1 pixels. Idempotent like a D3 join:
// calling it again on the same element updates the same canvas, axes and listeners and returns the same handle.
// All text is set via textContent.
// Speed: one full frame is timed (without blocking) after each upload; if it is slower than FRAME_MS (software
// GL such as SwiftShader), frames drawn while the view moves show a stratified prefix of the points (lodOrder,
// so outliers stay) and every point is drawn again SETTLE_MS after the last zoom event. The plot surface
// reports data-renderer="webgl2" | "canvas2d" and data-budget (points per moving frame) for tests.
import { scaleLinear, select, zoomIdentity } from 'd3';
import { t } from '../../i18n/t.ts';
import { extentOf, lutFor } from '../scales.ts';
import { widthOf } from '../width.ts';
import { KdIndex, baseCoords, fitView, lodOrder, packColors, paddedExtent, type Extent } from './math.ts';
import { calibrate, drawStatic, render, setHighlight } from './render.ts';
import { setup } from './interaction.ts';
import {
  FAR,
  LABEL_LIMIT,
  M,
  PLAIN,
  short,
  states,
  type ScatterData,
  type ScatterHandle,
  type ScatterOptions,
} from './state.ts';

export { LABEL_LIMIT };
export type { ScatterData, ScatterHandle, ScatterOptions };

/** Centred float32 positions (FAR for non-finite points) in the given order, or in index order. */
function centred(d: ScatterData, c: Extent, order?: Uint32Array): Float32Array {
  const pos = new Float32Array(2 * d.n);
  for (let k = 0; k < d.n; k++) {
    const i = order ? order[k] : k;
    const ok = Number.isFinite(d.x[i]) && Number.isFinite(d.y[i]);
    pos[2 * k] = ok ? d.x[i] - c[0] : FAR;
    pos[2 * k + 1] = ok ? d.y[i] - c[1] : FAR;
  }
  return pos;
}

function measureLabels(labels: string[] | undefined, n: number): number[] {
  if (!labels || n > LABEL_LIMIT) return [];
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) ctx.font = '11px system-ui, sans-serif';
  return labels.slice(0, n).map((t) => (ctx ? ctx.measureText(short(t)).width : short(t).length * 6.5) + 2);
}

function ariaLabel(d: ScatterData): string {
  const range = (a: Float32Array) => {
    let [lo, hi] = [Infinity, -Infinity];
    for (let i = 0; i < d.n; i++)
      if (Number.isFinite(a[i])) [lo, hi] = [Math.min(lo, a[i]), Math.max(hi, a[i])];
    return lo > hi
      ? t(lang, 'scatter.noFinite')
      : t(lang, 'scatter.range', { lo: lo.toPrecision(3), hi: hi.toPrecision(3) });
  };
  const lang = d.lang ?? 'en';
  const parts = [
    t(lang, 'scatter.points', { title: d.title, n: d.n }),
    `x (${d.xLabel}) ${range(d.x)}`,
    `y (${d.yLabel}) ${range(d.y)}`,
    d.color ? t(lang, 'scatter.colour', { what: d.colorLabel ?? t(lang, 'proj.position') }) : '',
    d.path ? t(lang, 'scatter.path') : '',
    t(lang, 'scatter.keys'),
  ];
  return parts.filter(Boolean).join(lang === 'zh' ? '；' : '; ') + (lang === 'zh' ? '。' : '.');
}

export function drawScatter(el: HTMLElement, data: ScatterData, opts: ScatterOptions = {}): ScatterHandle {
  const s = states.get(el) ?? setup(el);
  const width = Math.max(280, opts.width ?? (widthOf(el) || 600));
  const height = Math.max(200, opts.height ?? 380);
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const resized = width !== s.width || height !== s.height;
  const fresh = data !== s.data;
  const lut = lutFor('sequential', opts.colormap);
  const recolour = fresh || lut !== s.lut;
  s.opts = opts;
  [s.width, s.height, s.w, s.h] = [width, height, w, h];

  if (resized) {
    el.style.height = `${height}px`;
    select(s.axes).attr('width', width).attr('height', height);
    Object.assign(s.surface.style, {
      left: `${M.left}px`,
      top: `${M.top}px`,
      width: `${w}px`,
      height: `${h}px`,
    });
    select(s.overlay).attr('width', w).attr('height', h);
    // in the top margin, left of the colour legend, so the buttons never cover points
    Object.assign(s.tools.style, {
      right: `${M.right + 190}px`,
      top: '6px',
    });
    s.renderer.resize(w, h, devicePixelRatio || 1);
    s.version++;
  }
  if (fresh) {
    const xd = scaleLinear().domain(paddedExtent(data.x, data.n)).nice().domain() as Extent;
    const yd = scaleLinear().domain(paddedExtent(data.y, data.n)).nice().domain() as Extent;
    const moved = xd.some((v, k) => v !== s.xDomain[k]) || yd.some((v, k) => v !== s.yDomain[k]);
    [s.xDomain, s.yDomain] = [xd, yd];
    s.centre = [(xd[0] + xd[1]) / 2, (yd[0] + yd[1]) / 2];
    s.data = data;
    s.labelWidths = measureLabels(data.labels, data.n);
    if (s.hover !== null && s.hover >= data.n) s.hover = null;
    if (s.brush) s.brush = null;
    if (moved && (s.zoom.k !== 1 || s.zoom.x !== 0 || s.zoom.y !== 0)) {
      select(s.surface).interrupt().call(s.zoomer.transform, zoomIdentity);
    }
    s.surface.setAttribute('aria-label', ariaLabel(data));
    const lang = data.lang ?? 'en';
    s.surface.setAttribute('aria-roledescription', t(lang, 'scatter.roledescription'));
    // The tools (interaction.ts: select, then reset) in the data's language.
    const [brush, reset] = Array.from(s.tools.children) as HTMLButtonElement[];
    [brush.textContent, brush.title] = [t(lang, 'scatter.select'), t(lang, 'scatter.selectTitle')];
    [reset.textContent, reset.title] = [t(lang, 'scatter.reset'), t(lang, 'scatter.resetTitle')];
  }
  if (recolour) {
    s.lut = lut;
    s.colorDomain = data.color ? extentOf(data.color.subarray(0, data.n)) : [0, 1];
    s.colors = packColors(data.color, data.n, s.colorDomain, lut, PLAIN);
  }
  if (fresh || resized || recolour) {
    s.base = fitView(s.xDomain, s.yDomain, w, h);
    const { u, v } = baseCoords(data.x, data.y, data.n, s.base);
    s.index = new KdIndex(u, v, data.n);
    s.order = lodOrder(u, v, data.n).order;
    s.slot = new Uint32Array(data.n);
    s.order.forEach((i, k) => (s.slot[i] = k));
    s.upload = {
      n: data.n,
      pos: centred(data, s.centre, s.order),
      col: s.colors.map((_, k) => s.colors[s.order[k]]),
      pathPos: data.path ? centred(data, s.centre) : null,
      pathCol: data.path ? s.colors : null,
    };
    s.renderer.setData(s.upload);
    setHighlight(s, opts.highlight ?? Array.from(s.highlight));
    drawStatic(s);
    calibrate(s);
  } else if (opts.highlight) setHighlight(s, opts.highlight);
  render(s);
  return s.handle;
}
