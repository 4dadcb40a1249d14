// The random token-embedding table: the seeded numbers of numerics/rng.ts laid out as a [V, d] tensor.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { normals, uniforms } from '../numerics/rng.ts';
import { randomRows, randomTable } from './random.ts';

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

describe('rows of the random table drawn alone', () => {
  test('randomRows gives exactly the rows of the whole table, for normal and xavier, any order and repeats', async () => {
    for (const init of ['normal', 'xavier'] as const) {
      const [V, d, seed] = [37, 6, -11];
      const t = randomTable(V, d, seed, init);
      const whole = (await t.data()) as Float32Array;
      t.dispose();
      const ids = [36, 0, 5, 5, 17];
      const rows = randomRows(ids, V, d, seed, init);
      ids.forEach((id, r) => {
        expect(Array.from(rows.subarray(r * d, r * d + d))).toEqual(
          Array.from(whole.subarray(id * d, id * d + d)),
        );
      });
    }
  });

  test('skipping draws: uniforms(seed, k) continues where k draws of uniforms(seed) left off, past 2^31 draws too', () => {
    const u = uniforms(5);
    for (let i = 0; i < 1000; i++) u();
    const v = uniforms(5, 1000);
    for (let i = 0; i < 10; i++) expect(v()).toBe(u());
    // state after k draws is seed + k·0x9e3779b9 mod 2^32, computed here with BigInt
    const k = 2 ** 31 + 12345;
    const state = Number(BigInt.asIntN(32, 5n + BigInt(k) * 0x9e3779b9n));
    const next = uniforms(state)(); // one draw from that state
    expect(uniforms(5, k)()).toBe(next);
  });

  test('a Gemma 3-sized table row (id 262,144 at d = 2048) is drawn without building the 2 GiB table', () => {
    const row = randomRows([262144], 262145, 2048, 42);
    expect(row.length).toBe(2048);
    let sum2 = 0;
    for (const v of row) sum2 += v * v;
    // mean square of 2048 N(0, 1) draws: 1 ± 5·√(2/2048)
    expect(Math.abs(sum2 / 2048 - 1)).toBeLessThan(5 * Math.sqrt(2 / 2048));
  });
});
