// One-off requests about the token table: nearest neighbours of a token (cosine over the whole table, on the
// device) and what f16 / per-row int8 storage does to the table (parameter counts, round-trip error). A table too
// big to hold whole (a checkpoint's, Sources.streamed) is streamed from its file in chunks of rows, with progress.
import { getScheme } from '../encodings/registry.ts';
import * as tf from '@tensorflow/tfjs-core';
import { VIEW_TITLES } from '../protocol/views.ts';
import type { Matrix, Neighbour, TableStats } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';
import { roundTripF16 } from '../checkpoints/float16.ts';
import { readOwned } from './read.ts';
import type { Pipeline } from './pipeline.ts';
import { poolBlock } from '../protocol/window.ts';
import { blockMeanArray, pooledLabels } from './views/bigTable.ts';
import type { RowChunk, TokenSource } from '../embeddings/source.ts';
import { MsgError, msg } from '../protocol/msg.ts';

/** Reports how many rows of the table have been read (streamed tables only). */
export type Progress = (done: number, total: number) => void;

/** The k rows of the table nearest to row `id` by cosine similarity, excluding the row itself. */
export async function neighbours(
  pipeline: Pipeline,
  spec: RunSpec,
  id: number,
  k: number,
  progress?: Progress,
): Promise<{ piece: string; list: Neighbour[] }> {
  const { source } = await pipeline.tokenise({ ...spec, text: '' });
  const stream = pipeline.sources.streamed(spec, source, ROWS_PER_CHUNK);
  if (stream) return streamedNeighbours(pipeline, spec, source, stream, id, k, progress);
  const table = await pipeline.sources.tokenTable(spec, source);
  const V = table.shape[0];
  if (!Number.isInteger(id) || id < 0 || id >= V)
    throw new MsgError(msg('err.idOutside', { id, last: V - 1 }));
  const { values, indices } = tf.tidy(() => {
    const norms = tf.maximum(tf.norm(table, 'euclidean', 1), 1e-12); // [V]
    const q = tf.gather(table, tf.tensor1d([id], 'int32')); // [1, d]
    const dots = tf.squeeze(tf.matMul(table, q, false, true), [1]); // [V]
    const cos = tf.div(tf.div(dots, norms), tf.gather(norms, tf.tensor1d([id], 'int32'))); // [V]
    return tf.topk(cos, Math.min(k + 1, V)); // [k+1]
  });
  const [vals, idx] = await Promise.all([values.data(), indices.data()]);
  tf.dispose([values, indices]);
  const list: Neighbour[] = [];
  for (let i = 0; i < idx.length && list.length < k; i++) {
    if (idx[i] === id) continue;
    list.push({ id: idx[i], piece: source.piece(idx[i]), cosine: vals[i] });
  }
  return { piece: source.piece(id), list };
}

/** neighbours() over a table read chunk by chunk: cosines per chunk on the device, the top k on the CPU. */
async function streamedNeighbours(
  pipeline: Pipeline,
  spec: RunSpec,
  source: TokenSource,
  stream: AsyncIterable<RowChunk>,
  id: number,
  k: number,
  progress?: Progress,
): Promise<{ piece: string; list: Neighbour[] }> {
  if (!Number.isInteger(id) || id < 0) throw new MsgError(msg('err.idNotRow', { id }));
  const q = await pipeline.sources.embed(spec, source, Int32Array.of(id)); // [1, d]
  const qNorm = tf.tidy(() => tf.maximum(tf.norm(q), 1e-12)); // []
  let cos = new Float32Array(0);
  try {
    for await (const c of stream) {
      if (cos.length === 0) cos = new Float32Array(c.total);
      const part = tf.tidy(() => {
        const x = tf.tensor2d(c.data, [c.rows, spec.d]); // [rows, d]
        const norms = tf.maximum(tf.norm(x, 'euclidean', 1), 1e-12); // [rows]
        const dots = tf.squeeze(tf.matMul(x, q, false, true), [1]); // [rows]
        return tf.div(tf.div(dots, norms), qNorm); // [rows]
      });
      cos.set(await readOwned(part), c.first);
      progress?.(c.first + c.rows, c.total);
    }
  } finally {
    tf.dispose([q, qNorm]);
  }
  const order = Array.from(cos.keys()).filter((i) => i !== id);
  order.sort((a, b) => cos[b] - cos[a] || a - b);
  const list = order.slice(0, k).map((i) => ({ id: i, piece: source.piece(i), cosine: cos[i] }));
  return { piece: source.piece(id), list };
}

