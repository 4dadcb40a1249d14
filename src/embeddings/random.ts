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
