// Random token-embedding table: seeded N(0, 1) or Xavier/Glorot uniform, the usual stand-ins before training.
// The generator is SplitMix32-style hashing of (seed, counter) followed by Box–Muller, so the same seed gives
// the same table on every backend and in every browser. Generated once per (V, d, seed) in JS, uploaded once,
// then gathered on the GPU.
import * as tf from '@tensorflow/tfjs-core';
import type { InitName } from '../protocol/specs.ts';

/** A deterministic stream of uniform numbers in (0, 1) for a given integer seed. */
export function uniforms(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return ((z >>> 0) + 0.5) / 4294967296;
  };
}

/** n samples of N(0, 1) from the seeded stream (Box–Muller, both outputs used). */
export function normals(n: number, seed: number): Float32Array {
  const u = uniforms(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u()));
    const a = 2 * Math.PI * u();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/** n samples of Xavier/Glorot uniform for a [V, d] table: U(−a, a) with a = √(6 / (V + d)). */
export function xavier(n: number, fanIn: number, fanOut: number, seed: number): Float32Array {
  const u = uniforms(seed);
  const a = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * u() - 1) * a;
  return out;
}

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
