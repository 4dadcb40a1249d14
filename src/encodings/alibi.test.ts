// ALiBi (Press et al. 2022): the paper's head slopes and the linear distance bias.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { alibi, alibiSlopes } from './alibi.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const pow2 = (exponents: number[]) => exponents.map((e) => 2 ** e);

describe('ALiBi slopes', () => {
  test('8 heads get 2^−1, 2^−2, …, 2^−8 (the paper, §3)', () => {
    expect(alibiSlopes(8)).toEqual(pow2([-1, -2, -3, -4, -5, -6, -7, -8]));
  });

  test('16 heads get 2^−0.5, 2^−1, …, 2^−8', () => {
    expect(alibiSlopes(16)).toEqual(
      pow2([-0.5, -1, -1.5, -2, -2.5, -3, -3.5, -4, -4.5, -5, -5.5, -6, -6.5, -7, -7.5, -8]),
    );
  });

  test('12 heads get the 8-head slopes, then every other 16-head slope: 2^−0.5, 2^−1.5, 2^−2.5, 2^−3.5', () => {
    expect(alibiSlopes(12)).toEqual(pow2([-1, -2, -3, -4, -5, -6, -7, -8, -0.5, -1.5, -2.5, -3.5]));
  });

  test('for every power of two n up to 64, the slopes are the geometric sequence start^h with start = 2^(−8/n)', () => {
    for (const n of [1, 2, 4, 8, 16, 32, 64]) {
      const m = alibiSlopes(n);
      expect(m).toHaveLength(n);
      for (let h = 1; h <= n; h++)
        expect(Math.abs(m[h - 1] / Math.pow(2, (-8 * h) / n) - 1)).toBeLessThan(1e-14);
    }
  });

  test('for every other n up to 64, with c = 2^⌊log2 n⌋: 2^(−8h/c) for h ≤ c, then 2^(−4(2k−1)/c) for k = 1…n−c', () => {
    for (let n = 1; n <= 64; n++) {
      if ((n & (n - 1)) === 0) continue;
      let c = 1;
      while (2 * c <= n) c *= 2;
      const expected = [
        ...Array.from({ length: c }, (_, j) => Math.pow(2, (-8 * (j + 1)) / c)),
        ...Array.from({ length: n - c }, (_, j) => Math.pow(2, (-4 * (2 * (j + 1) - 1)) / c)),
      ];
      const m = alibiSlopes(n);
      expect(m).toHaveLength(n);
      m.forEach((v, j) => expect(Math.abs(v / expected[j] - 1)).toBeLessThan(1e-14));
      expect(new Set(m).size).toBe(n);
    }
  });

  test('a head count that is not a positive integer is refused', () => {
    expect(() => alibiSlopes(0)).toThrow();
    expect(() => alibiSlopes(2.5)).toThrow();
  });
});

describe('ALiBi bias', () => {
  async function compute(positions: number[], heads: number) {
    const out = alibi.compute({ positions, d: 8, seed: 0 }, { ...DEFAULT_SPEC.params, heads });
    const P = positions.length;
    expect(out.slopes.shape).toEqual([heads]);
    expect(out.bias.shape).toEqual([heads, P, P]);
    const slopes = (await out.slopes.data()) as Float32Array;
    const bias = (await out.bias.data()) as Float32Array;
    tf.dispose(out);
    return { slopes, bias };
  }

  test('bias[h, i, j] = −m_h·|i − j| with the 8-head slopes 2^−h, so the causal half is −m_h·(i − j)', async () => {
    const P = 20;
    const { slopes, bias } = await compute(
      Array.from({ length: P }, (_, p) => p),
      8,
    );
    for (let h = 0; h < 8; h++) {
      expect(slopes[h]).toBe(2 ** -(h + 1));
      for (let i = 0; i < P; i++) {
        for (let j = 0; j < P; j++) {
          expect(bias[(h * P + i) * P + j]).toBeCloseTo(-(2 ** -(h + 1)) * Math.abs(i - j), 6);
          if (j <= i) expect(bias[(h * P + i) * P + j]).toBeCloseTo(-(2 ** -(h + 1)) * (i - j), 6);
        }
      }
    }
  });

  test('the distance is between the position values, not row indices, and the diagonal is exactly +0', async () => {
    const positions = [7, 0, 4095];
    const { bias } = await compute(positions, 2); // slopes 2^−4, 2^−8
    const m = [2 ** -4, 2 ** -8];
    for (let h = 0; h < 2; h++) {
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const v = bias[(h * 3 + i) * 3 + j];
          if (i === j) expect(Object.is(v, 0)).toBe(true);
          else expect(Math.abs(v - -m[h] * Math.abs(positions[i] - positions[j]))).toBeLessThan(1e-6);
        }
      }
    }
  });

  test('the scheme is a bias and leaves no tensors behind', async () => {
    expect(alibi.kind).toBe('bias');
    const before = tf.memory().numTensors;
    await compute([0, 1, 2, 3], 12);
    expect(tf.memory().numTensors).toBe(before);
  });
});
