// The Compare tab's numbers from one scheme's position score matrix M [P, P] (M[m, j]: position m against j):
// a Gram matrix for an additive or rotary scheme, head 0's bias for a bias scheme. Every column is put on one
// scale so columns can share a colour scale and a plot: Gram matrices become cosines M[m, j]/√(M[m, m]·M[j, j]),
// a bias is divided by its largest magnitude. Pure: plain arrays in, plain arrays out.

export type ScoreKind = 'gram' | 'bias';

/** M normalised: cosines for a Gram matrix (0 where a row is zero), bias ÷ max|bias| (zeros stay zeros). */
export function normalise(M: Float32Array, P: number, kind: ScoreKind): Float64Array {
  const out = new Float64Array(P * P);
  if (kind === 'gram') {
    for (let m = 0; m < P; m++)
      for (let j = 0; j < P; j++) {
        const den = Math.sqrt(M[m * P + m] * M[j * P + j]);
        out[m * P + j] = den > 0 ? M[m * P + j] / den : 0;
      }
    return out;
  }
  let max = 0;
  for (let i = 0; i < P * P; i++) max = Math.max(max, Math.abs(M[i]));
  for (let i = 0; i < P * P; i++) out[i] = max > 0 ? M[i] / max : 0;
  return out;
}

/** The top-left [n, n] block of a [P, P] matrix, as float32 for the heatmap. */
export function block(S: Float64Array, P: number, n: number): Float32Array {
  const out = new Float32Array(n * n);
  for (let m = 0; m < n; m++) for (let j = 0; j < n; j++) out[m * n + j] = S[m * P + j];
  return out;
}

/** profile[k] = mean over m < n − k of S[m + k, m] (a query k positions after its key), k = 0…n−1. */
export function profileOf(S: Float64Array, P: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let m = 0; m + k < n; m++) sum += S[(m + k) * P + m];
    out[k] = sum / (n - k);
  }
  return out;
}

/** score[k] = S[q, q − k] for the query q = last − 0 looking back k positions, k = 0…last. */
export function lookBack(S: Float64Array, P: number, last: number): Float64Array {
  const out = new Float64Array(last + 1);
  for (let k = 0; k <= last; k++) out[k] = S[last * P + (last - k)];
  return out;
}

/**
 * How far the scores depend on more than the offset: the largest |S[m + k, m] − S[k, 0]| over m + k < n (0 for a
 * relative scheme, such as RoPE's Gram matrix or ALiBi's bias).
 */
export function offsetDeviation(S: Float64Array, P: number, n: number): number {
  let worst = 0;
  for (let k = 0; k < n; k++)
    for (let m = 0; m + k < n; m++) worst = Math.max(worst, Math.abs(S[(m + k) * P + m] - S[k * P]));
  return worst;
}
