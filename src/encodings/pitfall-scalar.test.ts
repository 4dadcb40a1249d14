// The "scalar" tutorial pitfall PE[p, i] = sin(πp/N) + cos(πp/N): values in float64, and why it fails.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { pitfallScalar } from './pitfall-scalar.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

async function pe(positions: number[], d: number, N: number): Promise<Float32Array> {
  const out = pitfallScalar.compute({ positions, d, seed: 0 }, { ...DEFAULT_SPEC.params, positions: N });
  expect(out.pe.shape).toEqual([positions.length, d]);
  const data = (await out.pe.data()) as Float32Array;
  tf.dispose(out);
  return data;
}

const f = (p: number, N: number) => Math.sin((Math.PI * p) / N) + Math.cos((Math.PI * p) / N);

describe('pitfall: scalar sin(πp/N) + cos(πp/N)', () => {
  for (const N of [512, 8192, 100]) {
    test(`every column of row p equals sin(πp/N) + cos(πp/N) in float64 within 1e-5 (N = ${N})`, async () => {
      const d = 8;
      const positions = Array.from({ length: N }, (_, p) => p);
      const rows = await pe(positions, d, N);
      for (const p of positions)
        for (let i = 0; i < d; i++) expect(Math.abs(rows[p * d + i] - f(p, N))).toBeLessThan(1e-5);
    });
  }

  test('all columns of a row are identical: one scalar smeared across d dimensions', async () => {
    const d = 32;
    const rows = await pe([0, 1, 77, 300, 511], d, 512);
    for (let r = 0; r < 5; r++) for (let i = 1; i < d; i++) expect(rows[r * d + i]).toBe(rows[r * d]);
  });

  test('positions p and N/2 − p share the same row, since √2·sin(x + π/4) = √2·sin(π/2 − x + π/4)', async () => {
    const N = 512;
    const d = 4;
    const positions = Array.from({ length: N / 2 + 1 }, (_, p) => p);
    const rows = await pe(positions, d, N);
    for (const p of positions) expect(Math.abs(rows[p * d] - rows[(N / 2 - p) * d])).toBeLessThan(1e-5);
    expect(Math.abs(rows[0] - 1)).toBeLessThan(1e-6); // p = 0: sin 0 + cos 0
    expect(Math.abs(rows[(N / 2) * d] - 1)).toBeLessThan(1e-6); // p = N/2: sin(π/2) + cos(π/2)
  });

  test('positions p and N − p do not collide: their rows differ by 2cos(πp/N)', async () => {
    const N = 512;
    const positions = [1, 100, 200, 255];
    const rows = await pe([...positions, ...positions.map((p) => N - p)], 2, N);
    positions.forEach((p, r) => {
      const diff = rows[r * 2] - rows[(positions.length + r) * 2];
      expect(Math.abs(diff - 2 * Math.cos((Math.PI * p) / N))).toBeLessThan(1e-5);
      expect(Math.abs(diff)).toBeGreaterThan(1e-2);
    });
  });

  test('the scheme is additive and leaves no tensors behind', async () => {
    expect(pitfallScalar.kind).toBe('additive');
    const before = tf.memory().numTensors;
    await pe([0, 1, 2], 8, 512);
    expect(tf.memory().numTensors).toBe(before);
  });
});