/** Symmetric per-row int8: scale_r = max|row| / 127, q = round(x / scale_r) clamped to ±127, x̂ = q · scale_r. */
export function int8RoundTrip(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const scale = tf.div(tf.maximum(tf.max(tf.abs(x), 1, true), 1e-30), 127); // [rows, 1]
    const q = tf.clipByValue(tf.round(tf.div(x, scale)), -127, 127); // [rows, d]
    return tf.mul(q, scale) as tf.Tensor2D; // [rows, d]
  });
}

const ROWS_PER_CHUNK = 4096;

/** The device table's rows chunk by chunk, each as a slice on the device and its values read back. */
async function* deviceChunks(table: tf.Tensor2D): AsyncGenerator<RowChunk & { slice: tf.Tensor2D }> {
  const [total, d] = table.shape;
  for (let first = 0; first < total; first += ROWS_PER_CHUNK) {
    const rows = Math.min(ROWS_PER_CHUNK, total - first);
    const slice = tf.slice(table, [first, 0], [rows, d]); // [rows, d]
    yield { first, rows, total, data: (await slice.data()) as Float32Array, slice };
  }
}

/** Parameter counts and round-trip errors over the whole token table, plus error heatmaps for the text's rows. */
export async function quantise(
  pipeline: Pipeline,
  spec: RunSpec,
  progress?: Progress,
): Promise<{ stats: TableStats; f16: Matrix; int8: Matrix }> {
  const { source, tokens } = await pipeline.tokenise(spec);
  const d = spec.d;
  let V = 0;
  let f16Max = 0;
  let f16Sum = 0;
  let i8Max = 0;
  let i8Sum = 0;
  const stream = pipeline.sources.streamed(spec, source, ROWS_PER_CHUNK);
  const chunks: AsyncIterable<RowChunk & { slice?: tf.Tensor2D }> =
    stream ?? deviceChunks(await pipeline.sources.tokenTable(spec, source));
  for await (const c of chunks) {
    if (c.data.length !== c.rows * d) throw new MsgError(msg('err.tokenWidth', { d }));
    const err8 = tf.tidy(() => {
      const chunk = c.slice ?? tf.tensor2d(c.data, [c.rows, d]); // [rows, d]
      return tf.abs(tf.sub(chunk, int8RoundTrip(chunk))); // [rows, d]
    });
    c.slice?.dispose();
    const e8 = await readOwned(err8);
    const x = c.data;
    const x16 = roundTripF16(x);
    for (let i = 0; i < x.length; i++) {
      const e = Math.abs(x[i] - x16[i]);
      f16Sum += e;
      if (e > f16Max) f16Max = e;
      i8Sum += e8[i];
      if (e8[i] > i8Max) i8Max = e8[i];
    }
    V = c.total;
    if (stream) progress?.(c.first + c.rows, c.total);
  }
  const n = V * d;
  const learned = await pipeline.learnedTable(spec);
  const positionRows = learned ? learned.rows : getScheme(spec.pe).usesTable ? spec.params.positions : 0;
  const stats: TableStats = {
    tokenParams: n,
    positionParams: positionRows * d,
    f16: { max: f16Max, mean: f16Sum / n },
    int8: { max: i8Max, mean: i8Sum / n },
  };
  const T = tokens.length;
  const labels = tokens.map((t) => t.text);
  const ids = Int32Array.from(tokens, (t) => t.id);
  const rowsE = await pipeline.sources.embed(spec, source, ids); // [T, d]
  const e8 = tf.tidy(() => tf.abs(tf.sub(rowsE, int8RoundTrip(rowsE)))); // [T, d]
  const eData = (await rowsE.data()) as Float32Array;
  const e8Data = await readOwned(e8);
  tf.dispose([rowsE, e8]);
  const e16 = roundTripF16(eData);
  for (let i = 0; i < e16.length; i++) e16[i] = Math.abs(eData[i] - e16[i]);
  // Past POOL_FROM tokens or dims the maps travel as block means (as E, PE and X do), not [T, d] each.
  const rb = poolBlock(T);
  const cb = poolBlock(d);
  const pooling = rb > 1 || cb > 1;
  const matrix = (name: 'quant-f16' | 'quant-int8', data: Float32Array): Matrix =>
    pooling
      ? {
          name,
          title: VIEW_TITLES[name],
          shape: [Math.ceil(T / rb), Math.ceil(d / cb)],
          data: blockMeanArray(data, T, d, rb, cb),
          rowLabels: pooledLabels(labels, rb),
          colors: 'sequential',
          pooled: { shape: [T, d], rowBlock: rb, colBlock: cb, reduction: 'mean' },
        }
      : { name, title: VIEW_TITLES[name], shape: [T, d], data, rowLabels: labels, colors: 'sequential' };
  return {
    stats,
    f16: matrix('quant-f16', e16),
    int8: matrix('quant-int8', e8Data),
  };
}
