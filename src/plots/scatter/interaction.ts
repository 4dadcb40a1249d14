// The scatter's DOM and input: setup() builds the canvas, SVG axes and overlay, tool buttons and tooltip once
// per element and wires d3-zoom (wheel and drag pan/zoom, double-click resets, level-of-detail while moving),
// shift+drag or Select-mode brushing, hover by k-d tree lookup in zoom-1 pixels, and the keyboard (arrows step,
// +/− zoom, Escape clears). makeRenderer picks WebGL2 or the 2-D fallback and rebuilds it on a lost context.
import { pointer, select, zoom, zoomIdentity } from 'd3';
import { LUTS } from '../scales.ts';
import { canvasRenderer } from './canvas.ts';
import { glRenderer } from './gl.ts';
import {
  IDENTITY_ZOOM,
  KdIndex,
  brushToBase,
  composeView,
  fitView,
  screenToBase,
  stepIndex,
  toData,
  toScreen,
  type Zoom,
} from './math.ts';
import { drawHover, render, schedule, setHighlight } from './render.ts';
import { HOVER_PX, SETTLE_MS, states, type Renderer, type State } from './state.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function makeRenderer(s: State, host: HTMLElement): Renderer {
  const canvas = document.createElement('canvas');
  canvas.className = 'scatter-canvas';
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%' });
  host.prepend(canvas);
  let r: Renderer | null = null;
  try {
    r = glRenderer(canvas);
  } catch (err) {
    console.warn('scatter: WebGL2 setup failed, drawing on a 2D canvas instead', err);
    r = null;
  }
  if (r) {
    canvas.addEventListener(
      'webglcontextlost',
      (e) => {
        e.preventDefault();
        if (states.get(s.el) !== s) return;
        canvas.remove();
        s.renderer = makeRenderer(s, host);
        s.renderer.resize(s.w, s.h, devicePixelRatio || 1);
        if (s.upload) s.renderer.setData(s.upload);
        setHighlight(s, Array.from(s.highlight));
        s.surface.dataset.renderer = s.renderer.kind;
        render(s);
      },
      { signal: s.abort.signal },
    );
    return r;
  }
  canvas.remove();
  const fallback = document.createElement('canvas');
  fallback.className = canvas.className;
  fallback.style.cssText = canvas.style.cssText;
  host.prepend(fallback);
  return canvasRenderer(fallback);
}

