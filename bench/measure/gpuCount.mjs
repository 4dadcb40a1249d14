// Counts what the engine worker asks of WebGPU, from inside the worker, without touching the app: the bench routes
// the built worker script (assets/engine.worker-*.js, one self-contained file) and prepends a few lines that wrap
// the WebGPU prototypes in the worker's global: GPUComputePassEncoder.dispatchWorkgroups, GPUQueue.submit and
// writeBuffer, GPUCommandEncoder.copyBufferToBuffer, GPUBuffer.mapAsync (a read-back), GPUDevice.createBuffer,
// createShaderModule and createComputePipeline(Async) (a compile). It also keeps the wall time during which at
// least one mapAsync was pending: the worker waiting for the device (queued kernels, then the copy) to read back.
// tfjs-backend-webgpu calls these through the prototypes, so every dispatch of tfjs and of the app's fused
// kernels (run through tfjs's program interface) is counted. Read with `gpuCounts(page)`.

/** Runs in the worker before the bundle (as source text): installs self.__gpu. */
function install() {
  const g = /** @type {any} */ (self);
  const counts = /** @type {Record<string, number>} */ ({});
  const state = { pending: 0, since: 0, mapWaitMs: 0, firstAt: NaN, lastAt: NaN };
  const now = () => performance.timeOrigin + performance.now();
  g.__gpu = {
    snapshot: () => ({
      counts: { ...counts },
      mapWaitMs: state.mapWaitMs,
      firstAt: state.firstAt,
    }),
    reset: () => {
      for (const k of Object.keys(counts)) delete counts[k];
      state.mapWaitMs = 0;
      state.firstAt = NaN;
    },
  };
  const wrap = (/** @type {any} */ proto, /** @type {string} */ name, /** @type {string} */ key) => {
    const original = proto?.[name];
    if (typeof original !== 'function') return;
    proto[name] = function (/** @type {any[]} */ ...args) {
      counts[key] = (counts[key] ?? 0) + 1;
      if (Number.isNaN(state.firstAt)) state.firstAt = now();
      const out = original.apply(this, args);
      if (key !== 'mapAsync') return out;
      if (state.pending++ === 0) state.since = now();
      const settle = () => {
        if (--state.pending === 0) state.mapWaitMs += now() - state.since;
      };
      out.then(settle, settle);
      return out;
    };
  };
  wrap(g.GPUComputePassEncoder?.prototype, 'dispatchWorkgroups', 'dispatch');
  wrap(g.GPUQueue?.prototype, 'submit', 'submit');
  wrap(g.GPUQueue?.prototype, 'writeBuffer', 'writeBuffer');
  wrap(g.GPUCommandEncoder?.prototype, 'copyBufferToBuffer', 'copyBufferToBuffer');
  wrap(g.GPUBuffer?.prototype, 'mapAsync', 'mapAsync');
  wrap(g.GPUDevice?.prototype, 'createBuffer', 'createBuffer');
  wrap(g.GPUDevice?.prototype, 'createShaderModule', 'createShaderModule');
  wrap(g.GPUDevice?.prototype, 'createComputePipeline', 'createComputePipeline');
  wrap(g.GPUDevice?.prototype, 'createComputePipelineAsync', 'createComputePipeline');
}

const PREFIX = `(${install.toString()})();\n`;

/**
 * Prepends the counters to the engine worker of every page in `context` (call before the page loads).
 * @param {import('playwright').BrowserContext} context
 */
export async function instrumentWorker(context) {
  await context.route('**/assets/engine.worker-*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: PREFIX + (await response.text()) });
  });
}

/** The page's engine worker (waits for it to exist). @param {import('playwright').Page} page */
async function engineWorker(page) {
  for (let i = 0; i < 600; i++) {
    const w = page.workers().find((x) => x.url().includes('engine.worker'));
    if (w && (await w.evaluate(() => !!(/** @type {any} */ (self).__gpu)).catch(() => false))) return w;
    await page.waitForTimeout(50);
  }
  throw new Error('no instrumented engine worker in the page (was instrumentWorker called?)');
}

/**
 * The counters since the last reset; `reset` clears them after reading.
 * @param {import('playwright').Page} page
 * @returns {Promise<{ counts: Record<string, number>, mapWaitMs: number, firstAt: number }>}
 */
export async function gpuCounts(page, reset = false) {
  const w = await engineWorker(page);
  return w.evaluate((r) => {
    const g = /** @type {any} */ (self).__gpu;
    const s = g.snapshot();
    if (r) g.reset();
    return s;
  }, reset);
}
