// numerics/trig.ts on the real tfjs WebGPU backend in Node: Dawn (the `webgpu` package) on SwiftShader, found through
// the Vulkan ICD that vitest.config.ts points at. Results are read only with `await t.data()` — dataSync() and
// arraySync() are unsafe on webgpu (DESIGN.md).
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { cosSinHalves } from '../encodings/rotate.ts';
import { setUpDawn } from './testDawn.ts';
import { cosSinTable, range, sinusoidTable } from './trig.ts';
import { angleTable } from './kernels/index.ts';
import {
  FREQUENCY_SETS,
  exactSinCos,
  farPositions,
  firstPositions,
  maxError,
  omega,
} from './trigReference.ts';

setUpDawn();

/** The [cos | sin] table read back with data() (never dataSync on webgpu), as its halves [cos, sin]. */
async function cosSin(positions: number[], turns: number[]) {
  const t = cosSinTable(positions, turns); // [P, 2F]
  const x = (await t.data()) as Float32Array;
  t.dispose();
  expect(x.length).toBe(positions.length * 2 * turns.length);
  return cosSinHalves(x, positions.length, 2 * turns.length);
}

/** sin and cos tables for positions × ω and the worst error against float64. */
async function worstError(positions: number[], ws: number[]) {
  const [c, s] = await cosSin(
    positions,
    ws.map((w) => w / (2 * Math.PI)),
  );
  const P = positions.length;
  const F = ws.length;
  return Math.max(
    maxError(s, P, F, (r, j) => Math.sin(positions[r] * ws[j])),
    maxError(c, P, F, (r, j) => Math.cos(positions[r] * ws[j])),
  );
}

describe('cosSinTable on the WebGPU backend (SwiftShader): the fused WGSL kernel', () => {
  test('the backend in use is webgpu', () => {
    expect(tf.getBackend()).toBe('webgpu');
  });

  for (const { d, base, cols } of FREQUENCY_SETS) {
    const ws = cols.map((i) => omega(d, base, i));
    test(`every position 0…8191 agrees with float64 within 1e-6 at d=${d}, base ${base} (${cols.length} pairs)`, async () => {
      expect(await worstError(firstPositions(8192), ws)).toBeLessThan(1e-6);
    });
    test(`300 seeded positions in 8192…2^20 − 1 and the last 16 agree within 1e-6 at d=${d}, base ${base}`, async () => {
      expect(await worstError(farPositions(300, d + base), ws)).toBeLessThan(1e-6);
    });
  }

  test('far beyond 2^20, up to 2^31 − 1, the GPU matches exact BigInt reduction of the same float64 frequency', async () => {
    const positions = [2 ** 24 + 1, 123456789, 2 ** 30 + 12345, 2 ** 31 - 2, 2 ** 31 - 1];
    const turns = [
      1 / (2 * Math.PI),
      omega(4096, 500000, 1) / (2 * Math.PI),
      omega(128, 10000, 63) / (2 * Math.PI),
    ];
    const [c, s] = await cosSin(positions, turns);
    const P = positions.length;
    const F = turns.length;
    expect(maxError(s, P, F, (r, j) => exactSinCos(positions[r], turns[j]).sin)).toBeLessThan(1e-6);
    expect(maxError(c, P, F, (r, j) => exactSinCos(positions[r], turns[j]).cos)).toBeLessThan(1e-6);
  });

  test('the sinusoidal PE table in both layouts, one dispatch each, agrees with float64 within 1e-6', async () => {
    const d = 512;
    const F = d / 2;
    const ws = Array.from({ length: F }, (_, i) => omega(d, 10000, i));
    const positions = [...firstPositions(1024), ...farPositions(64, 3)];
    const P = positions.length;
    const turns = ws.map((w) => w / (2 * Math.PI));
    const inter = sinusoidTable(positions, turns, 'interleaved'); // [P, d]
    const half = sinusoidTable(positions, turns, 'half'); // [P, d]
    const a = (await inter.data()) as Float32Array;
    const b = (await half.data()) as Float32Array;
    tf.dispose([inter, half]);
    const sin = (r: number, i: number) => Math.sin(positions[r] * ws[i]);
    const cos = (r: number, i: number) => Math.cos(positions[r] * ws[i]);
    expect(maxError(a, P, d, (r, j) => (j % 2 === 0 ? sin(r, j >> 1) : cos(r, j >> 1)))).toBeLessThan(1e-6);
    expect(maxError(b, P, d, (r, j) => (j < F ? sin(r, j) : cos(r, j - F)))).toBeLessThan(1e-6);
  });

  test('every layout at every vector width (1, 2, 3, 4, 5, 6, 8 frequencies), runs cut short, agrees within 1e-6', async () => {
    const near = Array.from({ length: 45 }, (_, i) => 2 ** 20 - 45 + i); // one run of 32 and one of 13
    const scattered = [5, 3, 2 ** 20 - 1, 0, 77777]; // not consecutive: one row per invocation
    for (const F of [1, 2, 3, 4, 5, 6, 8]) {
      const ws = Array.from({ length: F }, (_, i) => omega(2 * F, 10000, i));
      const turns = ws.map((w) => w / (2 * Math.PI));
      for (const positions of [near, scattered]) {
        const P = positions.length;
        for (const layout of ['interleaved', 'half', 'cos-sin'] as const) {
          const t = angleTable(positions, turns, layout); // [P, 2F]
          const x = (await t.data()) as Float32Array;
          t.dispose();
          const ref = (r: number, j: number) => {
            const [f, isCos] =
              layout === 'interleaved' ? [j >> 1, j % 2 === 1] : [j % F, j < F === (layout === 'cos-sin')];
            const a = positions[r] * ws[f];
            return isCos ? Math.cos(a) : Math.sin(a);
          };
          expect(maxError(x, P, 2 * F, ref), `${layout}, F = ${F}, P = ${P}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  test('naive tf.sin(p·ω) on the GPU is off by more than 1e-4 somewhere — the pitfall trig.ts avoids', async () => {
    const ws = FREQUENCY_SETS[1].cols.map((i) => omega(512, 10000, i));
    const P = 8192;
    const angle = tf.tidy(() =>
      tf.mul(
        tf.tensor2d(Float32Array.from(range(P)), [P, 1]), // [P, 1]
        tf.tensor2d(Float32Array.from(ws), [1, ws.length]), // [1, F]
      ),
    ); // [P, F]
    const naive = tf.sin(angle); // [P, F]
    const s = (await naive.data()) as Float32Array;
    tf.dispose([angle, naive]);
    expect(maxError(s, P, ws.length, (p, j) => Math.sin(p * ws[j]))).toBeGreaterThan(1e-4);
  });

  test('the tables leave no tensors behind on the GPU', async () => {
    const before = tf.memory().numTensors;
    const t = cosSinTable(range(16), [0.1, 0.01]);
    await t.data();
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
