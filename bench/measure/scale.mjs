// Issue 14, item 7 ("Bench"), in the built app: big tables, a whole run at T = 512, a non-default link on a fresh
// page, and the GPU work of one keystroke. Every load is a fresh browser context (a new worker: tfjs compiles its
// programs again); times run from navigation start, or from the user's action, to the first rendered frame after
// which the condition holds (bench/measure/probe.mjs). One extra repetition of each is traced across processes
// (bench/measure/gpuTrace.mjs) with the worker's WebGPU calls counted (bench/measure/gpuCount.mjs), to say where
// the time goes; it is not among the timed samples.
import { summarise } from '../lib/stats.mjs';
import { launch } from '../lib/browser.mjs';
import { armEdit, armWindow, load, reload } from './probe.mjs';
import { gpuCounts } from './gpuCount.mjs';
import { startGpuTrace } from './gpuTrace.mjs';
import { overviewStages } from './scaleCompute.mjs';

/** @typedef {import('playwright').Browser} Browser */
/** @typedef {import('playwright').Page} Page */
/** @typedef {(s: string) => void} Log */

const letters = (/** @type {number} */ T) => 'abcdefghijklmnopqrstuvw'.repeat(Math.ceil(T / 23)).slice(0, T);
const ropeTable = (/** @type {number} */ N, /** @type {number} */ d) =>
  `#lang=en&tab=lab&text=hi&d=${d}&pe=rope&heads=1&positions=${N}`;
export const LINK = '#text=hello&d=64';

/** Summaries of a field over samples, NaN (timed-out) values left out. @param {any[]} list @param {string} k */
const sum = (list, k) => summarise(list.map((s) => s[k]).filter(Number.isFinite));

/**
 * One traced repetition: `run` inside a browser-wide trace, then the worker's WebGPU counters from `page()`.
 * @param {Browser} browser
 * @param {() => Promise<any>} run
 * @param {() => Page} page
 */
async function traced(browser, run, page, reset = true) {
  if (reset) await gpuCounts(page(), true);
  const stop = await startGpuTrace(browser);
  const measured = await run();
  const threads = await stop();
  const gpu = await gpuCounts(page(), true);
  return { measured, ...threads, counts: gpu.counts, mapWaitMs: gpu.mapWaitMs };
}

/** A traced fresh load of `url` (worker counted from its start). @param {Browser} browser */
async function tracedLoad(browser, /** @type {string} */ url, /** @type {string[]} */ wanted) {
  /** @type {Page | null} */
  let page = null;
  /** @type {import('playwright').BrowserContext | null} */
  let context = null;
  const out = await traced(
    browser,
    async () => {
      const r = await load(browser, url, wanted, { instrument: true, keep: true });
      page = r.page;
      context = r.context;
      return r.at;
    },
    () => /** @type {Page} */ (page),
    false,
  );
  await /** @type {any} */ (context)?.close();
  return out;
}

/**
 * (a) The overview of an N × d RoPE table (cos and sin, N × d/2 each) drawn after the URL loads.
 * @param {Browser} browser @param {string} base
 * @param {{ N: number, d: number, reps: number, warmup: number, stageReps: number }} cfg @param {Log} log
 */
export async function overview(browser, base, cfg, log) {
  const url = `${base}/${ropeTable(cfg.N, cfg.d)}`;
  const runs = [];
  const errors = [];
  for (let i = 0; i < cfg.warmup + cfg.reps; i++) {
    const r = await load(browser, url, ['ready', 'overview', 'whole']);
    errors.push(...r.errors);
    if (i >= cfg.warmup) runs.push(r.at);
  }
  const out = {
    ...cfg,
    url: ropeTable(cfg.N, cfg.d),
    overview: sum(runs, 'overview'),
    ready: sum(runs, 'ready'),
    whole: sum(runs, 'whole'),
    timedOut: runs.filter((r) => r.timedOut).length,
    breakdown: await tracedLoad(browser, url, ['ready', 'overview', 'whole']),
    stages: await overviewStages(browser, base, { N: cfg.N, d: cfg.d, reps: cfg.stageReps }),
    errors,
  };
  log(
    `  overview ${cfg.N}×${cfg.d}: median ${out.overview.median.toFixed(0)} ms, p95 ${out.overview.p95.toFixed(0)} ms`,
  );
  return out;
}

/**
 * When each view's matrix reached the store, median over repetitions (ms after the edit or load), in order.
 * @param {Record<string, number>[]} list
 */
function viewTimes(list) {
  const names = [...new Set(list.flatMap((v) => Object.keys(v ?? {})))];
  return names
    .map((n) => ({ name: n, ms: summarise(list.map((v) => v?.[n]).filter(Number.isFinite)).median }))
    .sort((a, b) => a.ms - b.ms);
}

