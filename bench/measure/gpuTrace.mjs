// Where the time of one app action goes across processes, from a browser-wide Chromium trace (DevTools protocol
// Tracing on the browser target, so the GPU process is recorded too): the page's main thread, its engine worker
// (a DedicatedWorker thread of the same renderer) and the GPU process's main thread, where Dawn compiles WGSL
// (Tint → SPIR-V → SwiftShader) and decodes the worker's WebGPU commands. SwiftShader runs the kernels on threads
// of its own that are not traced: the time the worker waits on mapAsync (bench/measure/gpuCount.mjs) stands for
// it. Each figure is the sum of the outermost events of its kind, in ms; kinds on one thread do not overlap.
/** @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: any }} Ev */

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'blink',
  'gpu',
  'gpu.dawn',
];

const SCRIPT = ['v8.callFunction', 'FunctionCall', 'EvaluateScript', 'v8.run', 'v8.evaluateModule'];
const PARTS = {
  main: {
    'script (React, D3, drawing, message handling)': SCRIPT,
    'script parse/compile': ['v8.compile', 'v8.compileModule', 'v8.parseOnBackground'],
    'style and layout': ['LocalFrameView::UpdateStyleAndLayout', 'Document::UpdateStyleAndLayout', 'Layout'],
    paint: ['LocalFrameView::RunPaintLifecyclePhase', 'Paint'],
    'garbage collection': ['MajorGC', 'MinorGC'],
  },
  worker: {
    'loading the worker bundle (decode, compile)': ['TextResourceDecoder::Decode', 'v8.compileModule'],
    'GPU channel and device set-up': [
      'GpuChannelHost::CreateViewCommandBuffer',
      'CommandBufferProxyImpl::Initialize',
    ],
    'script (bundle start-up, tfjs, tokenising, encoding commands)': [...SCRIPT, 'AsyncTask Run'],
    'garbage collection': ['MajorGC', 'MinorGC'],
  },
  gpu: {
    'shader compile (Tint + SwiftShader pipeline creation)': [
      'DeviceBase::APICreateShaderModule',
      'DeviceBase::APICreateComputePipeline',
      'DeviceBase::APICreateComputePipelineAsync',
      'CreateComputePipelineAsyncTask::Run',
    ],
    // 'WebGPU' (category gpu) wraps the decoding of each batch of the worker's commands.
    'other WebGPU commands (buffers, copies, submits)': ['WebGPU'],
  },
};

/** Starts a browser-wide trace; the returned function stops it and resolves to the attribution. */
export async function startGpuTrace(/** @type {import('playwright').Browser} */ browser) {
  const cdp = await browser.newBrowserCDPSession();
  /** @type {Ev[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(.../** @type {Ev[]} */ (d.value)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return attributeThreads(events);
  };
}

/** Sum in µs of the outermost events named in `list` (events sorted by ts). @param {Ev[]} own @param {string[]} list */
function outermostUs(own, list) {
  let until = -1;
  let sum = 0;
  for (const e of own) {
    if (!list.includes(e.name) || e.ts < until) continue;
    sum += e.dur ?? 0;
    until = e.ts + (e.dur ?? 0);
  }
  return sum;
}

/** The same in ms. @param {Ev[]} own @param {string[]} list */
const outermost = (own, list) => outermostUs(own, list) / 1000;

/** Busy time of a thread: its top-level tasks. @param {Ev[]} own */
const busy = (own) => outermost(own, ['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/** @param {Ev[]} events */
export function attributeThreads(events) {
  const thread = new Map();
  const proc = new Map();
  for (const e of events) {
    if (e.name === 'thread_name') thread.set(`${e.pid}:${e.tid}`, e.args?.name);
    if (e.name === 'process_name') proc.set(e.pid, e.args?.name);
  }
  /** @type {Map<string, Ev[]>} */
  const by = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}:${e.tid}`;
    const list = by.get(k) ?? [];
    list.push(e);
    by.set(k, list);
  }
  for (const list of by.values()) list.sort((a, b) => a.ts - b.ts);
  /** The busiest thread with this name (in a process with this name, when given). */
  const pick = (/** @type {string} */ name, /** @type {string | null} */ process = null) =>
    [...by]
      .filter(([k]) => thread.get(k) === name && (!process || proc.get(Number(k.split(':')[0])) === process))
      .sort((a, b) => busy(b[1]) - busy(a[1]))[0];
  // The engine worker is the busiest DedicatedWorker (the training worker idles); the page is its renderer's main.
  const worker = pick('DedicatedWorker thread');
  const pid = worker?.[0].split(':')[0];
  const main =
    [...by].find(([k]) => thread.get(k) === 'CrRendererMain' && k.startsWith(`${pid}:`)) ??
    pick('CrRendererMain');
  const gpu = pick('CrGpuMain', 'GPU Process');
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (!(e.ts > 0)) continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + (e.dur ?? 0));
  }
  const wallMs = last > first ? (last - first) / 1000 : 0;
  /** @param {[string, Ev[]] | undefined} t @param {Record<string, string[]>} parts */
  const describe = (t, parts) => {
    const own = t?.[1] ?? [];
    /** @type {Record<string, number>} */
    const out = { busy: busy(own) };
    for (const [kind, list] of Object.entries(parts)) out[kind] = outermost(own, list);
    return out;
  };
  const g = describe(gpu, PARTS.gpu);
  // A batch of WebGPU commands holds the synchronous compiles: count only what lies outside them.
  const compileList = PARTS.gpu['shader compile (Tint + SwiftShader pipeline creation)'];
  const own = gpu?.[1] ?? [];
  let other = 0;
  let until = -1;
  for (const e of own) {
    if (e.name !== 'WebGPU' || e.ts < until) continue;
    until = e.ts + (e.dur ?? 0);
    const inside = own.filter((x) => compileList.includes(x.name) && x.ts >= e.ts && x.ts < until);
    other += ((e.dur ?? 0) - outermostUs(inside, compileList)) / 1000;
  }
  g['other WebGPU commands (buffers, copies, submits)'] = other;
  return {
    wallMs,
    main: describe(main, PARTS.main),
    worker: describe(worker, PARTS.worker),
    gpu: g,
  };
}
