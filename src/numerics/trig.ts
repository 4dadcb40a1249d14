// Exact sin/cos tables for positional encodings, on any tfjs backend.
//
// Why not tf.sin(p·ω)? Two errors stack up on the GPU:
//   1. the float32 angle p·ω is itself off by ~3e-4 rad at p ≈ 4096 (and by whole radians at p ≈ 10^6), and
//   2. WGSL sin/cos are approximate (SwiftShader: ~2e-4 even on [−π, π]; real GPUs worse outside it).
// So every scheme and the trainer get their tables from here instead:
//   - each frequency, in turns per position c = ω/2π, is a 64-bit fixed-point fraction in two u32 words, rounded
//     once in float64 (fixed64.ts); frac(p·c) is the integer product p·C mod 2^64, exact for every position below
//     MAX_EXACT_POSITION = 2^31 (the error is only C's rounding, p·2^−65 turns ≤ 3.7e-10 rad);
//   - the integer is reduced to a quarter turn and sin/cos come from short Taylor polynomials of multiply-adds;
//   - kernels/ runs that as one fused program per table (WGSL on webgpu, GLSL on webgl, a TypeScript twin elsewhere).
// Results are within 1e-6 of float64 at every position 0…8191 and at sampled positions up to 2^20 (trig.test.ts on
// cpu, trig.gpu.test.ts on WebGPU through Dawn).
import * as tf from '@tensorflow/tfjs-core';
import { checkedPositions, fixedTurns, productMod64 } from './fixed64.ts';
import { angleTable } from './kernels/index.ts';

export { MAX_EXACT_POSITION, fixedTurns } from './fixed64.ts';
export type { AngleLayout } from './kernels/index.ts';

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

/** sin and cos of an angle already reduced to [−π, π], as tf ops (Taylor degree 17/18, truncation < 3e-8). */
export function sinCosReduced(x: tf.Tensor): { sin: tf.Tensor; cos: tf.Tensor } {
  return tf.tidy(() => {
    const x2 = tf.mul(x, x);
    return { sin: tf.mul(horner(x2, SIN_COEFFS), x), cos: horner(x2, COS_COEFFS) };
  });
}

/**
 * Reduced angle 2π·frac(p·c) ∈ [−π, π) for every (position, frequency) pair, as a [P, F] tensor, where `turns[f]`
 * is the frequency in turns (cycles) per position, ω/2π. Computed on the CPU from the exact integer product (an
 * inspection helper; the tables never materialise the angle). Positions are integers in 0…2^31 − 1.
 */
export function reducedAngles(positions: ArrayLike<number>, turns: ArrayLike<number>): tf.Tensor2D {
  const pos = checkedPositions(positions);
  const words = fixedTurns(turns);
  const P = pos.length;
  const F = turns.length;
  const out = new Float32Array(P * F);
  for (let r = 0; r < P; r++) {
    for (let f = 0; f < F; f++) {
      const [hi, lo] = productMod64(pos[r], words[2 * f], words[2 * f + 1]);
      out[r * F + f] = ((hi | 0) * 2 ** 32 + lo) * ((2 * Math.PI) / 2 ** 64); // signed 64-bit turns → radians
    }
  }
  return tf.tensor2d(out, [P, F]); // [P, F] radians in [−π, π)
}

/**
 * cos(p·ω) and sin(p·ω) side by side in one [P, 2F] tensor, cos at columns 0…F−1 and sin at F…2F−1, within 1e-6 of
 * float64 for integer p < 2^31, in one fused dispatch. One tensor, not two: a tfjs program has one output
 * (kernels/sincos.wgsl.ts), and the consumers (RoPE's rotation, views, Gram matrices) read the halves in place.
 */
export function cosSinTable(positions: ArrayLike<number>, turns: ArrayLike<number>): tf.Tensor2D {
  return angleTable(positions, turns, 'cos-sin'); // [P, 2F]
}

/**
 * The sinusoidal PE table [P, 2F] in one fused dispatch: 'interleaved' puts sin(pω_i), cos(pω_i) at columns 2i,
 * 2i + 1 (Vaswani et al.); 'half' puts sin at i and cos at F + i (tensor2tensor).
 */
export function sinusoidTable(
  positions: ArrayLike<number>,
  turns: ArrayLike<number>,
  layout: 'interleaved' | 'half',
): tf.Tensor2D {
  return angleTable(positions, turns, layout); // [P, 2F]
}

/** Positions 0…n−1. */
export function range(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