export function setup(el: HTMLElement): State {
  el.replaceChildren();
  el.classList.add('scatter');
  if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
  const axes = document.createElementNS(SVG_NS, 'svg');
  axes.setAttribute('class', 'scatter-axes');
  axes.setAttribute('aria-hidden', 'true');
  Object.assign(axes.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  const surface = document.createElement('div');
  surface.className = 'scatter-surface';
  surface.tabIndex = 0;
  surface.setAttribute('role', 'img');
  surface.setAttribute('aria-roledescription', 'scatter plot');
  Object.assign(surface.style, { position: 'absolute', cursor: 'crosshair', touchAction: 'none' });
  const overlay = document.createElementNS(SVG_NS, 'svg');
  overlay.setAttribute('class', 'scatter-overlay');
  Object.assign(overlay.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    pointerEvents: 'none',
    overflow: 'hidden',
  });
  surface.append(overlay);
  const tools = document.createElement('div');
  tools.className = 'scatter-tools';
  Object.assign(tools.style, { position: 'absolute', display: 'flex', gap: '4px', zIndex: '1' });
  const button = (text: string, title: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = title;
    Object.assign(b.style, {
      font: '11px system-ui, sans-serif',
      padding: '1px 6px',
      background: 'rgba(255,255,255,0.85)',
      border: '1px solid #bbb',
      borderRadius: '3px',
      cursor: 'pointer',
    });
    tools.append(b);
    return b;
  };
  const brushButton = button('Select', 'Drag to select points (or hold Shift while dragging)');
  brushButton.setAttribute('aria-pressed', 'false');
  const resetButton = button('Reset zoom', 'Reset zoom (or double-click the plot)');
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  el.append(axes, surface, tools, tip);

  const abort = new AbortController();
  const on = <K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => target.addEventListener(type, fn, { signal: abort.signal });
  const zoomer = zoom<HTMLDivElement, unknown>()
    .scaleExtent([0.5, 20000])
    .filter(
      // Wheel always zooms (ctrl+wheel is a pinch); a drag pans unless it is a brush (shift or Select mode).
      (e: MouseEvent | WheelEvent | TouchEvent) =>
        e.type === 'wheel' || (!e.ctrlKey && !('button' in e && e.button) && !e.shiftKey && !s.brushMode),
    )
    .on('zoom', (e: { transform: Zoom }) => {
      s.zoom = { k: e.transform.k, x: e.transform.x, y: e.transform.y };
      if (s.budget < (s.data?.n ?? 0)) {
        s.moving = true;
        clearTimeout(s.settle);
        s.settle = window.setTimeout(() => {
          s.moving = false;
          schedule(s);
        }, SETTLE_MS);
      }
      schedule(s);
    });
  const s: State = {
    el,
    data: null,
    opts: {},
    width: 0,
    height: 0,
    w: 1,
    h: 1,
    xDomain: [0, 1],
    yDomain: [0, 1],
    centre: [0, 0],
    base: fitView([0, 1], [0, 1], 1, 1),
    zoom: IDENTITY_ZOOM,
    index: new KdIndex([], [], 0),
    colors: new Uint32Array(0),
    colorDomain: [0, 1],
    lut: LUTS.sequential,
    labelWidths: [],
    hover: null,
    highlight: new Uint32Array(0),
    order: new Uint32Array(0),
    slot: new Uint32Array(0),
    upload: null,
    budget: 0,
    moving: false,
    settle: 0,
    version: 0,
    drawn: '',
    calibration: 0,
    brush: null,
    dragging: null,
    brushMode: false,
    raf: 0,
    renderer: null as unknown as Renderer,
    surface,
    axes,
    overlay,
    tip,
    tools,
    brushButton,
    zoomer,
    abort,
    handle: {
      setHighlight: (ids) => {
        if (states.get(el) !== s) return;
        setHighlight(s, ids);
        schedule(s);
      },
      resetZoom: () => resetZoom(s),
      destroy: () => destroy(s),
    },
  };
  s.renderer = makeRenderer(s, surface);
  surface.dataset.renderer = s.renderer.kind;
  select(surface).call(zoomer).on('dblclick.zoom', null);

  const local = (e: MouseEvent) => pointer(e, surface) as [number, number];
  on(surface, 'dblclick', () => resetZoom(s));
  on(resetButton, 'click', () => resetZoom(s));
  on(brushButton, 'click', () => {
    s.brushMode = !s.brushMode;
    brushButton.setAttribute('aria-pressed', String(s.brushMode));
    brushButton.style.background = s.brushMode ? '#dde6f5' : 'rgba(255,255,255,0.85)';
  });
  on(surface, 'pointerdown', (e) => {
    if (e.button !== 0 || !(e.shiftKey || s.brushMode)) return;
    e.preventDefault();
    surface.setPointerCapture(e.pointerId);
    const [x, y] = local(e);
    s.dragging = [x, y, x, y];
    setHover(s, null);
    render(s);
  });
  on(surface, 'pointermove', (e) => {
    if (s.dragging) {
      const [x, y] = local(e);
      s.dragging[2] = x;
      s.dragging[3] = y;
      schedule(s);
      return;
    }
    if (e.buttons !== 0 || !s.data) return;
    const [u, v] = screenToBase(s.zoom, ...local(e));
    const i = s.index.nearest(u, v, HOVER_PX / s.zoom.k);
    setHover(s, i < 0 ? null : i);
  });
  const endBrush = () => {
    const d = s.dragging;
    if (!d) return;
    s.dragging = null;
    const tiny = Math.abs(d[2] - d[0]) < 3 && Math.abs(d[3] - d[1]) < 3;
    const had = s.brush !== null;
    if (tiny) {
      s.brush = null;
      if (had) s.opts.onBrush?.([]);
    } else {
      const view = composeView(s.base, s.zoom);
      s.brush = [...toData(view, d[0], d[1]), ...toData(view, d[2], d[3])];
      s.opts.onBrush?.(s.index.range(...brushToBase(s.zoom, d[0], d[1], d[2], d[3])));
    }
    render(s);
  };
  on(surface, 'pointerup', endBrush);
  on(surface, 'pointercancel', endBrush);
  on(surface, 'pointerleave', () => {
    if (!s.dragging && document.activeElement !== surface) setHover(s, null);
  });
  on(surface, 'keydown', (e) => {
    const n = s.data?.n ?? 0;
    if (e.key === 'Escape') {
      setHover(s, null);
      if (s.brush) {
        s.brush = null;
        s.opts.onBrush?.([]);
        render(s);
      }
      return;
    }
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      zoomer.scaleBy(select(surface), e.key === '-' ? 1 / 1.5 : 1.5);
      return;
    }
    const next = stepIndex(s.hover, e.key, n);
    if (next === undefined) return;
    e.preventDefault();
    setHover(s, next);
    revealHover(s);
  });
  on(surface, 'blur', () => setHover(s, null));
  states.set(el, s);
  return s;
}

function resetZoom(s: State): void {
  if (states.get(s.el) !== s) return;
  select(s.surface).transition().duration(250).call(s.zoomer.transform, zoomIdentity);
}

function destroy(s: State): void {
  if (states.get(s.el) !== s) return;
  if (s.raf) cancelAnimationFrame(s.raf);
  clearTimeout(s.settle);
  s.calibration++;
  s.abort.abort();
  select(s.surface).interrupt().on('.zoom', null);
  s.renderer.destroy();
  s.el.replaceChildren();
  s.el.classList.remove('scatter');
  s.el.style.height = '';
  states.delete(s.el);
}

export function setHover(s: State, i: number | null): void {
  if (s.hover === i) return;
  s.hover = i;
  drawHover(s, composeView(s.base, s.zoom));
  s.opts.onHover?.(i);
}

/** Pans a keyboard-chosen point into view when it lies outside the plot area. */
function revealHover(s: State): void {
  const d = s.data;
  if (s.hover === null || !d) return;
  const [sx, sy] = toScreen(composeView(s.base, s.zoom), d.x[s.hover], d.y[s.hover]);
  if (!Number.isFinite(sx) || (sx >= 0 && sx <= s.w && sy >= 0 && sy <= s.h)) return;
  const [u, v] = toScreen(s.base, d.x[s.hover], d.y[s.hover]);
  s.zoomer.translateTo(select(s.surface), u, v);
}
