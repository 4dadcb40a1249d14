// Measurement 9 (issue 9): time to first meaningful paint in the built app, from navigation start to the first
// rendered frame after which the three foundation heatmaps (E, PE, X) hold painted cells. Two variants, measured
// side by side in alternating fresh pages (fresh browser contexts, so every load is a first visit):
//   precomputed: the default URL, whose tokens and matrices the build precomputed (virtual:first-paint);
//   engine:      the default text plus a trailing space: the same 12 tokens and the same work, but a spec that
//                differs from the default, so the page waits for the worker (tfjs + WebGPU start-up) as before.
// Each page also records when the worker reported its backend (the badge) and when the worker's own three
// matrices reached the store, and waits for both before it is closed (with `waitForEngine` false, as in the quick
// plan, a precomputed page is closed at its first paint instead, which saves ~4 s a page).
import { summarise } from '../lib/stats.mjs';

const DEFAULT_TEXT = 'The cat sat on the mat because the mat was warm.';
export const FIRST_PAINT_VARIANTS = {
  precomputed: '/',
  engine: `/#text=${encodeURIComponent(`${DEFAULT_TEXT} `)}`,
};

/**
 * Init script (runs before the app's own scripts): checks once per frame, in the first task after the frame has
 * rendered, whether the three heatmap canvases have been painted with cells (canvas larger than its 1×1 empty
 * state and a data-paints counter ≥ 1; see src/plots/heatmap.ts), and resolves window.__firstPaint with times
 * in ms after navigation start (performance.now() of a fresh page).
 */
function watch(/** @type {boolean} */ waitForEngine) {
  const w = /** @type {any} */ (window);
  /** @type {any} */
  const out = { paint: NaN, precomputedAtPaint: null, tokensAtPaint: 0, ready: NaN, data: NaN };
  w.__firstPaint = new Promise((resolve) => {
    const giveUp = 120_000;
    const painted = () => {
      const cs = /** @type {HTMLCanvasElement[]} */ ([...document.querySelectorAll('.matrices canvas')]);
      return cs.length === 3 && cs.every((c) => c.width * c.height > 1 && Number(c.dataset.paints ?? 0) >= 1);
    };
    const frame = () =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const now = performance.now();
          const s = w.__embedscope?.store.get();
          if (Number.isNaN(out.paint) && painted()) {
            out.paint = now;
            out.precomputedAtPaint = !!s?.precomputed;
            out.tokensAtPaint = s?.tokens.length ?? 0;
          }
          if (s && Number.isNaN(out.ready) && s.backend) out.ready = now;
          if (
            s &&
            Number.isNaN(out.data) &&
            !s.precomputed &&
            s.matrices.embeddings &&
            s.matrices.pe &&
            s.matrices.input
          )
            out.data = now;
          const done =
            !Number.isNaN(out.paint) &&
            (!waitForEngine || (!Number.isNaN(out.ready) && !Number.isNaN(out.data)));
          if (!done && now < giveUp) return frame();
          resolve({ ...out, timedOut: !done });
        };
        ch.port2.postMessage(null);
      });
    frame();
  });
}

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ reps: number, warmup: number, waitForEngine: boolean }} cfg
 * @param {(s: string) => void} log
 */
export async function firstPaint(browser, base, cfg, log) {
  const names = /** @type {(keyof typeof FIRST_PAINT_VARIANTS)[]} */ (Object.keys(FIRST_PAINT_VARIANTS));
  /** @type {Record<string, any[]>} */
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  /** @type {string[]} */
  const errors = [];
  for (let i = 0; i < cfg.warmup + cfg.reps; i++) {
    // alternate the order too, so that neither variant always follows the other
    for (const name of i % 2 ? [...names].reverse() : names) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      // the engine variant paints only after the worker's data, so waiting for it costs nothing there
      await page.addInitScript(watch, cfg.waitForEngine || name === 'engine');
      await page.goto(`${base}${FIRST_PAINT_VARIANTS[name]}`);
      const r = await page.evaluate(() => /** @type {any} */ (window).__firstPaint);
      // The paint entry is queued after its frame is presented: wait for it (briefly) before closing the page.
      r.fcp = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const read = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
            if (read() !== undefined) return resolve(read());
            new PerformanceObserver(() => resolve(read() ?? NaN)).observe({ type: 'paint' });
            setTimeout(() => resolve(read() ?? NaN), 2000);
          }),
      );
      await page.close();
      if (i >= cfg.warmup) samples[name].push(r);
    }
  }
  /** @param {any[]} list @param {string} key */
  const sum = (list, key) => summarise(list.map((s) => s[key]).filter(Number.isFinite));
  /** @type {Record<string, any>} */
  const variants = {};
  for (const name of names) {
    const list = samples[name];
    variants[name] = {
      url: FIRST_PAINT_VARIANTS[name],
      paint: sum(list, 'paint'),
      ready: sum(list, 'ready'),
      data: sum(list, 'data'),
      fcp: sum(list, 'fcp'),
      precomputedAtPaint: list.filter((s) => s.precomputedAtPaint).length,
      tokensAtPaint: [...new Set(list.map((s) => s.tokensAtPaint))],
      timedOut: list.filter((s) => s.timedOut).length,
      samples: list.map((s) => +s.paint.toFixed(1)),
    };
  }
  const result = {
    ...cfg,
    variants,
    ratio: variants.engine.paint.median / variants.precomputed.paint.median,
    errors,
  };
  log(
    `  precomputed: median ${variants.precomputed.paint.median.toFixed(0)} ms, p95 ${variants.precomputed.paint.p95.toFixed(0)} ms; ` +
      `engine: median ${variants.engine.paint.median.toFixed(0)} ms, p95 ${variants.engine.paint.p95.toFixed(0)} ms; ` +
      `ratio ${result.ratio.toFixed(1)}×`,
  );
  return result;
}
