// Page-side watchers for the scale steps (bench/measure/scale.mjs). Each checks once per frame, in the first task
// after the frame has rendered (a rAF, then a MessageChannel message), and records performance.now() when its
// condition first holds. "Drawn" means a heatmap canvas whose data-paints counter (src/plots/heatmap.ts) moved.
/** @typedef {import('playwright').Browser} Browser */
/** @typedef {import('playwright').Page} Page */
import { instrumentWorker } from './gpuCount.mjs';

/** Calls `check` in the first task after every rendered frame until it returns true or `giveUpMs` passes. */
function frames(/** @type {() => boolean} */ check, /** @type {number} */ giveUpMs) {
  const end = performance.now() + giveUpMs;
  const loop = () =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        if (!check() && performance.now() < end) loop();
      };
      ch.port2.postMessage(null);
    });
  loop();
}

/**
 * Init script: times since navigation start (performance.now() of a fresh page) at which each wanted condition
 * first held, in window.__load. ready: the worker reported its backend; foundation: E, PE and X from the worker
 * (not the precomputed default) are in the store and the three Explore heatmaps are drawn; overview: both RoPE
 * tables' overviews are in the store and both overview canvases are drawn; whole: the run is done (every view
 * of it in the store) and the frame after it rendered.
 * @param {{ wanted: string[], giveUpMs: number }} a
 */
function loadProbe(a) {
  const w = /** @type {any} */ (window);
  const drawn = (/** @type {string} */ sel, /** @type {number} */ n) => {
    const cs = /** @type {HTMLCanvasElement[]} */ ([...document.querySelectorAll(sel)]);
    return cs.length >= n && cs.every((c) => c.width * c.height > 1 && Number(c.dataset.paints ?? 0) >= 1);
  };
  /** @type {Record<string, (s: any) => boolean>} */
  const conds = {
    ready: (s) => !!s.backend,
    foundation: (s) =>
      !s.precomputed &&
      ['embeddings', 'pe', 'input'].every((k) => s.matrices[k]) &&
      drawn('.matrices canvas', 3),
    overview: (s) =>
      !!s.matrices['rope-cos']?.overview &&
      !!s.matrices['rope-sin']?.overview &&
      drawn('.overview canvas', 2),
    whole: (s) => !!s.lastRun && !s.busy,
  };
  /** @type {Record<string, number>} */
  const at = {};
  /** When each view's matrix first reached the store (to the frame). @type {Record<string, number>} */
  const views = {};
  w.__load = new Promise((resolve) => {
    const t0 = performance.now();
    /** @type {typeof frames} */ (w.__benchFrames)(() => {
      const s = w.__embedscope?.store.get();
      if (s) for (const k of a.wanted) if (at[k] === undefined && conds[k](s)) at[k] = performance.now();
      if (s && !s.precomputed) for (const n of Object.keys(s.matrices)) views[n] ??= performance.now();
      const done = a.wanted.every((k) => at[k] !== undefined);
      if (done || performance.now() - t0 > a.giveUpMs) resolve({ ...at, views, timedOut: !done });
      return done;
    }, a.giveUpMs);
  });
}

/**
 * Opens `url` in a fresh browser context (nothing cached: a new worker, tfjs's programs compiled again) and
 * resolves to the load times of the wanted conditions, in ms after navigation start.
 * @param {Browser} browser
 * @param {string} url
 * @param {string[]} wanted
 * @param {{ instrument?: boolean, keep?: boolean, giveUpMs?: number }} [o]
 */
export async function load(browser, url, wanted, o = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (o.instrument) await instrumentWorker(context);
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // frames() is shared by every watcher as window.__benchFrames (script text: the app's CSP forbids eval).
  await page.addInitScript({ content: `window.__benchFrames = ${frames.toString()};` });
  await page.addInitScript(loadProbe, { wanted, giveUpMs: o.giveUpMs ?? 120_000 });
  await page.goto(url);
  const at = await page.evaluate(() => /** @type {any} */ (window).__load);
  if (!o.keep) await context.close();
  return { at, page, context, errors };
}

