// The "linear" tutorial pitfall PE[p, i] = p / base^(i/d): values in float64, and why it fails.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { pitfallLinear } from './pitfall-linear.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

async function pe(positions: number[], d: number, base = 10000): Promise<Float32Array> {
  const out = pitfallLinear.compute({ positions, d, seed: 0 }, { ...DEFAULT_SPEC.params, base });
  expect(out.pe.shape).toEqual([positions.length, d]);
  const data = (await out.pe.data()) as Float32Array;
  tf.dispose(out);
  return data;
}

describe('pitfall: linear p / base^(i/d)', () => {
  for (const [d, base] of [
    [64, 10000],
    [512, 10000],
    [128, 500000],
  ]) {
    test(`values equal p / ${base}^(i/${d}) computed in float64, to float32 precision`, async () => {
      const positions = [0, 1, 2, 511, 4095, 8191];
      const rows = await pe(positions, d, base);
      positions.forEach((p, r) => {
        for (let i = 0; i < d; i++) {
          const want = p / Math.pow(base, i / d);
          expect(Math.abs(rows[r * d + i] - want)).toBeLessThanOrEqual(1e-6 * Math.abs(want));
        }
      });
    });
  }

  test('it is unbounded: dimension 0 is p itself, up to 8191', async () => {
    const positions = [0, 1, 100, 8191];
    const rows = await pe(positions, 16);
    positions.forEach((p, r) => expect(rows[r * 16]).toBe(p));
  });

  test('it swamps the token embedding: at d=64 the row norm is p·√(Σ 10000^(−2i/64)) ≈ 2p, so 25× a N(0, 1) row (√64) at p = 100', async () => {
    const d = 64;
    let s = 0;
    for (let i = 0; i < d; i++) s += Math.pow(10000, (-2 * i) / d);
    const rows = await pe([100], d);
    let norm2 = 0;
    for (const v of rows) norm2 += v * v;
    expect(Math.abs(Math.sqrt(norm2) - 100 * Math.sqrt(s))).toBeLessThan(1e-4 * 100 * Math.sqrt(s));
    expect(Math.sqrt(norm2) / Math.sqrt(d)).toBeGreaterThan(24);
  });

  test('the scheme is additive and leaves no tensors behind', async () => {
    expect(pitfallLinear.kind).toBe('additive');
    const before = tf.memory().numTensors;
    await pe([0, 1, 2], 8);
    expect(tf.memory().numTensors).toBe(before);
  });
});
