// Issue 14 item 7's engine-side figures: (g) a table's compute + read-back against a raw read-back of the same bytes
// in the same page (sinusoidal and RoPE cos/sin), (d) PCA of an 8002 × 256 table, on the scale bench page and in the
// built app's Project tab, and the stages of a big table's overview (for the overview step's breakdown).
import { summarise } from '../lib/stats.mjs';
import { call, open } from './page.mjs';
import { hashProjection, load } from './probe.mjs';

/** @typedef {import('playwright').Browser} Browser */
/** @typedef {(s: string) => void} Log */

/** Every series of raw samples summarised. @param {Record<string, number[]>} samples */
const summaries = (samples) => Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));

/**
 * (g) Compute + read-back of the P × d sinusoidal table and of RoPE's cos and sin (P × d/2 each: the same bytes)
 * against a raw WebGPU read-back of those bytes on tfjs's device, interleaved rep by rep.
 * @param {Browser} browser @param {string} base
 * @param {{ P: number, d: number, reps: number, warmup: number }} cfg @param {Log} log
 */
export async function readbackRatio(browser, base, cfg, log) {
  const { page, errors } = await open(browser, `${base}/bench/pages/scale.html`);
  const r = await call(page, 'readback', cfg);
  await page.close();
  const s = summaries(r.samples);
  const ratios = Object.fromEntries(
    ['sinusoidal', 'rope'].map((n) => [n, s[n].median / s[`raw-${n}`].median]),
  );
  log(
    `  ${cfg.P}×${cfg.d}: sinusoidal ${s.sinusoidal.median.toFixed(0)} ms vs raw ${s['raw-sinusoidal'].median.toFixed(0)} ms (${ratios.sinusoidal.toFixed(2)}×); ` +
      `rope ${s.rope.median.toFixed(0)} ms vs raw ${s['raw-rope'].median.toFixed(0)} ms (${ratios.rope.toFixed(2)}×)`,
  );
  return { ...cfg, bytes: r.bytes, leaked: r.leaked, runs: s, ratios, errors };
}

/**
 * The stages of a RoPE table's overview (N positions, width d/2 for cos and sin) on the scale page.
 * @param {Browser} browser @param {string} base @param {{ N: number, d: number, reps: number }} cfg
 */
export async function overviewStages(browser, base, cfg) {
  const { page } = await open(browser, `${base}/bench/pages/scale.html`);
  const r = await call(page, 'overviewParts', cfg);
  await page.close();
  return { ...cfg, block: r.block, runs: summaries(r.samples) };
}

/**
 * (d) PCA (k = 2) of the 8002 × 256 USE-lite table. On the scale page: pca() with the upload (what the compute
 * step's PCA row measures), from a tensor already on the device, and its stages. In the app: the Project tab's
 * vocabulary PCA (all 8002 rows), the first after load (table fetched and uploaded) and then re-requested by a
 * hash change (a new projection seed: the same 8002 rows gathered from the table kept on the device), each to the
 * frame after its layout reached the store.
 * @param {Browser} browser @param {string} base
 * @param {{ reps: number, warmup: number, appReps: number }} cfg @param {Log} log
 */
export async function pcaScale(browser, base, cfg, log) {
  const { page, errors } = await open(browser, `${base}/bench/pages/scale.html`);
  const r = await call(page, 'pcaParts', { reps: cfg.reps, warmup: cfg.warmup });
  await page.close();
  const hash = (/** @type {number} */ seed) =>
    `lang=en&tab=project&tokenizer=use&embedding=use-lite&d=256&text=hello&proj=vocabulary&method=pca&sample=50000&pseed=${seed}`;
  const app = await load(browser, `${base}/#${hash(1)}`, ['ready'], { keep: true });
  errors.push(...app.errors);
  const first = await app.page.waitForFunction(
    () => {
      const s = /** @type {any} */ (window).__embedscope.store.get();
      return s.projection?.done && !s.projectionRunning ? { at: performance.now(), n: s.projection.n } : null;
    },
    undefined,
    { timeout: 300_000, polling: 'raf' },
  );
  const firstAt = await first.jsonValue();
  const runs = [];
  for (let i = 0; i < cfg.warmup + cfg.appReps; i++) {
    await app.page.evaluate(hashProjection, { hash: hash(i + 2) });
    const m = await app.page.evaluate(() => /** @type {any} */ (window).__project);
    if (i >= cfg.warmup) runs.push(m);
  }
  await app.context.close();
  const out = {
    ...cfg,
    rows: r.rows,
    cols: r.cols,
    page: summaries(r.samples),
    app: {
      hash: hash(1),
      firstMs: firstAt.at,
      n: [...new Set(runs.map((x) => x.n))],
      rerun: summarise(runs.map((x) => x.ms).filter(Number.isFinite)),
      errors: runs.map((x) => x.error).filter(Boolean),
      timedOut: runs.filter((x) => x.timedOut).length,
    },
    errors,
  };
  log(
    `  PCA ${r.rows}×${r.cols}: page (upload incl.) ${out.page.withUpload.median.toFixed(0)} ms, on device ${out.page.onDevice.median.toFixed(0)} ms; ` +
      `app re-projection ${out.app.rerun.median.toFixed(0)} ms (first after load ${firstAt.at.toFixed(0)} ms)`,
  );
  return out;
}
