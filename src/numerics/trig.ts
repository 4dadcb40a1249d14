// Exact-enough sin/cos tables for positional encodings, on any tfjs backend.
//
// Why not tf.sin(p * ω)? Two errors stack up on the GPU:
//   1. the float32 angle p·ω is itself off by ~3e-4 rad at p ≈ 4096, and
//   2. WGSL sin/cos are approximate (SwiftShader: ~2e-4 even on [−π, π]; real GPUs worse outside it).
// Both break the 1e-4 accuracy bar, so every scheme gets its tables from here instead:
//   - the frequency, in turns per position c = ω/2π, is split in float64 into three float32 chunks
//     c = hi + mid + lo, where hi and mid carry 11 significant bits each;
//   - for integer p < 2^13 the products p·hi and p·mid need ≤ 24 bits, so float32 holds them exactly, and
//     their fractional parts (x − floor x) are exact too;
//   - the fractional turns are summed with p·lo (tiny) and reduced to r ∈ [−½, ½], the angle 2πr ∈ [−π, π];
//   - sin and cos of that angle come from Taylor polynomials (degree 17 and 18, truncation < 3e-8 on [−π, π])
//     evaluated by Horner's rule with plain mul/add ops, which every backend rounds correctly.
// The result is within ~1e-6 of float64 for every p < 8192 (checked in trig.test.ts and in e2e).
import * as tf from '@tensorflow/tfjs-core';

export const MAX_EXACT_POSITION = 1 << 13;

const SIG_BITS = 11;

/** Rounds x to `bits` significant bits (float64 arithmetic, exact). */
function roundToBits(x: number, bits: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const e = Math.floor(Math.log2(Math.abs(x)));
  const unit = 2 ** (e - bits + 1);
  return Math.round(x / unit) * unit;
}

/** Splits each c into hi + mid + lo (float64 view; each part is representable in float32). */
export function splitTurns(turns: ArrayLike<number>): {
  hi: Float32Array;
  mid: Float32Array;
  lo: Float32Array;
} {
  const n = turns.length;
  const hi = new Float32Array(n);
  const mid = new Float32Array(n);
  const lo = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = turns[i];
    const h = roundToBits(c, SIG_BITS);
    const m = roundToBits(c - h, SIG_BITS);
    hi[i] = h;
    mid[i] = m;
    lo[i] = c - h - m;
  }
  return { hi, mid, lo };
}

// 1/n! for the Taylor series, highest power first (Horner order).
const SIN_COEFFS = [17, 15, 13, 11, 9, 7, 5, 3, 1].map((k, j) => (j % 2 === 0 ? 1 : -1) / factorial(k));
const COS_COEFFS = [18, 16, 14, 12, 10, 8, 6, 4, 2, 0].map((k, j) => (j % 2 === 0 ? -1 : 1) / factorial(k));

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** Horner evaluation of Σ coeffs[j] · x2^(n−j) with elementwise ops. */
function horner(x2: tf.Tensor, coeffs: number[]): tf.Tensor {
  let acc: tf.Tensor = tf.fill(x2.shape, coeffs[0]); // same shape as x2
  for (let j = 1; j < coeffs.length; j++) acc = tf.add(tf.mul(acc, x2), coeffs[j]);
  return acc;
}

/** sin and cos of an angle already reduced to [−π, π]. */
export function sinCosReduced(x: tf.Tensor): { sin: tf.Tensor; cos: tf.Tensor } {
  return tf.tidy(() => {
    const x2 = tf.mul(x, x);
    return { sin: tf.mul(horner(x2, SIN_COEFFS), x), cos: horner(x2, COS_COEFFS) };
  });
}

/**
 * Reduced angle 2π·frac(p·c) ∈ [−π, π] for every (position, frequency) pair, as a [P, F] tensor.
 * `turns[f]` is the frequency in turns (cycles) per position, i.e. ω/2π. Positions must be integers in
 * [0, 8192).
 */
export function reducedAngles(positions: ArrayLike<number>, turns: ArrayLike<number>): tf.Tensor2D {
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (!Number.isInteger(p) || p < 0 || p >= MAX_EXACT_POSITION) {
      throw new Error(
        `position ${p} is outside 0…${MAX_EXACT_POSITION - 1}, where the angle reduction is exact`,
      );
    }
  }
  const { hi, mid, lo } = splitTurns(turns);
  const P = positions.length;
  const F = turns.length;
  return tf.tidy(() => {
    const p = tf.tensor2d(Float32Array.from(positions), [P, 1]); // [P, 1]
    const frac = (chunk: Float32Array) => {
      const prod = tf.mul(p, tf.tensor2d(chunk, [1, F])); // [P, F], exact
      return tf.sub(prod, tf.floor(prod)); // [P, F] in [0, 1), exact
    };
    const s = tf.add(tf.add(frac(hi), frac(mid)), tf.mul(p, tf.tensor2d(lo, [1, F]))); // [P, F] turns
    const r = tf.sub(s, tf.round(s)); // [P, F] in [−½, ½]
    return tf.mul(r, 2 * Math.PI) as tf.Tensor2D; // [P, F] radians in [−π, π]
  });
}

/** sin(p·ω) and cos(p·ω) as [P, F] tensors, accurate to ~1e-6 for integer p < 8192. */
export function sinCosTable(
  positions: ArrayLike<number>,
  turns: ArrayLike<number>,
): { sin: tf.Tensor2D; cos: tf.Tensor2D } {
  return tf.tidy(() => {
    const angle = reducedAngles(positions, turns); // [P, F]
    const { sin, cos } = sinCosReduced(angle);
    return { sin: sin as tf.Tensor2D, cos: cos as tf.Tensor2D };
  });
}

/** Positions 0…n−1. */
export function range(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
