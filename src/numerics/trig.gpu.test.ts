// numerics/trig.ts on the real tfjs WebGPU backend in Node: Dawn (the `webgpu` package) on SwiftShader, found through
// the Vulkan ICD that vitest.config.ts points at. Results are read only with `await t.data()` — dataSync() and
// arraySync() are unsafe on webgpu (DESIGN.md).
import { create, globals } from 'webgpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_EXACT_POSITION, range, sinCosTable } from './trig.ts';
import { pairTurns } from '../encodings/scheme.ts';

Object.assign(globalThis, globals);
// Node 21+ defines a read-only `navigator` getter, so define the property rather than assign it.
Object.defineProperty(globalThis, 'navigator', {
  value: { gpu: create([]) },
  configurable: true,
  writable: true,
});

const D = 1024;
const BASE = 10000;
const COLUMNS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 510, 511];

/** ω_i = base^(−2i/d) in float64, written out here rather than taken from the code under test. */
const omega = (i: number) => Math.pow(BASE, (-2 * i) / D);

function maxError(table: Float32Array, F: number, ref: (p: number, j: number) => number): number {
  let worst = 0;
  for (let p = 0; p < table.length / F; p++) {
    for (let j = 0; j < F; j++) worst = Math.max(worst, Math.abs(table[p * F + j] - ref(p, j)));
  }
  return worst;
}

beforeAll(async () => {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) {
    throw new Error(
      'No WebGPU adapter in Node. The `webgpu` package needs a Vulkan driver: install the Debian packages ' +
        '`chromium` and `libvulkan1` and set VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json ' +
        `(vitest.config.ts does this when the file exists; now VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES}).`,
    );
  }
  await import('@tensorflow/tfjs-backend-webgpu');
  const ok = await tf.setBackend('webgpu');
  if (!ok) throw new Error('tf.setBackend("webgpu") returned false although a WebGPU adapter exists.');
  expect(tf.getBackend()).toBe('webgpu');
}, 120_000);

afterAll(() => {
  if (tf.findBackend('webgpu')) tf.removeBackend('webgpu');
});

describe('sinCosTable on the WebGPU backend (SwiftShader)', () => {
  test('the backend in use is webgpu', () => {
    expect(tf.getBackend()).toBe('webgpu');
  });

  test('sin and cos agree with float64 within 1e-4 for every position 0…8191 at d=1024, base 10000', async () => {
    const all = pairTurns(D, BASE);
    const { sin, cos } = sinCosTable(
      range(MAX_EXACT_POSITION),
      COLUMNS.map((i) => all[i]),
    );
    const s = (await sin.data()) as Float32Array;
    const c = (await cos.data()) as Float32Array;
    tf.dispose([sin, cos]);
    expect(s.length).toBe(MAX_EXACT_POSITION * COLUMNS.length);
    const ws = COLUMNS.map(omega);
    expect(maxError(s, COLUMNS.length, (p, j) => Math.sin(p * ws[j]))).toBeLessThan(1e-4);
    expect(maxError(c, COLUMNS.length, (p, j) => Math.cos(p * ws[j]))).toBeLessThan(1e-4);
  });

  test('naive tf.sin(p·ω) on the GPU is off by more than 1e-4 somewhere — the pitfall trig.ts avoids', async () => {
    const ws = COLUMNS.map(omega);
    const angle = tf.tidy(() =>
      tf.mul(
        tf.tensor2d(Float32Array.from(range(MAX_EXACT_POSITION)), [MAX_EXACT_POSITION, 1]), // [P, 1]
        tf.tensor2d(Float32Array.from(ws), [1, ws.length]), // [1, F]
      ),
    ); // [P, F]
    const naive = tf.sin(angle); // [P, F]
    const s = (await naive.data()) as Float32Array;
    tf.dispose([angle, naive]);
    expect(maxError(s, COLUMNS.length, (p, j) => Math.sin(p * ws[j]))).toBeGreaterThan(1e-4);
  });

  test('the tables leave no tensors behind on the GPU', async () => {
    const before = tf.memory().numTensors;
    const { sin, cos } = sinCosTable(range(16), [0.1, 0.01]);
    await sin.data();
    tf.dispose([sin, cos]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
