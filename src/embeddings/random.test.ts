// The random token-embedding table: the seeded numbers of numerics/rng.ts laid out as a [V, d] tensor.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { normals } from '../numerics/rng.ts';
import { randomTable } from './random.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** Sample variance in float64. */
function sampleVariance(x: Float32Array): number {
  let sum = 0;
  for (const v of x) sum += v;
  const mean = sum / x.length;
  let m2 = 0;
  for (const v of x) m2 += (v - mean) ** 2;
  return m2 / (x.length - 1);
}

describe('randomTable', () => {
  test('randomTable is the [V, d] tensor of the same numbers, row-major', async () => {
    const t = randomTable(5, 4, 9);
    expect(t.shape).toEqual([5, 4]);
    const data = await t.data();
    t.dispose();
    expect(Array.from(data)).toEqual(Array.from(normals(20, 9)));
  });

  test('randomTable with init xavier has the Glorot variance 2/(V+d)', async () => {
    const t = randomTable(300, 100, 7, 'xavier');
    const variance = sampleVariance((await t.data()) as Float32Array);
    t.dispose();
    expect(variance / (2 / 400)).toBeGreaterThan(0.97);
    expect(variance / (2 / 400)).toBeLessThan(1.03);
  });
});