/** Reloads `page` (same context: the GPU process keeps what it compiled) and times the wanted conditions again. */
export async function reload(/** @type {Page} */ page) {
  await page.reload();
  return page.evaluate(() => /** @type {any} */ (window).__load);
}

/**
 * Before moving the detail window to start A: resolves window.__move when both RoPE tables' store matrices show
 * rows from A and both detail canvases have been repainted since, timed from the next form submit (capture
 * listener). @param {{ A: number }} a
 */
export function armWindow(a) {
  const w = /** @type {any} */ (window);
  const store = w.__embedscope.store;
  const detail = () =>
    ['rope-cos-table', 'rope-sin-table'].map((id) =>
      Number(
        /** @type {HTMLElement | null} */ (
          document.querySelector(`section[aria-labelledby="panel-${id}"] .plot-export-root canvas`)
        )?.dataset.paints ?? 0,
      ),
    );
  const before = detail();
  let submitAt = NaN;
  document.addEventListener('submit', () => (submitAt = performance.now()), { capture: true, once: true });
  w.__move = new Promise((resolve) => {
    const t0 = performance.now();
    /** @type {typeof frames} */ (w.__benchFrames)(() => {
      const s = store.get();
      const p = detail();
      const ok =
        s.matrices['rope-cos']?.window?.start === a.A &&
        s.matrices['rope-sin']?.window?.start === a.A &&
        p.every((n, i) => n > before[i]);
      const late = performance.now() - t0 > 120_000;
      if (ok || late) resolve({ ms: performance.now() - submitAt, timedOut: !ok });
      return ok || late;
    }, 120_000);
  });
}

/**
 * Before an edit: resolves window.__edit with the time from the edit's 'embedscope:input' mark to the first
 * frame after which the run it started is done (every view in the store), the worker's own run time, and when
 * each view's new matrix reached the store (ms after the mark).
 */
export function armEdit() {
  const w = /** @type {any} */ (window);
  const store = w.__embedscope.store;
  const first = store.get();
  const before = { lastRun: first.lastRun, marks: performance.getEntriesByName('embedscope:input').length };
  const held = { ...first.matrices };
  /** @type {Record<string, number>} */
  const arrived = {};
  const unsubscribe = store.subscribe(() => {
    const now = performance.now();
    for (const [n, m] of Object.entries(store.get().matrices)) if (m !== held[n]) arrived[n] ??= now;
  });
  w.__edit = new Promise((resolve) => {
    const t0 = performance.now();
    /** @type {typeof frames} */ (w.__benchFrames)(() => {
      const s = store.get();
      const ok = s.lastRun !== before.lastRun && !s.busy;
      const late = performance.now() - t0 > 300_000;
      if (ok || late) {
        unsubscribe();
        const start = performance.getEntriesByName('embedscope:input')[before.marks]?.startTime ?? NaN;
        const views = Object.fromEntries(Object.entries(arrived).map(([n, t]) => [n, t - start]));
        resolve({ ms: performance.now() - start, workerMs: s.lastRun?.ms, views, timedOut: !ok });
      }
      return ok || late;
    }, 300_000);
  });
}

/**
 * Sets the URL hash to `hash` (a new projection request: the app listens for hashchange) and resolves
 * window.__project with the time to the first frame after which the newer projection's layout is in the store.
 * @param {{ hash: string }} a
 */
export function hashProjection(a) {
  const w = /** @type {any} */ (window);
  const store = w.__embedscope.store;
  const before = store.get().projection?.projId ?? -1;
  w.__project = new Promise((resolve) => {
    const t0 = performance.now();
    /** @type {typeof frames} */ (w.__benchFrames)(() => {
      const s = store.get();
      const p = s.projection;
      const ok = !!p && p.projId !== before && p.done && !s.projectionRunning;
      const late = performance.now() - t0 > 300_000;
      if (ok || late)
        resolve({ ms: performance.now() - t0, n: p?.n, error: s.projectionError, timedOut: !ok });
      return ok || late;
    }, 300_000);
    location.hash = a.hash;
  });
}
