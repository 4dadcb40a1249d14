// bigTable.ts's blockMean on the real tfjs WebGPU backend in Node (Dawn on SwiftShader), where it runs the fused
// program of numerics/kernels/blockMean.wgsl.ts: against block means computed here in float64 by plain loops over
// each block's cells, for ragged edges (blocks that do not divide the shape), 1-wide blocks, the overview's tall
// row blocks and a pooled [T, d]'s 8 × 4 blocks. Read back with data() only (dataSync destroys the device).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { setUpDawn } from '../../numerics/testDawn.ts';
import { normals } from '../../numerics/rng.ts';
import { blockMean } from './bigTable.ts';

setUpDawn();

/** Block means in float64: out[i, j] = mean of x over rows i·rb … and columns j·cb … that exist. */
function reference(x: Float32Array, R: number, C: number, rb: number, cb: number): Float64Array {
  const r = Math.ceil(R / rb);
  const c = Math.ceil(C / cb);
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let sum = 0;
      let n = 0;
      for (let a = i * rb; a < Math.min(R, (i + 1) * rb); a++)
        for (let b = j * cb; b < Math.min(C, (j + 1) * cb); b++) {
          sum += x[a * C + b];
          n++;
        }
      out[i * c + j] = sum / n;
    }
  return out;
}

test.each([
  [37, 23, 4, 5],
  [37, 23, 1, 3],
  [10, 7, 10, 7],
  [16_384, 64, 16, 1],
  [2_048, 512, 8, 4],
])('[%i, %i] in blocks of %i × %i matches float64 block means to 1e-6', async (R, C, rb, cb) => {
  const x = normals(R * C, 7);
  const t = tf.tensor2d(x, [R, C]);
  const m = blockMean(t, rb, cb);
  expect(m.shape).toEqual([Math.ceil(R / rb), Math.ceil(C / cb)]);
  const got = (await m.data()) as Float32Array;
  tf.dispose([t, m]);
  const want = reference(x, R, C, rb, cb);
  let worst = 0;
  for (let k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(got[k] - want[k]));
  expect(worst).toBeLessThan(1e-6);
});
