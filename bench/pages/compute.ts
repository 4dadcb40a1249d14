// Bench page for the engine-side work, on the page's main thread with the app's own modules: sinusoidal PE on
// each tfjs backend against a float64 JS loop and a memcpy of the same bytes (and a raw WebGPU read-back of them),
// PCA of the shipped USE-lite table, t-SNE and UMAP steps, and the pipeline's tensor memory across many runs.
// Driven by bench/measure/compute.mjs through window.bench; every function returns raw samples in ms.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { Pipeline } from '../../src/engine/pipeline.ts';
import { range } from '../../src/numerics/trig.ts';
import { textViews } from '../../src/engine/views/text.ts';
import { ViewCache } from '../../src/engine/views/cache.ts';
import { readOwned } from '../../src/engine/read.ts';
import { getScheme } from '../../src/encodings/registry.ts';
import { pairTurns } from '../../src/encodings/scheme.ts';
import { loadShippedTable, type ShippedTable } from '../../src/embeddings/shipped.ts';
import { pca } from '../../src/analysis/pca.ts';
import { createTsne } from '../../src/analysis/tsne/index.ts';
import { createUmap } from '../../src/analysis/umap.ts';
import { DEFAULT_SPEC, type RunSpec } from '../../src/protocol/specs.ts';
import type { BackendName, FromEngine } from '../../src/protocol/messages.ts';
import type { FetchData } from '../../src/tokenizers/tokenizer.ts';

/** public/data/<file> from this origin (what the worker's fetchData does, without progress messages). */
const fetchData: FetchData = async (file) => {
  const res = await fetch(new URL(`/data/${file}`, location.origin));
  if (!res.ok) throw new Error(`${file}: ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
};

/** webgpu first, as the engine chooses (engine/backend.ts), recording what failed. */
const backendReady = (async () => {
  const fallbacks: string[] = [];
  for (const name of ['webgpu', 'webgl', 'cpu'] as const) {
    try {
      if (await tf.setBackend(name)) return { backend: name, fallbacks };
      fallbacks.push(`${name} did not initialise`);
    } catch (err) {
      fallbacks.push(`${name} failed: ${String(err)}`);
    }
  }
  throw new Error(`no backend: ${fallbacks.join('; ')}`);
})();

async function useBackend(name: BackendName): Promise<string> {
  await backendReady;
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not start`);
  await tf.ready();
  return tf.getBackend();
}

