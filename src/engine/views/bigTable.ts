// Big tables (DESIGN.md "Big tables: overview + detail"): block means on the device, for the overview of a position
// table of up to 2^20 rows and for a [T, d] matrix larger than the screen. The overview is built chunk by chunk
// (a chunk of whole blocks is computed, reduced and read back, then freed), so the whole table never exists at once.
import * as tf from '@tensorflow/tfjs-core';
import { overviewBlock, type Overview, type Pooled } from '../../protocol/window.ts';
import { blockMeanWebGPU } from '../../numerics/kernels/blockMean.wgsl.ts';
import type { WebGPURunner } from '../../numerics/kernels/sincos.wgsl.ts';

/** Elements in one overview chunk (32 MiB of float32): bounds the device memory an overview needs. */
export const CHUNK_ELEMENTS = 2 ** 23;

/** Positions a…b (inclusive) as float64 (the exact trig reads them as integers). */
export function positionsFrom(a: number, b: number): Float64Array {
  const out = new Float64Array(b - a + 1);
  for (let i = 0; i < out.length; i++) out[i] = a + i;
  return out;
}

/**
 * Means over blocks of rb rows × cb columns of x [R, C]: out[i, j] = mean of x[i·rb … , j·cb … ] over the cells
 * that exist (the last block of an axis may be short). Sums of whole blocks come from one reshape; counts divide.
 */
export function blockMean(x: tf.Tensor2D, rb: number, cb: number): tf.Tensor2D {
  if (tf.getBackend() === 'webgpu' && x.dtype === 'float32') {
    // one fused program (numerics/kernels/blockMean.wgsl.ts) instead of pad, reshape, sum and divide
    const runner = tf.backend() as unknown as WebGPURunner;
    return tf.engine().makeTensorFromTensorInfo(blockMeanWebGPU(runner, x, rb, cb)) as tf.Tensor2D;
  }
  return tf.tidy(() => {
    const [R, C] = x.shape;
    const r = Math.ceil(R / rb);
    const c = Math.ceil(C / cb);
    const padded = tf.pad(x, [
      [0, r * rb - R],
      [0, c * cb - C],
    ]); // [r·rb, c·cb], zeros add nothing to the sums
    const sums = tf.sum(tf.reshape(padded, [r, rb, c, cb]), [1, 3]); // [r, c]
    const rowCount = Float32Array.from({ length: r }, (_, i) => Math.min(rb, R - i * rb));
    const colCount = Float32Array.from({ length: c }, (_, j) => Math.min(cb, C - j * cb));
    const counts = tf.outerProduct(tf.tensor1d(rowCount), tf.tensor1d(colCount)); // [r, c]
    return tf.div(sums, counts) as tf.Tensor2D; // [r, c]
  });
}

/**
 * The overviews of the tables a scheme computes over positions 0…total−1: for each name in `names`, block means of
 * overviewBlock(total) rows. `compute(positions)` returns the scheme's tensors (the caller's scheme, for a chunk);
 * every tensor it returns is disposed here.
 */
export async function tableOverview(
  total: number,
  cols: number,
  names: readonly string[],
  compute: (positions: Float64Array) => Record<string, tf.Tensor>,
): Promise<Record<string, Overview>> {
  const block = overviewBlock(total);
  const rows = Math.ceil(total / block);
  const data = names.map(() => new Float32Array(rows * cols));
  const blocksPerChunk = Math.max(1, Math.floor(CHUNK_ELEMENTS / (block * Math.max(cols, 1))));
  for (let b0 = 0; b0 < rows; b0 += blocksPerChunk) {
    const a = b0 * block;
    const b = Math.min(total, (b0 + blocksPerChunk) * block) - 1;
    const out = compute(positionsFrom(a, b));
    try {
      const means = names.map((n) => blockMean(out[n] as tf.Tensor2D, block, 1)); // [chunk blocks, cols] each
      const read = await Promise.all(means.map((m) => m.data() as Promise<Float32Array>));
      tf.dispose(means);
      read.forEach((r, i) => data[i].set(r, b0 * cols));
    } finally {
      tf.dispose(out);
    }
  }
  return Object.fromEntries(
    names.map((n, i) => [n, { shape: [rows, cols], data: data[i], block, total, reduction: 'mean' }]),
  );
}

/** A [rows, cols] tensor pooled by block means, for drawing, and what the pooling was. */
export function pool(x: tf.Tensor2D, rb: number, cb: number): { pooled: tf.Tensor2D; info: Pooled } {
  const [R, C] = x.shape;
  return {
    pooled: blockMean(x, rb, cb),
    info: { shape: [R, C], rowBlock: rb, colBlock: cb, reduction: 'mean' },
  };
}

/** blockMean's twin for a row-major [R, C] array already on the CPU (e.g. the f16 round-trip errors). */
export function blockMeanArray(x: Float32Array, R: number, C: number, rb: number, cb: number): Float32Array {
  const r = Math.ceil(R / rb);
  const c = Math.ceil(C / cb);
  const sums = new Float64Array(r * c);
  for (let i = 0; i < R; i++) {
    const row = Math.floor(i / rb) * c;
    for (let j = 0; j < C; j++) sums[row + Math.floor(j / cb)] += x[i * C + j];
  }
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++)
      out[i * c + j] = sums[i * c + j] / (Math.min(rb, R - i * rb) * Math.min(cb, C - j * cb));
  return out;
}

/** Labels of pooled rows: "a–b" per block of rb, from a row-label list. */
export function pooledLabels(labels: readonly string[], rb: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i += rb) {
    const j = Math.min(labels.length, i + rb) - 1;
    out.push(rb === 1 ? labels[i] : `#${i}–${j}`);
  }
  return out;
}
