// Random token-embedding table: seeded N(0, 1) or Xavier/Glorot uniform, the usual stand-ins before training.
// The generator is SplitMix32-style hashing of (seed, counter) followed by Box–Muller, so the same seed gives
// the same table on every backend and in every browser. Generated once per (V, d, seed) in JS, uploaded once,
// then gathered on the GPU.
import * as tf from '@tensorflow/tfjs-core';
import type { InitName } from '../protocol/specs.ts';

/**
 * A deterministic stream of uniform numbers in (0, 1) for a given integer seed. `start` skips that many draws in
 * O(1): the state after k draws is seed + k·0x9e3779b9 (mod 2^32), so any row of a table can be drawn alone.
 */
export function uniforms(seed: number, start = 0): () => number {
  let state = (seed + Math.imul(start, 0x9e3779b9)) | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return ((z >>> 0) + 0.5) / 4294967296;
  };
}

/** n samples of N(0, 1) from the seeded stream (Box–Muller, both outputs used), from draw `start` (even). */
export function normals(n: number, seed: number, start = 0): Float32Array {
  const u = uniforms(seed, start);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u()));
    const a = 2 * Math.PI * u();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/** n samples of Xavier/Glorot uniform for a [V, d] table: U(−a, a) with a = √(6 / (V + d)), from draw `start`. */
export function xavier(n: number, fanIn: number, fanOut: number, seed: number, start = 0): Float32Array {
  const u = uniforms(seed, start);
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