async function environment() {
  const choice = await backendReady;
  const adapter = await navigator.gpu?.requestAdapter();
  const limits = adapter
    ? {
        maxBufferSize: adapter.limits.maxBufferSize,
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup,
      }
    : null;
  const gl = document.createElement('canvas').getContext('webgl2');
  const dbg = gl?.getExtension('WEBGL_debug_renderer_info');
  return {
    backend: choice.backend,
    fallbacks: choice.fallbacks,
    adapter: adapter
      ? {
          vendor: adapter.info.vendor,
          architecture: adapter.info.architecture,
          device: adapter.info.device,
          description: adapter.info.description,
          limits,
          features: [...adapter.features].sort(),
        }
      : null,
    webgl: gl ? String(gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : null,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
}

/** Largest |PE − float64 sinusoid| over a spread of entries (a check that what was timed is right). */
function peError(data: Float32Array, P: number, d: number): number {
  const turns = pairTurns(d, DEFAULT_SPEC.params.base);
  let worst = 0;
  for (let s = 0; s < 4096; s++) {
    const p = (s * 2654435761) % P;
    const i = (s * 40503) % (d / 2);
    const angle = 2 * Math.PI * turns[i] * p;
    worst = Math.max(worst, Math.abs(data[p * d + 2 * i] - Math.sin(angle)));
    worst = Math.max(worst, Math.abs(data[p * d + 2 * i + 1] - Math.cos(angle)));
  }
  return worst;
}

async function pe(args: { backend: BackendName; P: number; d: number; reps: number; warmup: number }) {
  const { P, d, reps, warmup } = args;
  const backend = await useBackend(args.backend);
  const scheme = getScheme('sinusoidal');
  const positions = range(P);
  const samples: number[] = [];
  const before = tf.memory().numTensors;
  let error = 0;
  for (let i = 0; i < warmup + reps; i++) {
    const t0 = performance.now();
    const { pe } = scheme.compute({ positions, d, seed: 0 }, DEFAULT_SPEC.params);
    const data = (await pe.data()) as Float32Array;
    const t1 = performance.now();
    pe.dispose();
    if (i >= warmup) samples.push(t1 - t0);
    if (i === warmup) error = peError(data, P, d);
  }
  return { backend, samples, error, leaked: tf.memory().numTensors - before };
}

/** The same table in float64 with Math.sin/cos: what plain JS costs. */
function jsLoop(args: { P: number; d: number; reps: number; warmup: number }) {
  const { P, d, reps, warmup } = args;
  const turns = pairTurns(d, DEFAULT_SPEC.params.base);
  const samples: number[] = [];
  let keep = 0;
  for (let r = 0; r < warmup + reps; r++) {
    const t0 = performance.now();
    const out = new Float64Array(P * d);
    for (let p = 0; p < P; p++) {
      for (let i = 0; i < d / 2; i++) {
        const angle = 2 * Math.PI * turns[i] * p;
        out[p * d + 2 * i] = Math.sin(angle);
        out[p * d + 2 * i + 1] = Math.cos(angle);
      }
    }
    const t1 = performance.now();
    keep += out[out.length - 1];
    if (r >= warmup) samples.push(t1 - t0);
  }
  return { samples, keep };
}

/** Float32Array.set of P·d floats into a preallocated array: the bandwidth floor for producing the table. */
function memcpy(args: { P: number; d: number; reps: number; warmup: number }) {
  const n = args.P * args.d;
  const src = new Float32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  const dst = new Float32Array(n);
  const samples: number[] = [];
  for (let r = 0; r < args.warmup + args.reps; r++) {
    src[r] = r;
    const t0 = performance.now();
    dst.set(src);
    const t1 = performance.now();
    if (r >= args.warmup) samples.push(t1 - t0);
  }
  return { samples, check: dst[args.reps] };
}

/** Raw WebGPU: copy P·d floats from a storage buffer into a mappable one and read them into JS. */
async function gpuReadback(args: { P: number; d: number; reps: number; warmup: number }) {
  const bytes = args.P * args.d * 4;
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return null;
  const device = await adapter.requestDevice();
  const usage = GPUBufferUsage;
  const src = device.createBuffer({ size: bytes, usage: usage.STORAGE | usage.COPY_SRC | usage.COPY_DST });
  const fill = new Float32Array(bytes / 4);
  for (let i = 0; i < fill.length; i++) fill[i] = i;
  device.queue.writeBuffer(src, 0, fill);
  const staging = device.createBuffer({ size: bytes, usage: usage.MAP_READ | usage.COPY_DST });
  const samples: number[] = [];
  let check = 0;
  for (let r = 0; r < args.warmup + args.reps; r++) {
    const t0 = performance.now();
    const enc = device.createCommandEncoder();
    enc.copyBufferToBuffer(src, 0, staging, 0, bytes);
    device.queue.submit([enc.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const out = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    const t1 = performance.now();
    check = out[out.length - 1];
    if (r >= args.warmup) samples.push(t1 - t0);
  }
  src.destroy();
  staging.destroy();
  device.destroy();
  return { samples, check };
}

let useLite: Promise<{ table: ShippedTable; ms: number }> | null = null;
function table() {
  useLite ??= (async () => {
    const t0 = performance.now();
    const table = await loadShippedTable(fetchData, 'use-lite.f16');
    return { table, ms: performance.now() - t0 };
  })();
  return useLite;
}

/** pca(x, k) of the whole table, timed from the float32 rows in JS to the results in JS (upload included). */
async function pcaBench(args: { k: number; reps: number; warmup: number }) {
  const backend = await useBackend('webgpu');
  const { table: t, ms: loadMs } = await table();
  const before = tf.memory().numTensors;
  const samples: number[] = [];
  let explained: number[] = [];
  for (let r = 0; r < args.warmup + args.reps; r++) {
    const t0 = performance.now();
    const x = tf.tensor2d(t.data, [t.rows, t.cols]); // [n, d]
    const out = await pca(x, args.k);
    x.dispose();
    const t1 = performance.now();
    explained = out.explained;
    if (r >= args.warmup) samples.push(t1 - t0);
  }
  return {
    backend,
    rows: t.rows,
    cols: t.cols,
    loadMs,
    samples,
    explained,
    leaked: tf.memory().numTensors - before,
  };
}

/** The first n rows of the USE-lite table (d = 256). */
async function rows(n: number) {
  const { table: t } = await table();
  return { data: t.data.subarray(0, n * t.cols), d: t.cols };
}

/** Barnes–Hut t-SNE: setup (kNN + affinities), then consecutive slices of `iters` iterations. */
async function tsne(args: { n: number; iters: number; slices: number; warmup: number }) {
  const { data, d } = await rows(args.n);
  const t0 = performance.now();
  const run = createTsne(data, args.n, d, { seed: 1 });
  const setupMs = performance.now() - t0;
  const samples: number[] = [];
  for (let s = 0; s < args.warmup + args.slices; s++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const a = performance.now();
    run.step(args.iters);
    const b = performance.now();
    if (s >= args.warmup) samples.push(b - a);
  }
  return { setupMs, samples, iterations: run.iteration };
}

/** UMAP (umap-js): setup (kNN graph), then consecutive slices of `epochs` epochs. */
async function umap(args: { n: number; epochs: number; slices: number; warmup: number }) {
  const { data, d } = await rows(args.n);
  const t0 = performance.now();
  const run = createUmap(data, args.n, d, { seed: 1, nEpochs: (args.slices + args.warmup) * args.epochs });
  const setupMs = performance.now() - t0;
  const samples: number[] = [];
  for (let s = 0; s < args.warmup + args.slices; s++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const a = performance.now();
    run.step(args.epochs);
    const b = performance.now();
    if (s >= args.warmup) samples.push(b - a);
  }
  return { setupMs, samples, epochs: run.epoch, totalEpochs: run.totalEpochs };
}

/** One pipeline, as the worker holds it, run like keystrokes (the text changes every run). */
let pipeline: Pipeline | null = null;
let runId = 0;
let cached: string | null = null;

async function pipelineRuns(args: { runs: number; T: number; d: number }) {
  await useBackend('webgpu');
  pipeline ??= new Pipeline(fetchData);
  const base = 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(args.T / 26)).slice(0, args.T - 1);
  const post = (msg: FromEngine) => {
    if (msg.type === 'matrix' && msg.matrix.staticKey) cached = msg.matrix.staticKey;
  };
  const samples: number[] = [];
  for (let r = 0; r < args.runs; r++) {
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      tokenizer: 'char',
      d: args.d,
      pe: 'sinusoidal',
      text: base + 'xyz'[runId % 3],
    };
    runId++;
    const t0 = performance.now();
    await pipeline.run(runId, spec, post, () => false, cached);
    samples.push(performance.now() - t0);
  }
  const m = tf.memory();
  return { samples, numTensors: m.numTensors, numBytes: m.numBytes, backend: tf.getBackend() };
}

/**
 * Where one keystroke's worker time goes (T tokens, d): tokenise + E, PE, X on the device + their three
 * read-backs (what the three heatmaps wait for), then the lab's text views (attention preview and others), and
 * the PE alone (compute + read-back), each timed separately, interleaved rep by rep.
 */
async function pipelineParts(args: { T: number; d: number; reps: number; warmup: number }) {
  await useBackend('webgpu');
  pipeline ??= new Pipeline(fetchData);
  const base = 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(args.T / 26)).slice(0, args.T - 1);
  const parts = { foundation: [] as number[], textViews: [] as number[], peOnly: [] as number[] };
  const scheme = getScheme('sinusoidal');
  const viewCache = new ViewCache();
  for (let r = 0; r < args.warmup + args.reps; r++) {
    const spec: RunSpec = { ...DEFAULT_SPEC, tokenizer: 'char', d: args.d, text: base + 'xyz'[r % 3] };
    const t0 = performance.now();
    const { source, tokens, learned } = await pipeline.tokenise(spec);
    const { E, PE, X } = await pipeline.inputs(spec, tokens, source, learned);
    await Promise.all([E, PE, X].map(readOwned)); // queued together, as Pipeline.run does
    const t1 = performance.now();
    await textViews(
      spec,
      E,
      pipeline.keptPositionTable(spec),
      tokens.map((t) => t.text),
      async () => {},
      viewCache,
      learned,
    );
    const t2 = performance.now();
    tf.dispose([E, PE, X]);
    const { pe } = scheme.compute({ positions: range(args.T), d: args.d, seed: 0 }, spec.params);
    await pe.data();
    pe.dispose();
    const t3 = performance.now();
    if (r >= args.warmup) {
      parts.foundation.push(t1 - t0);
      parts.textViews.push(t2 - t1);
      parts.peOnly.push(t3 - t2);
    }
  }
  viewCache.dispose();
  return parts;
}

Object.assign(window, {
  bench: {
    environment,
    pe,
    jsLoop,
    memcpy,
    gpuReadback,
    pca: pcaBench,
    tsne,
    umap,
    pipelineRuns,
    pipelineParts,
  },
  benchReady: true,
});
