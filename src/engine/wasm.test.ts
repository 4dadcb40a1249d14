// The tfjs wasm backend (the engine's fallback between webgl and cpu) in Node, where @tensorflow/tfjs-backend-wasm
// loads its .wasm from node_modules: a seeded matmul and the sinusoid's Gram matrix PE·PEᵀ computed on wasm,
// checked against float64 references (a plain triple loop; the closed form Σ_i cos((p − q)·ω_i)).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, expect, test } from 'vitest';
import { getScheme } from '../encodings/registry.ts';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { uniforms } from '../numerics/rng.ts';

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

test('the backend in use is wasm, with SIMD in this Node', async () => {
  expect(tf.getBackend()).toBe('wasm');
  // Node ≥ 16.4 (V8 9.1) validates WebAssembly SIMD; tfjs then loads tfjs-backend-wasm-simd.wasm.
  expect(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')).toBe(true);
});

test('a seeded [37, 53]·[53, 29] matmul on wasm matches the float64 product of the same float32 inputs to 1e-5', async () => {
  const [M, K, N] = [37, 53, 29];
  const u = uniforms(11);
  const a = Float32Array.from({ length: M * K }, () => 2 * u() - 1);
  const b = Float32Array.from({ length: K * N }, () => 2 * u() - 1);
  const c = tf.tidy(() => tf.matMul(tf.tensor2d(a, [M, K]), tf.tensor2d(b, [K, N]))); // [M, N]
  const got = await c.data();
  c.dispose();
  const want = new Float64Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += a[i * K + k] * b[k * N + j];
      want[i * N + j] = s;
    }
  // |terms| ≤ 1, 53 of them: float32 accumulation stays well inside 1e-5 (a wrong index or layout is O(1)).
  expect(maxAbsDiff(got, want)).toBeLessThan(1e-5);
});

test('the sinusoid on wasm: PE matches float64 to 1e-6 and PE·PEᵀ matches Σ_i cos((p − q)·ω_i) to 1e-4', async () => {
  const [P, d, base] = [256, 64, 10000];
  const positions = Array.from({ length: P }, (_, p) => p);
  const params = { ...DEFAULT_SPEC.params, base, layout: 'interleaved' as const };
  const before = tf.memory().numTensors;
  const { pe } = getScheme('sinusoidal').compute({ positions, d, seed: 0 }, params); // [P, d]
  const gram = tf.tidy(() => tf.matMul(pe, pe, false, true)); // [P, P]
  const [peData, gramData] = await Promise.all([pe.data(), gram.data()]);
  pe.dispose();
  gram.dispose();
  expect(tf.memory().numTensors).toBe(before);

  const omega = Array.from({ length: d / 2 }, (_, i) => Math.pow(base, (-2 * i) / d));
  const wantPe = new Float64Array(P * d);
  for (let p = 0; p < P; p++)
    for (let i = 0; i < d / 2; i++) {
      wantPe[p * d + 2 * i] = Math.sin(p * omega[i]);
      wantPe[p * d + 2 * i + 1] = Math.cos(p * omega[i]);
    }
  expect(maxAbsDiff(peData, wantPe)).toBeLessThan(1e-6);

  const wantGram = new Float64Array(P * P);
  for (let p = 0; p < P; p++)
    for (let q = 0; q < P; q++) wantGram[p * P + q] = omega.reduce((s, w) => s + Math.cos((p - q) * w), 0);
  expect(wantGram[0]).toBeCloseTo(d / 2, 12); // PE(p)·PE(p) = d/2 exactly
  // 64 float32 products per entry, entries up to 32: accumulated rounding stays below 1e-4.
  expect(maxAbsDiff(gramData, wantGram)).toBeLessThan(1e-4);
});
