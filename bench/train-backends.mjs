// Steps per second of the Training panel's default config (DEFAULT_TRAIN_CONFIG: reverse, d 32, 2 heads, 1 layer,
// context 16, batch 16; schemes learned and none) on each tfjs backend in Node: cpu and wasm (binaries from
// node_modules, SIMD, one thread), and with --webgpu also webgpu on Dawn (SwiftShader here, see DESIGN.md). Each
// run is a fresh Trainer: WARMUP untimed steps, then STEPS timed in chunks of CHUNK with one read-back each, as the
// training worker does. Backends are interleaved run by run so machine noise hits them alike; the figure is the
// median (and range) of RUNS runs. Then the trainer's own "auto" measurement (src/training/measureBackends.ts) on
// the same backends, and what it keeps.
//   node bench/train-backends.mjs [runs=5] [--webgpu]
//   (--webgpu: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json node bench/train-backends.mjs 5 --webgpu)
// src/ is TypeScript: Vite's SSR loader compiles it; tfjs stays an external, so this script and src/ share one tf.
import { register } from 'node:module';
import { createServer } from 'vite';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const withWebGpu = args.includes('--webgpu');
const WARMUP = 3;
const STEPS = 30;
const CHUNK = 10;

process.env.XDG_RUNTIME_DIR ??= '/tmp';
if (withWebGpu) {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', {
    value: { gpu: create([]) },
    configurable: true,
    writable: true,
  });
}
// model.ts imports tfjs-core's ESM register_all_gradients, whose relative imports have no extension, which Node's
// ESM loader refuses. This resolve hook retries such an import inside @tensorflow/* with '.js' (Vitest compiles
// them instead). The gradients register into tfjs's global registry, shared with the Node build of tfjs-core.
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const inTfjs = /^\\.\\.?\\//.test(specifier) && String(context.parentURL).includes('/@tensorflow/');
    const missing = ['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT'].includes(err?.code);
    if (missing && inTfjs) return next(specifier + '.js', context);
    throw err;
  }
}`)}`,
);
const tf = await import('@tensorflow/tfjs-core');
const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { middlewareMode: true },
});
const load = (/** @type {string} */ p) => server.ssrLoadModule(p);
const { DEFAULT_TRAIN_CONFIG } = await load('/src/protocol/training.ts');
const { Trainer } = await load('/src/training/trainer.ts');
const { startBackend } = await load('/src/engine/backend.ts'); // registers webgpu, webgl, wasm, cpu
const { measureBackends } = await load('/src/training/measureBackends.ts');
const { pickFastest } = await load('/src/training/pickBackend.ts');

const config = DEFAULT_TRAIN_CONFIG;
const backends = withWebGpu ? ['webgpu', 'wasm', 'cpu'] : ['wasm', 'cpu'];
/** @type {Record<string, string | null>} */
const adapters = {};
for (const b of backends) {
  const started = await startBackend(b);
  if ('problem' in started) throw new Error(started.problem);
  adapters[b] = started.adapter;
}

/** Steps per second of one fresh run of `scheme` on the current backend. */
async function oneRun(/** @type {string} */ scheme) {
  const t = new Trainer({ ...config, scheme, evalBatch: 1 });
  await t.train(WARMUP);
  const t0 = performance.now();
  for (let done = 0; done < STEPS; done += CHUNK) await t.train(Math.min(CHUNK, STEPS - done));
  const seconds = (performance.now() - t0) / 1000;
  t.dispose();
  return STEPS / seconds;
}

/** @type {Record<string, number[]>} */
const samples = {};
for (let run = 0; run < RUNS; run++) {
  for (const b of backends) {
    await tf.setBackend(b);
    for (const scheme of config.schemes) (samples[`${b} ${scheme}`] ??= []).push(await oneRun(scheme));
  }
}
const sorted = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b);
const median = (/** @type {number[]} */ xs) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(
  `Training's default config (${config.task}, d ${config.d}, ${config.heads} heads, ${config.layers} layer, ` +
    `context ${config.context}, batch ${config.batch}) in Node ${process.version}: steps/s, median of ${RUNS} ` +
    `runs of ${STEPS} steps after ${WARMUP} warm-up steps (range in brackets)`,
);
for (const [row, xs] of Object.entries(samples)) {
  const s = sorted(xs);
  const b = row.split(' ')[0];
  console.log(
    `  ${row.padEnd(14)} ${median(xs).toFixed(1).padStart(6)}  [${s[0].toFixed(1)} – ${s[s.length - 1].toFixed(1)}]` +
      `  ${adapters[b] ?? ''}`,
  );
}
for (const scheme of config.schemes) {
  const ratio = median(samples[`wasm ${scheme}`]) / median(samples[`cpu ${scheme}`]);
  console.log(`  wasm / cpu, ${scheme}: ${ratio.toFixed(2)}×`);
}

const trials = await measureBackends(config, backends);
const kept = pickFastest(trials);
console.log(`The trainer's "auto" on the same backends keeps ${kept?.backend ?? 'nothing'}:`);
for (const t of trials) {
  const rate = t.stepsPerSecond === null ? t.problem : `${t.stepsPerSecond.toFixed(1)} steps/s`;
  console.log(`  ${t.backend.padEnd(7)} ${rate}${t.software ? ` (software adapter ${t.software})` : ''}`);
}
await server.close();
process.exit(0);
