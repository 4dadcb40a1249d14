// Random token-embedding table: seeded N(0, 1) or Xavier/Glorot uniform, the usual stand-ins before training.
// The numbers come from numerics/rng.ts (the app's one seeded generator), so the same seed gives the same table on
// every backend and in every browser. Generated once per (V, d, seed) in JS, uploaded once, then gathered on the GPU.
import * as tf from '@tensorflow/tfjs-core';
import { normals, xavier } from '../numerics/rng.ts';
import type { InitName } from '../protocol/specs.ts';

/** The [V, d] table as a tensor: N(0, 1) or Xavier-uniform. */
export function randomTable(
  vocabSize: number,
  d: number,
  seed: number,
  init: InitName = 'normal',
): tf.Tensor2D {
  const values = init === 'xavier' ? xavier(vocabSize * d, vocabSize, d, seed) : normals(vocabSize * d, seed);
  return tf.tensor2d(values, [vocabSize, d]); // [V, d]
}

/**
 * Rows `ids` of the [V, d] table randomTable(V, d, seed, init) would build, without building it: row i uses draws
 * i·d … i·d + d − 1 (d is even, so Box–Muller pairs never straddle rows). Row-major [ids.length, d]. This lets a
 * tokenizer with a large vocabulary (Gemma 3: 262,145 ids) run at any d, where the whole table would not fit.
 */
export function randomRows(
  ids: ArrayLike<number>,
  vocabSize: number,
  d: number,
  seed: number,
  init: InitName = 'normal',
): Float32Array {
  if (d % 2 !== 0) throw new Error(`randomRows needs an even d (got ${d})`);
  const out = new Float32Array(ids.length * d);
  for (let r = 0; r < ids.length; r++) {
    const start = ids[r] * d;
    out.set(init === 'xavier' ? xavier(d, vocabSize, d, seed, start) : normals(d, seed, start), r * d);
  }
  return out;
}
