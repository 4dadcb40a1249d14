// Side-by-side timing of the exact sinusoid table on WebGPU in Node (Dawn on SwiftShader): the fused WGSL kernel of
// src/numerics/kernels against a raw WebGPU read-back of the same bytes, and (BASE=<git ref>) against the kernel of
// src/numerics at that ref, loaded into the same process and tfjs, and against the floor of its shape (a kernel that
// only stores the same bytes the same way). Median of warm runs, every row interleaved rep by rep so that machine
// noise hits every row alike. CHUNK=1 adds the float32 chunk-split tf-ops code the kernel
// replaced (~35 element-wise kernels; slow, so off by default).
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json [BASE=main] node bench/trig-node.mjs [P=8192] [pairs=512] [reps=9]
// src/ is TypeScript: Vite's SSR loader compiles it; tfjs stays an external, so this script and src/ share one tf.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { create, globals } from 'webgpu';

const [P = 8192, F = 512, REPS = 9] = process.argv.slice(2).map(Number);
const BASE = process.env.BASE;
process.env.XDG_RUNTIME_DIR ??= '/tmp';
Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', {
  value: { gpu: create([]) },
  configurable: true,
  writable: true,
});

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-webgpu');
if (!(await tf.setBackend('webgpu'))) throw new Error('no WebGPU adapter: set VK_ICD_FILENAMES (see header)');
const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { middlewareMode: true, fs: { strict: false } },
});
const now = await server.ssrLoadModule('/src/numerics/trig.ts');
let base = null;
let baseDir = null;
if (BASE) {
  // src/numerics at BASE (it imports nothing of the app, only tfjs), extracted inside this checkout so that it
  // resolves the same node_modules; removed at the end.
  baseDir = mkdtempSync(join(process.cwd(), 'bench', '.trig-base-'));
  const tar = execFileSync('git', ['archive', BASE, 'src/numerics']);
  execFileSync('tar', ['-x', '-C', baseDir], { input: tar });
  base = await server.ssrLoadModule(join(baseDir, 'src/numerics/trig.ts'));
}
const ref = (execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim() || '?') + '+worktree';

const turns = Float64Array.from({ length: F }, (_, i) => Math.pow(10000, (-2 * i) / (2 * F)) / (2 * Math.PI));
const positions = now.range(P);

// ---- The code the kernel replaced: float32 chunk split (exact to p < 2^13 only), Taylor 17/18 as tf ops. ----
function roundToBits(x, bits) {
  if (x === 0) return 0;
  const unit = 2 ** (Math.floor(Math.log2(Math.abs(x))) - bits + 1);
  return Math.round(x / unit) * unit;
}
const fact = (k) => (k <= 1 ? 1 : k * fact(k - 1));
const SIN = [17, 15, 13, 11, 9, 7, 5, 3, 1].map((k, j) => (j % 2 === 0 ? 1 : -1) / fact(k));
const COS = [18, 16, 14, 12, 10, 8, 6, 4, 2, 0].map((k, j) => (j % 2 === 0 ? -1 : 1) / fact(k));
function horner(x2, coeffs) {
  let acc = tf.fill(x2.shape, coeffs[0]);
  for (let j = 1; j < coeffs.length; j++) acc = tf.add(tf.mul(acc, x2), coeffs[j]);
  return acc;
}
function oldPe(pos, c) {
  const n = c.length;
  const hi = new Float32Array(n),
    mid = new Float32Array(n),
    lo = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    hi[i] = roundToBits(c[i], 11);
    mid[i] = roundToBits(c[i] - hi[i], 11);
    lo[i] = c[i] - hi[i] - mid[i];
  }
  return tf.tidy(() => {
    const p = tf.tensor2d(Float32Array.from(pos), [pos.length, 1]); // [P, 1]
    const frac = (chunk) => {
      const prod = tf.mul(p, tf.tensor2d(chunk, [1, n])); // [P, F]
      return tf.sub(prod, tf.floor(prod));
    };
    const s = tf.add(tf.add(frac(hi), frac(mid)), tf.mul(p, tf.tensor2d(lo, [1, n]))); // [P, F]
    const x = tf.mul(tf.sub(s, tf.round(s)), 2 * Math.PI); // [P, F]
    const x2 = tf.mul(x, x);
    const sin = tf.mul(horner(x2, SIN), x); // [P, F]
    const cos = horner(x2, COS); // [P, F]
    return tf.reshape(tf.stack([sin, cos], 2), [pos.length, 2 * n]); // [P, 2F] interleaved, as sinusoidal.ts did
  });
}

