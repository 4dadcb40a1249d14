// Position similarity: the Gram matrix of a position table and its offset profile.
import * as tf from '@tensorflow/tfjs-core';

/** Similarity views cover at most this many positions (N×N floats stay ≤ 4 MB). */
export const MAX_SIMILARITY = 1024;

/** S = PE·PEᵀ over the first min(N, 1024) rows of a [N, d] table. */
export function gram(table: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = Math.min(table.shape[0], MAX_SIMILARITY);
    const rows = n === table.shape[0] ? table : tf.slice(table, [0, 0], [n, -1]); // [n, d]
    return tf.matMul(rows, rows, false, true); // [n, n]
  });
}

/**
 * The n × n matrix S[i, j] = g[|i − j|] of a translation-invariant similarity, from its values g[k] at offsets
 * k = 0…n−1 (a scheme's closed form, Scheme.offsetSimilarity): what gram() gives for such a table, without it.
 */
export function toeplitz(g: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(n * n);
  const g32 = Float32Array.from({ length: n }, (_, k) => g[k]);
  for (let i = 0; i < n; i++) {
    out.set(g32.subarray(0, n - i), i * n + i); // S[i, i + k] = g[k]
    for (let j = 0; j < i; j++) out[i * n + j] = g32[i - j];
  }
  return out;
}

/** dot(k) = mean over p of S[p, p+k], for k = 0…n−1 (for a translation-invariant table, = S[0, k]). */
export function offsetProfile(S: Float32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let p = 0; p + k < n; p++) sum += S[p * n + p + k];
    out[k] = sum / (n - k);
  }
  return out;
}

/** The first offset k at which the profile stops decreasing (profile[k+1] ≥ profile[k]); −1 if it never does. */
export function firstStopDecreasing(profile: ArrayLike<number>): number {
  for (let k = 0; k + 1 < profile.length; k++) if (profile[k + 1] >= profile[k]) return k;
  return -1;
}
