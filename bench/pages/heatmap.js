// Bench page: paints one matrix through each heatmap implementation and times it from the data arriving to the
// painted frame. Implementations: the app's drawHeatmap, as it ships (its canvas ImageData path), and the two
// baselines in bench/baselines. Driven by bench/measure/heatmap.mjs through window.bench.
import { drawHeatmap } from '../../src/plots/heatmap.ts';
import { drawCanvasBaseline } from '../baselines/canvasHeatmap.ts';
import { drawSvgBaseline } from '../baselines/svgHeatmap.ts';
import { afterNextPaint, frameStart, randomPhase, sleep } from './frame.ts';

/**
 * @typedef {'app' | 'baseline-canvas' | 'baseline-svg'} Impl
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
      if (impl === 'app') out[impl].renderer = el.querySelector('canvas')?.dataset.renderer ?? null;
    }
  }
  slot.replaceChildren();
  /** @type {Record<string, { total: number[], work: number[], renderer: string | null }>} */
  const result = {};
  for (const impl of impls)
    result[impl] = { total: out[impl].total, work: out[impl].work, renderer: out[impl].renderer };
  return result;
}

Object.assign(window, { bench: { paint }, benchReady: true });
