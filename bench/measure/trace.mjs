// Attributes the main thread's long tasks to what they did, from a Chromium trace (DevTools protocol Tracing):
// for every task over 50 ms on the page's renderer main thread, the time in its outermost events of each kind.
// Kinds overlap where one nests in another (a forced layout inside script counts for both).
/** @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: any }} TraceEvent */

const KINDS = {
  script: ['v8.callFunction', 'FunctionCall', 'EvaluateScript', 'v8.run'],
  'style and layout': [
    'LocalFrameView::UpdateStyleAndLayout',
    'Document::UpdateStyleAndLayout',
    'UpdateLayoutTree',
    'Layout',
  ],
  paint: ['LocalFrameView::RunPaintLifecyclePhase', 'Paint'],
  'canvas read-back for compositing (GLES2::ReadPixels)': ['GLES2::ReadPixels'],
  'garbage collection': ['MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'V8.GCScavenger'],
};

export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'gpu',
  'blink',
];

/**
 * Starts a trace on the page; the returned function stops it and resolves to the attribution.
 * @param {import('playwright').Page} page
 */
export async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {TraceEvent[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(.../** @type {TraceEvent[]} */ (d.value)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return attribute(events);
  };
}

/** @param {TraceEvent[]} events */
export function attribute(events) {
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  const counts = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (names.get(k) === 'CrRendererMain') counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined);
  own.sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) > 50_000);
  /** @type {Record<string, number>} */
  const total = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  let longest = { ms: 0, kinds: /** @type {Record<string, number>} */ ({}) };
  let taskMs = 0;
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const inside = own.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end);
    /** @type {Record<string, number>} */
    const kinds = {};
    for (const [kind, list] of Object.entries(KINDS)) {
      let coveredUntil = -1;
      let sum = 0;
      for (const e of inside) {
        if (!list.includes(e.name) || e.ts < coveredUntil) continue; // outermost only
        sum += e.dur ?? 0;
        coveredUntil = e.ts + (e.dur ?? 0);
      }
      kinds[kind] = sum / 1000;
      total[kind] += sum / 1000;
    }
    const ms = (t.dur ?? 0) / 1000;
    taskMs += ms;
    if (ms > longest.ms) longest = { ms, kinds };
  }
  return { tasks: tasks.length, taskMs, total, longest };
}
