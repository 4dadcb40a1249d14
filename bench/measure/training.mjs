// Training's default config in the browser, as a person starts it: the Train tab of a fresh page, backend "auto"
// (the trainer times each backend and keeps the fastest), then Train. Steps per second per scheme are measured
// here by the wall clock between two samples of the last step each scheme reported, after a warm-up of `warmup`
// steps, over the samples taken while it still trains (the default config stops at 300 steps); the rate the panel shows (the trainer's own figure) is recorded beside it as a cross-check, with the
// backend "auto" kept and what it measured on each. Target (issue 14): ≥ 6 steps/s per scheme.
import { summarise } from '../lib/stats.mjs';
import { open } from './page.mjs';

const READY = `(() => !!window.__embedscope?.store.get())()`;

/** In the page: the last step per scheme, the trainer's status and backend. */
function sample() {
  const s = /** @type {any} */ (window).__embedscope.store.get().training;
  return {
    at: performance.now(),
    status: s.status,
    error: s.error,
    steps: Object.fromEntries(s.view.steps),
    rate: Object.fromEntries(s.view.rate),
    backend: s.backend,
  };
}

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ warmup: number, seconds: number, samples: number }} cfg
 * @param {(s: string) => void} log
 */
export async function training(browser, base, cfg, log) {
  const { page, errors } = await open(browser, `${base}/#tab=train`, READY);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // "auto" first times every backend; then both schemes train. Wait for the warm-up steps on every scheme.
  await page.waitForFunction(
    (warm) => {
      const s = /** @type {any} */ (window).__embedscope.store.get().training;
      if (s.error) return true;
      const steps = [...s.view.steps.values()];
      return steps.length >= 2 && steps.every((n) => n >= warm);
    },
    cfg.warmup,
    { timeout: 600_000, polling: 100 },
  );
  /** @type {ReturnType<typeof sample>[]} */
  const points = [await page.evaluate(sample)];
  for (let i = 0; i < cfg.samples; i++) {
    await page.waitForTimeout((cfg.seconds * 1000) / cfg.samples);
    points.push(await page.evaluate(sample));
  }
  await page.close();
  // The default config stops at 300 steps: only samples taken while it was still training count.
  const live = points.filter((p, i) => i === 0 || p.status === 'training');
  if (live.length < 2) throw new Error('training ended before a second sample: shorten seconds or samples');
  points.length = 0;
  points.push(...live);
  const first = points[0];
  const last = points[points.length - 1];
  if (first.error || last.error) throw new Error(`training failed: ${first.error ?? last.error}`);
  /** @type {Record<string, { measured: ReturnType<typeof summarise>, overall: number, reported: number }>} */
  const schemes = {};
  for (const scheme of Object.keys(last.steps)) {
    // steps/s over each interval between samples, and over the whole window
    const per = points
      .slice(1)
      .map((p, i) => ((p.steps[scheme] - points[i].steps[scheme]) * 1000) / (p.at - points[i].at));
    const overall = ((last.steps[scheme] - first.steps[scheme]) * 1000) / (last.at - first.at);
    schemes[scheme] = { measured: summarise(per), overall, reported: last.rate[scheme] };
    log(
      `  training ${scheme}: ${overall.toFixed(1)} steps/s over ${((last.at - first.at) / 1000).toFixed(1)} s (panel says ${last.rate[scheme]?.toFixed(1)})`,
    );
  }
  return { ...cfg, seconds: (last.at - first.at) / 1000, backend: last.backend, schemes, errors };
}