/** Window starts spread over the table, each far from the last (golden-ratio steps). */
const starts = (/** @type {number} */ N, /** @type {number} */ n, /** @type {number} */ rows) =>
  Array.from({ length: n }, (_, i) => Math.floor((((i + 1) * 0.6180339887) % 1) * (N - rows)));

/**
 * (b) A 2^20-row table: moving the detail window (4,096 rows) with the overview's from/to fields.
 * @param {Browser} browser @param {string} base
 * @param {{ N: number, d: number, rows: number, reps: number, warmup: number }} cfg @param {Log} log
 */
export async function windowMove(browser, base, cfg, log) {
  const url = `${base}/${ropeTable(cfg.N, cfg.d)}`;
  const { page, context, at, errors } = await load(browser, url, ['overview', 'whole'], {
    instrument: true,
    keep: true,
  });
  const form = page.locator('section[aria-labelledby="panel-rope-cos-table"] form.overview-window');
  const move = async (/** @type {number} */ A) => {
    await page.evaluate(armWindow, { A });
    await form.locator('input').nth(0).fill(String(A));
    await form
      .locator('input')
      .nth(1)
      .fill(String(A + cfg.rows - 1));
    await form.locator('button[type=submit]').click();
    return page.evaluate(() => /** @type {any} */ (window).__move);
  };
  const list = starts(cfg.N, cfg.warmup + cfg.reps + 1, cfg.rows);
  const runs = [];
  /** @type {Record<string, number>[]} */
  const counts = [];
  await gpuCounts(page, true);
  for (let i = 0; i < cfg.warmup + cfg.reps; i++) {
    const r = await move(list[i]);
    const c = await gpuCounts(page, true);
    if (i >= cfg.warmup) {
      runs.push(r);
      counts.push({ ...c.counts, mapWaitMs: c.mapWaitMs });
    }
    await page.waitForTimeout(50);
  }
  const breakdown = await traced(
    browser,
    () => move(list[list.length - 1]),
    () => page,
  );
  await context.close();
  const out = {
    ...cfg,
    url: ropeTable(cfg.N, cfg.d),
    loadOverviewMs: at.overview,
    move: sum(runs, 'ms'),
    timedOut: runs.filter((r) => r.timedOut).length,
    perMove: countSummary(counts),
    breakdown,
    errors,
  };
  log(
    `  window move in ${cfg.N} rows: median ${out.move.median.toFixed(0)} ms, p95 ${out.move.p95.toFixed(0)} ms`,
  );
  return out;
}

/** Median (and range) of each counter over repetitions. @param {Record<string, number>[]} list */
function countSummary(list) {
  const keys = [...new Set(list.flatMap((c) => Object.keys(c)))];
  return Object.fromEntries(
    keys.map((k) => {
      const s = summarise(list.map((c) => c[k] ?? 0));
      return [k, { median: s.median, min: s.min, max: s.max }];
    }),
  );
}

/**
 * Edits on an open page: replaces the last character, timed from its input mark to the run's last view drawn.
 * @param {Page} page @param {number} n
 */
async function edits(page, n) {
  const out = [];
  await page.locator('#text-input').focus();
  for (let i = 0; i < n; i++) {
    // The replacement always differs from the character it replaces, so every edit starts a run.
    const last = await page.evaluate(() => {
      const ta = /** @type {HTMLTextAreaElement} */ (document.getElementById('text-input'));
      ta.setSelectionRange(ta.value.length - 1, ta.value.length);
      return ta.value.slice(-1);
    });
    await page.evaluate(armEdit);
    await page.keyboard.type(last === 'Y' ? 'X' : 'Y');
    out.push(await page.evaluate(() => /** @type {any} */ (window).__edit));
    await page.waitForTimeout(50);
  }
  return out;
}

/**
 * (c) The whole run (every view) at T tokens (char), d, RoPE over `positions`, on the Lab and the Explore tab:
 * after a fresh load and after an edit.
 * @param {Browser} browser @param {string} base
 * @param {{ T: number, d: number, positions: number, loads: number, reps: number, warmup: number }} cfg
 * @param {Log} log
 */