// ---- Raw read-back of the same bytes: copy a filled storage buffer to a MAP_READ buffer and map it. ----
const device = tf.backend().device;
const bytes = P * 2 * F * 4;
const src = device.createBuffer({
  size: bytes,
  usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  mappedAtCreation: true,
});
new Float32Array(src.getMappedRange()).fill(0.5);
src.unmap();
async function rawReadback() {
  const dst = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const enc = device.createCommandEncoder();
  enc.copyBufferToBuffer(src, 0, dst, 0, bytes);
  device.queue.submit([enc.finish()]);
  await dst.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(dst.getMappedRange().slice(0));
  dst.destroy();
  return out;
}

// ---- The floor for any kernel of this shape: runs of 32 rows, one vec4 store per 2 pairs, no arithmetic. ----
// A fresh object per run: tfjs appends to shaderKey and sets pipeline on the program it is given.
const storeOnly = () => ({
  variableNames: ['pos'],
  outputShape: [P, 2 * F],
  shaderKey: 'benchStoreOnly',
  dispatchLayout: { x: [0, 1] },
  dispatch: [Math.ceil((Math.ceil(P / 32) * (F / 2)) / 64), 1, 1],
  workgroupSize: [64, 1, 1],
  outputComponent: 4,
  variableComponents: [1],
  getUserCode: () => `
    fn main(index : i32) {
      let P = u32(uniforms.outShape.x);
      let G = u32(uniforms.outShape.y) / 4u;
      let blk = u32(index) / G;
      let gi = u32(index) - blk * G;
      let r0 = blk * 32u;
      if (r0 >= P) { return; }
      let v = vec4<f32>(f32(pos[r0]));
      for (var r = r0; r < min(r0 + 32u, P); r++) { setOutputAtIndex(i32(r * G + gi), v); }
    }`,
});
const posT = tf.tensor1d(Int32Array.from(positions), 'int32');
const storeOnlyTable = () =>
  tf.engine().makeTensorFromTensorInfo(tf.backend().runWebGPUProgram(storeOnly(), [posT], 'float32'));

/** Reads back and frees every tensor of a table function's result (a tensor or {sin, cos}). */
async function readAll(result) {
  const ts = result instanceof tf.Tensor ? [result] : Object.values(result);
  await Promise.all(ts.map((t) => t.data()));
  tf.dispose(ts);
}
async function computeOnly(result) {
  tf.backend().endComputePassEncoder();
  tf.backend().submitQueue();
  await device.queue.onSubmittedWorkDone();
  tf.dispose(result instanceof tf.Tensor ? [result] : Object.values(result));
}
/** RoPE's two tables from a trig module: one [P, 2F] cos|sin tensor now, {sin, cos} (two dispatches) before. */
const ropePair = (m) => (m.cosSinTable ? m.cosSinTable(positions, turns) : m.sinCosTable(positions, turns));

const rows = { 'raw WebGPU read-back of the same bytes': rawReadback };
for (const [tag, m] of [[ref, now], ...(base ? [[BASE, base]] : [])]) {
  rows[`${tag}: PE table [P, 2F] + read-back`] = () =>
    readAll(m.sinusoidTable(positions, turns, 'interleaved'));
  rows[`${tag}: PE table, compute only`] = () =>
    computeOnly(m.sinusoidTable(positions, turns, 'interleaved'));
  rows[`${tag}: RoPE cos+sin tables + read-back`] = () => readAll(ropePair(m));
}
if (F % 2 === 0)
  rows['floor: store-only kernel of the same shape + read-back'] = () => readAll(storeOnlyTable());
if (process.env.CHUNK === '1') {
  rows['float32 chunk split as tf ops (+ stack) + read-back'] = () => readAll(oldPe(positions, turns));
}
const samples = Object.fromEntries(Object.keys(rows).map((k) => [k, []]));
for (let rep = -2; rep < REPS; rep++) {
  for (const [name, fn] of Object.entries(rows)) {
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    if (rep >= 0) samples[name].push(ms); // the first two reps compile and warm up
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const raw = median(samples['raw WebGPU read-back of the same bytes']);
const info = tf.backend().adapterInfo ?? {};
console.log(
  `WebGPU in Node (Dawn, ${info.vendor ?? '?'} ${info.architecture ?? ''}), P=${P}, pairs=${F}, ` +
    `${(bytes / 2 ** 20).toFixed(2)} MiB, median of ${REPS} warm runs after 2 warm-ups:`,
);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`  ${name.padEnd(60)} ${m.toFixed(1).padStart(8)} ms  ${(m / raw).toFixed(2)}× raw`);
}
await server.close();
if (baseDir) rmSync(baseDir, { recursive: true, force: true });
process.exit(0);
