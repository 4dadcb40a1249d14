// Bench page for issue 14 item 7's engine-side figures, on the page's main thread with the app's own modules on
// webgpu: a table's compute + read-back against a raw read-back of the same bytes on tfjs's own GPUDevice (the
// sinusoidal table and RoPE's cos/sin), each also split into encoding, execution and read-back; the stages of a big
// table's overview (bigTable.ts); and PCA of an 8002 × 256 table, whole and stage by stage. Driven by
// bench/measure/scaleCompute.mjs through window.bench; every function returns raw samples in ms.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import { range } from '../../src/numerics/trig.ts';
import { symmetricEigen } from '../../src/numerics/eigen.ts';
import { readOwned } from '../../src/engine/read.ts';
import { getScheme } from '../../src/encodings/registry.ts';
import { blockMean, tableOverview } from '../../src/engine/views/bigTable.ts';
import { overviewBlock } from '../../src/protocol/window.ts';
import { loadShippedTable } from '../../src/embeddings/shipped.ts';
import { pca } from '../../src/analysis/pca.ts';
import { DEFAULT_SPEC, type EncodingParams } from '../../src/protocol/specs.ts';
import type { FetchData } from '../../src/tokenizers/tokenizer.ts';

const fetchData: FetchData = async (file) => {
  const res = await fetch(new URL(`/data/${file}`, location.origin));
  if (!res.ok) throw new Error(`${file}: ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
};

interface WebGPUBackendLike {
  device: GPUDevice;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
}

/**
 * Submits what tfjs has recorded. The open compute pass must be ended first: finishing an encoder with a pass open
 * is a WebGPU validation error, and the invalid command buffer runs nothing (an earlier version of this page called
 * submitQueue() alone and timed kernels that never ran).
 */
function flush(b: WebGPUBackendLike): void {
  b.ensureCommandEncoderReady();
  b.endComputePassEncoder();
  b.submitQueue();
}

const ready = (async () => {
  if (!(await tf.setBackend('webgpu'))) throw new Error('webgpu did not start');
  await tf.ready();
  return tf.backend() as unknown as WebGPUBackendLike;
})();

/** Runs what tfjs has recorded and waits for the device to finish it. */
async function settle(b: WebGPUBackendLike): Promise<void> {
  flush(b);
  await b.device.queue.onSubmittedWorkDone();
}

/** Waits for `ts` to be computed by reading one value of each back (a 4-byte read-back after the kernels). */
async function firstValues(ts: tf.Tensor[]): Promise<void> {
  const one = ts.map((t) => tf.slice(t, [0, 0], [1, 1]));
  await Promise.all(one.map((t) => t.data()));
  tf.dispose(one);
}

const params: EncodingParams = DEFAULT_SPEC.params;
const TABLES = {
  sinusoidal: (P: number, d: number) => {
    const { pe } = getScheme('sinusoidal').compute({ positions: range(P), d, seed: 0 }, params);
    return [pe];
  },
  rope: (P: number, d: number) => {
    const { cossin } = getScheme('rope').compute({ positions: range(P), d, seed: 0 }, params);
    return [cossin]; // [P, d]: cos in the left half, sin in the right
  },
};
type TableName = keyof typeof TABLES;

/** Raw WebGPU read-back on tfjs's device: copy `parts` buffers of `bytes` each to mappable ones, map, copy out. */
function rawReader(device: GPUDevice, bytes: number, parts: number) {
  const u = GPUBufferUsage;
  const fill = new Float32Array(bytes / 4).map((_, i) => i);
  const pairs = Array.from({ length: parts }, () => {
    const src = device.createBuffer({ size: bytes, usage: u.STORAGE | u.COPY_SRC | u.COPY_DST });
    device.queue.writeBuffer(src, 0, fill);
    const staging = device.createBuffer({ size: bytes, usage: u.MAP_READ | u.COPY_DST });
    return { src, staging };
  });
  return {
    read: async () => {
      const enc = device.createCommandEncoder();
      for (const p of pairs) enc.copyBufferToBuffer(p.src, 0, p.staging, 0, bytes);
      device.queue.submit([enc.finish()]);
      const out = await Promise.all(
        pairs.map(async (p) => {
          await p.staging.mapAsync(GPUMapMode.READ);
          const copy = new Float32Array(p.staging.getMappedRange().slice(0));
          p.staging.unmap();
          return copy;
        }),
      );
      return out[0][1];
    },
    destroy: () => pairs.forEach((p) => (p.src.destroy(), p.staging.destroy())),
  };
}

/**
 * Interleaved rep by rep, for each table: compute + read-back as the app reads (readOwned right after compute());
 * the raw read-back of the same bytes laid out the same way (one buffer, or cos and sin as two); the same compute +
 * read-back with tfjs's queue submitted between the two (the kernel and the copy in separate command buffers); and
 * the table split into encoding (the compute() call), execution (submit, onSubmittedWorkDone, then one value of
 * each output read back, which a pending kernel would hold up) and read-back.
 */
async function readback(args: { P: number; d: number; reps: number; warmup: number }) {
  const b = await ready;
  const { P, d } = args;
  const bytes = P * d * 4;
  const raw = { 1: rawReader(b.device, bytes, 1), 2: rawReader(b.device, bytes / 2, 2) };
  const out: Record<string, number[]> = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  const before = tf.memory().numTensors;
  for (let r = 0; r < args.warmup + args.reps; r++) {
    const keep = r >= args.warmup;
    for (const name of Object.keys(TABLES) as TableName[]) {
      const t0 = performance.now();
      const ts = TABLES[name](P, d);
      await Promise.all(ts.map(readOwned));
      const t1 = performance.now();
      tf.dispose(ts);
      const rawMs = performance.now();
      await raw[name === 'rope' ? 2 : 1].read();
      const t2 = performance.now();
      const sub = TABLES[name](P, d);
      flush(b);
      await Promise.all(sub.map(readOwned));
      const t3 = performance.now();
      tf.dispose(sub);
      const s0 = performance.now();
      const split = TABLES[name](P, d);
      const s1 = performance.now();
      await settle(b);
      await firstValues(split);
      const s2 = performance.now();
      await Promise.all(split.map(readOwned));
      const s3 = performance.now();
      tf.dispose(split);
      if (keep) {
        push(name, t1 - t0);
        push(`raw-${name}`, t2 - rawMs);
        push(`${name}:submitted`, t3 - t2);
        push(`${name}:encode`, s1 - s0);
        push(`${name}:execute`, s2 - s1);
        push(`${name}:readback`, s3 - s2);
      }
    }
  }
  raw[1].destroy();
  raw[2].destroy();
  return { samples: out, bytes, leaked: tf.memory().numTensors - before };
}

/**
 * The overview of a RoPE table of N positions (bigTable.ts's tableOverview, cos and sin) as the app builds it,
 * then its first chunk of rows again twice: with tfjs's queue submitted just before the read-back (the kernels and
 * the read-back copy in separate command buffers), and stage by stage (the exact cos/sin kernel, the block means
 * and the read-back, each waited for).
 */
async function overviewParts(args: { N: number; d: number; reps: number }) {
  const b = await ready;
  const { N, d } = args;
  const scheme = getScheme('rope');
  const compute = (positions: Float64Array) => scheme.compute({ positions, d, seed: 0 }, params);
  const block = overviewBlock(N);
  const rows = Math.min(N, Math.max(1, Math.floor(2 ** 23 / (block * d))) * block);
  const means = (o: Record<string, tf.Tensor>) =>
    [o.cossin].map((x) => blockMean(x as tf.Tensor2D, block, 1));
  const out: Record<string, number[]> = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  for (let r = 0; r < args.reps; r++) {
    const t0 = performance.now();
    await tableOverview(N, d, ['cossin'], compute);
    push('whole', performance.now() - t0);
    const a0 = performance.now();
    const o1 = compute(range(rows));
    const m1 = means(o1);
    flush(b);
    await Promise.all(m1.map((m) => m.data()));
    push('chunk:submitted', performance.now() - a0);
    tf.dispose([...Object.values(o1), ...m1]);
    const s0 = performance.now();
    const o = compute(range(rows));
    await settle(b);
    const s1 = performance.now();
    const m = means(o);
    await settle(b);
    const s2 = performance.now();
    await Promise.all(m.map((x) => x.data()));
    const s3 = performance.now();
    tf.dispose([...Object.values(o), ...m]);
    push('chunk:kernel', s1 - s0);
    push('chunk:blockMean', s2 - s1);
    push('chunk:readback', s3 - s2);
  }
  return { samples: out, block, chunkRows: rows, chunks: Math.ceil(N / rows) };
}

/**
 * PCA (k = 2) of the USE-lite table, 8002 × 256: pca() from the rows in JS (upload included, as the compute step
 * measures it) and from a tensor already on the device (as the app's vocabulary projection gathers it), then
 * pca()'s stages one by one with the same tf calls, each kernel waited for (submit, onSubmittedWorkDone) before
 * its read-back: centring and XcᵀXc, their read-back, the float64 eigensolver, the scores, their read-back.
 */
async function pcaParts(args: { reps: number; warmup: number }) {
  const b = await ready;
  const t = await loadShippedTable(fetchData, 'use-lite.f16');
  const onDevice = tf.tensor2d(t.data, [t.rows, t.cols]); // [n, d]
  const out: Record<string, number[]> = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  for (let r = 0; r < args.warmup + args.reps; r++) {
    const keep = r >= args.warmup;
    const t0 = performance.now();
    const x = tf.tensor2d(t.data, [t.rows, t.cols]); // [n, d]
    await pca(x, 2);
    x.dispose();
    const t1 = performance.now();
    await pca(onDevice, 2);
    const t2 = performance.now();
    const { mean, centred, small } = tf.tidy(() => {
      const mean = tf.mean(onDevice, 0); // [d]
      const centred = tf.sub(onDevice, mean) as tf.Tensor2D; // [n, d]
      return { mean, centred, small: tf.matMul(centred, centred, true, false) }; // [d, d]
    });
    await settle(b);
    const s1 = performance.now();
    const [, smallData] = await Promise.all([mean.data(), small.data()]);
    const s2 = performance.now();
    const m = t.cols;
    const a = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j <= i; j++) a[i * m + j] = 0.5 * (smallData[i * m + j] + smallData[j * m + i]);
    const { vectors } = symmetricEigen(a, m, 2);
    const s3 = performance.now();
    const c = tf.tensor2d(Float32Array.from(vectors.slice(0, 2 * m)), [2, m]); // [k, d]
    const scores = tf.matMul(centred, c, false, true); // [n, k]
    await settle(b);
    const s4 = performance.now();
    await scores.data();
    const s5 = performance.now();
    tf.dispose([mean, centred, small, c, scores]);
    if (keep) {
      push('withUpload', t1 - t0);
      push('onDevice', t2 - t1);
      push('stage:covariance', s1 - t2);
      push('stage:covarianceReadback', s2 - s1);
      push('stage:eigen', s3 - s2);
      push('stage:scores', s4 - s3);
      push('stage:scoresReadback', s5 - s4);
    }
  }
  onDevice.dispose();
  return { rows: t.rows, cols: t.cols, samples: out };
}

Object.assign(window, { bench: { readback, overviewParts, pcaParts }, benchReady: true });