export async function wholeRun(browser, base, cfg, log) {
  /** @type {Record<string, any>} */
  const tabs = {};
  const errors = [];
  const hashOf = (/** @type {string} */ tab) =>
    `#lang=en&tab=${tab}&tokenizer=char&d=${cfg.d}&pe=rope&positions=${cfg.positions}&text=${letters(cfg.T)}`;
  for (const tab of ['lab', 'explore']) {
    const url = `${base}/${hashOf(tab)}`;
    const loads = [];
    for (let i = 0; i < 1 + cfg.loads; i++) {
      const r = await load(browser, url, ['ready', 'whole']);
      errors.push(...r.errors);
      if (i >= 1) loads.push(r.at);
    }
    const opened = await load(browser, url, ['whole'], { instrument: tab === 'lab', keep: true });
    const runs = (await edits(opened.page, cfg.warmup + cfg.reps)).slice(cfg.warmup);
    tabs[tab] = {
      views: viewTimes(runs.map((r) => r.views)),
      load: sum(loads, 'whole'),
      ready: sum(loads, 'ready'),
      edit: sum(runs, 'ms'),
      worker: sum(runs, 'workerMs'),
      timedOut: [...loads, ...runs].filter((r) => r.timedOut).length,
    };
    if (tab === 'lab') {
      tabs[tab].breakdownEdit = await traced(
        browser,
        async () => (await edits(opened.page, 1))[0],
        () => opened.page,
      );
      tabs[tab].breakdownLoad = await tracedLoad(browser, url, ['ready', 'whole']);
    }
    await opened.context.close();
    log(
      `  whole run, ${tab}: load ${tabs[tab].load.median.toFixed(0)} ms, edit ${tabs[tab].edit.median.toFixed(0)} ms (p95 ${tabs[tab].edit.p95.toFixed(0)})`,
    );
  }
  return { ...cfg, hash: hashOf('lab'), tabs, errors };
}

/**
 * (e) A link that is not the default view: E, PE and X drawn after load. Variants alternate rep by rep: a fresh
 * context in the running browser, a freshly launched browser (nothing compiled in its GPU process either), and a
 * second load of the first variant's page (reload: same context).
 * @param {Browser} browser @param {string} base
 * @param {{ reps: number, warmup: number }} cfg @param {Log} log
 */
export async function link(browser, base, cfg, log) {
  const url = `${base}/${LINK}`;
  const wanted = ['ready', 'foundation'];
  /** @type {Record<string, any[]>} */
  const runs = { context: [], browser: [], warm: [] };
  const errors = [];
  for (let i = 0; i < cfg.warmup + cfg.reps; i++) {
    const keep = i >= cfg.warmup;
    const fresh = await launch();
    try {
      const cold = await load(fresh, url, wanted);
      if (keep) runs.browser.push(cold.at);
    } finally {
      await fresh.close();
    }
    const first = await load(browser, url, wanted, { keep: true });
    errors.push(...first.errors);
    const again = await reload(first.page);
    await first.context.close();
    if (keep) {
      runs.context.push(first.at);
      runs.warm.push(again);
    }
  }
  const fresh = await launch();
  let breakdown;
  try {
    breakdown = await tracedLoad(fresh, url, wanted);
  } finally {
    await fresh.close();
  }
  /** @type {Record<string, any>} */
  const variants = {};
  for (const [k, list] of Object.entries(runs))
    variants[k] = {
      foundation: sum(list, 'foundation'),
      ready: sum(list, 'ready'),
      timedOut: list.filter((r) => r.timedOut).length,
    };
  log(
    `  link ${LINK}: new browser ${variants.browser.foundation.median.toFixed(0)} ms, new context ${variants.context.foundation.median.toFixed(0)} ms, reload ${variants.warm.foundation.median.toFixed(0)} ms (medians)`,
  );
  return { ...cfg, url: LINK, variants, breakdown, errors };
}

/**
 * (f) The WebGPU calls of one keystroke on the Explore tab (tokens → E, PE, X → paint), counted in the worker.
 * @param {Browser} browser @param {string} base
 * @param {{ T: number, d: number, keys: number, warmup: number }} cfg @param {Log} log
 */
export async function dispatches(browser, base, cfg, log) {
  const hash = `#lang=en&tab=explore&tokenizer=char&d=${cfg.d}&pe=sinusoidal&embedding=random&text=${letters(cfg.T)}`;
  const { page, context } = await load(browser, `${base}/${hash}`, ['foundation', 'whole'], {
    instrument: true,
    keep: true,
  });
  const atLoad = await gpuCounts(page, true);
  /** @type {Record<string, number>[]} */
  const perKey = [];
  for (let i = 0; i < cfg.warmup + cfg.keys; i++) {
    await edits(page, 1);
    const c = await gpuCounts(page, true);
    if (i >= cfg.warmup) perKey.push({ ...c.counts, mapWaitMs: c.mapWaitMs });
  }
  await context.close();
  const out = {
    ...cfg,
    hash,
    load: atLoad.counts,
    perKey: countSummary(perKey),
    samples: perKey,
  };
  log(
    `  per key: ${JSON.stringify(Object.fromEntries(Object.entries(out.perKey).map(([k, v]) => [k, v.median])))}`,
  );
  return out;
}
