// Bench page: paints one matrix through each heatmap implementation and times it from the data arriving to the
// painted frame. Implementations: the app's drawHeatmap (auto, forced webgl, forced canvas) and the two
// baselines in bench/baselines. Driven by bench/measure/heatmap.mjs through window.bench.
import { drawHeatmap } from '../../src/plots/heatmap.ts';
import { heatmapRendererInfo, setHeatmapRenderer } from '../../src/plots/heatmapGl.ts';
import { drawCanvasBaseline } from '../baselines/canvasHeatmap.ts';
import { drawSvgBaseline } from '../baselines/svgHeatmap.ts';
import { afterNextPaint, frameStart, randomPhase, sleep } from './frame.ts';

/**
 * @typedef {'app-auto' | 'app-webgl' | 'app-canvas' | 'baseline-canvas' | 'baseline-svg'} Impl
 * @typedef {{ impls: Impl[], rows: number, cols: number, reps: number, warmup: number, phase: 'random' | 'frame' }}
 *   PaintArgs phase random: data arrive at a random point of a frame; frame: at the start of one (in a rAF).
 */

const slot = /** @type {HTMLElement} */ (document.getElementById('slot'));

/** A smooth pattern plus noise in [−1, 1]; `variant` shifts it so consecutive paints differ. */
/** @param {number} rows @param {number} cols @param {number} variant */
function matrix(rows, cols, variant) {
  const data = new Float32Array(rows * cols);
  let s = 12345 + variant;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const noise = (s / 2 ** 32 - 0.5) * 0.4;
      data[r * cols + c] = Math.max(-1, Math.min(1, 0.8 * Math.sin(r / 7 + c / 13 + variant) + noise));
    }
  return data;
}

/** @param {Impl} impl @param {HTMLElement} el @param {{shape: [number, number], data: Float32Array}} m @param {[number, number]} domain */
function drawWith(impl, el, m, domain) {
  if (impl === 'baseline-canvas') drawCanvasBaseline(el, m, domain);
  else if (impl === 'baseline-svg') drawSvgBaseline(el, m, domain);
  else drawHeatmap(el, m, { domain });
}

/** @type {Record<string, 'auto' | 'webgl' | 'canvas'>} */
const MODES = {
  'app-auto': 'auto',
  'app-webgl': 'webgl',
  'app-canvas': 'canvas',
};

/**
 * Times each implementation in `impls`, interleaved rep by rep (so a burst of load on a shared machine hits them
 * all alike). Each has its own element, attached alone while it is timed.
 * @param {PaintArgs} args
 */
async function paint(args) {
  const { impls, rows, cols, reps, warmup, phase } = args;
  const variants = [matrix(rows, cols, 0), matrix(rows, cols, 1)];
  /** @type {[number, number]} */
  const domain = [-1, 1];
  /** @type {Record<string, { el: HTMLElement, total: number[], work: number[], renderer: string | null }>} */
  const out = {};
  for (const impl of impls)
    out[impl] = { el: document.createElement('div'), total: [], work: [], renderer: null };
  for (let i = 0; i < warmup + reps; i++) {
    for (const impl of impls) {
      const { el } = out[impl];
      setHeatmapRenderer(MODES[impl] ?? 'auto');
      if (impl === 'baseline-svg') el.replaceChildren(); // a fresh <svg> per draw; the teardown is not timed
      if (slot.firstChild !== el) slot.replaceChildren(el);
      await afterNextPaint();
      if (impl === 'baseline-svg') await sleep(50);
      if (phase === 'random') await randomPhase();
      else await frameStart();
      /** @type {{shape: [number, number], data: Float32Array}} */
      const m = { shape: [rows, cols], data: variants[i % 2] };
      const t0 = performance.now();
      drawWith(impl, el, m, domain);
      const t1 = performance.now();
      let t2;
      if (phase === 'frame') {
        // Still inside the frame's rAF turn: the first task after it follows this frame's rendering.
        t2 = await new Promise((resolve) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now());
          ch.port2.postMessage(null);
        });
      } else t2 = await afterNextPaint();
      if (i >= warmup) {
        out[impl].total.push(t2 - t0);
        out[impl].work.push(t1 - t0);
      }
      if (impl.startsWith('app-')) out[impl].renderer = el.querySelector('canvas')?.dataset.renderer ?? null;
    }
  }
  slot.replaceChildren();
  setHeatmapRenderer('auto');
  /** @type {Record<string, { total: number[], work: number[], renderer: string | null }>} */
  const result = {};
  for (const impl of impls)
    result[impl] = { total: out[impl].total, work: out[impl].work, renderer: out[impl].renderer };
  return result;
}

/**
 * Paints one matrix (with NaN, ±∞, the domain's ends and random values) through the webgl and the canvas path
 * and compares the pixels. Where they differ, reports by how many LUT steps (the shader runs in float32).
 */
/** @param {{ rows: number, cols: number }} size */
async function compare({ rows, cols }) {
  const data = matrix(rows, cols, 2);
  data.set([NaN, Infinity, -Infinity, -1, 1, 0, 2, -2]);
  /** @type {[number, number]} */
  const domain = [-1, 1];
  /** @param {'webgl' | 'canvas'} mode */
  const read = (mode) => {
    setHeatmapRenderer(mode);
    const el = document.createElement('div');
    slot.replaceChildren(el);
    drawHeatmap(el, { shape: [rows, cols], data }, { domain });
    const canvas = /** @type {HTMLCanvasElement} */ (el.querySelector('canvas'));
    const px = canvas.getContext('2d')?.getImageData(0, 0, cols, rows).data ?? new Uint8ClampedArray(0);
    return { px, renderer: canvas.dataset.renderer ?? null };
  };
  const gl = read('webgl');
  const cv = read('canvas');
  setHeatmapRenderer('auto');
  slot.replaceChildren();
  let differ = 0;
  let worstChannel = 0;
  /** @type {{ cell: number, value: number, webgl: number[], canvas: number[] }[]} */
  const examples = [];
  for (let i = 0; i < rows * cols; i++) {
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(gl.px[4 * i + c] - cv.px[4 * i + c]));
    if (d > 0) {
      differ++;
      if (examples.length < 8)
        examples.push({
          cell: i,
          value: data[i],
          webgl: [...gl.px.subarray(4 * i, 4 * i + 4)],
          canvas: [...cv.px.subarray(4 * i, 4 * i + 4)],
        });
    }
    worstChannel = Math.max(worstChannel, d);
  }
  return {
    cells: rows * cols,
    differ,
    worstChannel,
    examples,
    glRenderer: gl.renderer,
    canvasRenderer: cv.renderer,
  };
}

function info() {
  setHeatmapRenderer('auto');
  const auto = heatmapRendererInfo();
  setHeatmapRenderer('webgl');
  const webgl = heatmapRendererInfo();
  setHeatmapRenderer('auto');
  return { auto, webgl };
}

Object.assign(window, { bench: { paint, compare, info }, benchReady: true });
