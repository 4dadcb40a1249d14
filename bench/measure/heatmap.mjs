// Measurement 2: heatmap paint of a [rows, cols] matrix, data arriving → painted frame, for the app's
// drawHeatmap as it ships (the canvas ImageData path) and the two baselines, side by side in one page.
import { summarise } from '../lib/stats.mjs';
import { call, open } from './page.mjs';

const FAST = ['app', 'baseline-canvas'];

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ rows: number, cols: number, reps: number, warmup: number,
 *           svg: { rows: number, cols: number, reps: number, warmup: number } }} cfg
 * @param {(s: string) => void} log
 */
export async function heatmap(browser, base, cfg, log) {
  const { page, errors } = await open(browser, `${base}/bench/pages/heatmap.html`);
  /** @type {Record<string, any>} */
  const results = {};
  const keep = (
    /** @type {string} */ phase,
    /** @type {any} */ size,
    /** @type {Record<string, any>} */ r,
  ) => {
    for (const [impl, v] of Object.entries(r)) {
      const key = `${impl}:${phase}`;
      results[key] = {
        impl,
        phase,
        rows: size.rows,
        cols: size.cols,
        renderer: v.renderer,
        total: summarise(v.total),
        work: summarise(v.work),
        samples: v.total,
      };
      log(`  ${key} ${size.rows}×${size.cols}: median ${results[key].total.median.toFixed(1)} ms`);
    }
  };
  for (const phase of ['random', 'frame']) {
    const size = { rows: cfg.rows, cols: cfg.cols, reps: cfg.reps, warmup: cfg.warmup };
    keep(phase, size, await call(page, 'paint', { impls: FAST, ...size, phase }));
  }
  await page.close();
  return { results, errors };
}

/**
 * The D3 SVG baseline alone (one draw of the full matrix takes tens of seconds), in its own page.
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ rows: number, cols: number, reps: number, warmup: number }} cfg
 * @param {(s: string) => void} log
 */
export async function heatmapSvg(browser, base, cfg, log) {
  const { page, errors } = await open(browser, `${base}/bench/pages/heatmap.html`);
  const r = await call(page, 'paint', { impls: ['baseline-svg'], ...cfg, phase: 'random' });
  await page.close();
  const v = r['baseline-svg'];
  const out = {
    impl: 'baseline-svg',
    phase: 'random',
    rows: cfg.rows,
    cols: cfg.cols,
    renderer: null,
    total: summarise(v.total),
    work: summarise(v.work),
    samples: v.total,
    errors,
  };
  log(`  baseline-svg ${cfg.cols}×${cfg.rows}: median ${out.total.median.toFixed(0)} ms`);
  return out;
}
