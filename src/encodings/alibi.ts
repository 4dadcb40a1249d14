// ALiBi, attention with linear biases — Press, Smith & Lewis 2022, "Train Short, Test Long: Attention with
// Linear Biases Enables Input Length Extrapolation" (ICLR). Nothing is added at the input and nothing is
// rotated: head h adds −m_h·|i − j| to the score of query i and key j. In the paper's causal model only j ≤ i
// are kept, where this is −m_h·(i − j); the symmetric form here shows both halves.
// Slopes, exactly the paper's get_slopes(n): for n a power of two, start = 2^(−8/n) and m_h = start^h,
// h = 1…n (8 heads: 2^−1 … 2^−8); otherwise, with c = 2^⌊log2 n⌋, get_slopes(c) followed by the n − c first
// even-indexed slopes of get_slopes(2c) (12 heads: 2^−1 … 2^−8, then 2^−0.5, 2^−1.5, 2^−2.5, 2^−3.5).
// No sin/cos, no base, no layout.
import * as tf from '@tensorflow/tfjs-core';
import { alibiChecks } from '../analysis/invariants.ts';
import { sendHeadBiases } from './biasViews.ts';
import type { Scheme } from './scheme.ts';

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** The ALiBi head slopes m_1 … m_n of Press et al.'s get_slopes(n), largest first. */
export function alibiSlopes(heads: number): number[] {
  if (!Number.isInteger(heads) || heads < 1)
    throw new Error(`ALiBi needs a positive integer head count (got ${heads})`);
  if (isPowerOfTwo(heads)) return Array.from({ length: heads }, (_, i) => 2 ** ((-8 * (i + 1)) / heads));
  const c = 2 ** Math.floor(Math.log2(heads));
  const extra = alibiSlopes(2 * c).filter((_, i) => i % 2 === 0);
  return [...alibiSlopes(c), ...extra.slice(0, heads - c)];
}

export const alibi: Scheme = {
  name: 'alibi',
  kind: 'bias',
  compute({ positions }, { heads }) {
    const m = alibiSlopes(heads);
    const P = positions.length;
    return tf.tidy(() => {
      const slopes = tf.tensor1d(m); // [H]
      const keys = tf.tensor2d(Float32Array.from(positions), [1, P]); // [1, P] position of key j
      const queries = tf.reshape(keys, [P, 1]); // [P, 1] position of query i
      // min(j − i, i − j) = −|i − j|, exact for integer positions, and +0 (not −0) on the diagonal
      const negDist = tf.minimum(tf.sub(keys, queries), tf.sub(queries, keys)); // [P, P]
      const bias = tf.mul(tf.reshape(slopes, [heads, 1, 1]), negDist); // [H, P, P]
      return { slopes, bias };
    });
  },
  async staticViews({ slopes }, ctx) {
    const data = await ctx.read(slopes);
    const checks = alibiChecks(data); // before emit: posting transfers (detaches) the buffer
    const rowLabels = Array.from({ length: data.length }, (_, h) => String(h));
    await ctx.emit({ name: 'alibi-slopes', shape: [data.length, 1], data, rowLabels });
    return checks;
  },
  textViews: ({ bias }, ctx) => sendHeadBiases(bias, 'ALiBi', ctx),
};
