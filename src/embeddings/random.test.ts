// The seeded N(0, 1) generator behind the random token-embedding table, checked against the normal distribution.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { normals, randomRows, randomTable, uniforms, xavier } from './random.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const N = 100_000;
const SEEDS = [42, 0, -7, 2147483647];

/** Sample moments in float64. */
function moments(x: Float32Array) {
  let sum = 0;
  for (const v of x) sum += v;
  const mean = sum / x.length;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    const c = v - mean;
    m2 += c * c;
    m4 += c ** 4;
  }
  return { mean, variance: m2 / (x.length - 1), kurtosis: m4 / x.length / (m2 / x.length) ** 2 };
}

describe('seeded normals', () => {
  test('the same seed gives the same numbers, in any length', () => {
    const a = normals(1001, 42);
    const b = normals(1001, 42);
    expect(Array.from(a)).toEqual(Array.from(b));
    // a shorter draw is a prefix of a longer one
    expect(Array.from(normals(10, 42))).toEqual(Array.from(a.subarray(0, 10)));
  });

  test('another seed gives different numbers almost everywhere', () => {
    const a = normals(10_000, 42);
    const b = normals(10_000, 43);
    let same = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
    expect(same).toBeLessThan(10);
  });

  test('property: any two different seeds give different sequences', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (s, t) => {
        fc.pre(s !== t);
        expect(Array.from(normals(8, s))).not.toEqual(Array.from(normals(8, t)));
      }),
      { numRuns: 300 },
    );
  });

  for (const seed of SEEDS) {
    test(`seed ${seed}: mean 0 and variance 1 within 5 standard errors for n = 100,000`, () => {
      const { mean, variance } = moments(normals(N, seed));
      // SE(mean) = σ/√n; SE(sample variance) = σ²·√(2/(n−1)) for normal data
      expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
      expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / (N - 1)));
    });

    test(`seed ${seed}: 68.27% of the samples lie within ±1σ and 95.45% within ±2σ (5 standard errors)`, () => {
      const x = normals(N, seed);
      // Published: P(|Z| ≤ 1) = erf(1/√2) = 0.682689…, P(|Z| ≤ 2) = erf(√2) = 0.954499…
      for (const [k, p] of [
        [1, 0.6826894921],
        [2, 0.9544997361],
      ]) {
        let inside = 0;
        for (const v of x) if (Math.abs(v) <= k) inside++;
        expect(Math.abs(inside / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
      }
    });
  }

  test('the kurtosis is 3, as for a normal distribution (5 standard errors, SE ≈ √(24/n))', () => {
    const { kurtosis } = moments(normals(N, 42));
    expect(Math.abs(kurtosis - 3)).toBeLessThan(5 * Math.sqrt(24 / N));
  });

  test('neighbouring samples (the two Box–Muller outputs) are uncorrelated within 5 standard errors', () => {
    const x = normals(N, 42);
    for (const lag of [1, 2]) {
      let s = 0;
      for (let i = 0; i + lag < N; i++) s += x[i] * x[i + lag];
      expect(Math.abs(s / (N - lag))).toBeLessThan(5 / Math.sqrt(N - lag));
    }
  });

  test('an odd count is filled completely with finite numbers', () => {
    const x = normals(7, 1);
    expect(x).toHaveLength(7);
    for (const v of x) expect(Number.isFinite(v)).toBe(true);
    expect(x[6]).not.toBe(0);
  });

  test('property: the uniforms lie strictly inside (0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const u = uniforms(seed);
        for (let i = 0; i < 100; i++) {
          const v = u();
          expect(v > 0 && v < 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('randomTable is the [V, d] tensor of the same numbers, row-major', async () => {
    const t = randomTable(5, 4, 9);
    expect(t.shape).toEqual([5, 4]);
    const data = await t.data();
    t.dispose();
    expect(Array.from(data)).toEqual(Array.from(normals(20, 9)));
  });
});

describe('Xavier-uniform table', () => {
  test('values lie within ±√(6/(V+d)) with the uniform distribution’s mean 0 and variance a²/3', () => {
    const V = 1000;
    const d = 200;
    const a = Math.sqrt(6 / (V + d)); // closed form of the Glorot bound
    const x = xavier(V * d, V, d, 42);
    let max = 0;
    for (const v of x) max = Math.max(max, Math.abs(v));
    expect(max).toBeLessThanOrEqual(a);
    expect(max).toBeGreaterThan(0.999 * a);
    const { mean, variance } = moments(x);
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt((a * a) / 3 / x.length));
    // the sample variance of 200k uniforms has a relative standard error of about 0.2%: allow 5 of them
    expect(Math.abs(variance / ((a * a) / 3) - 1)).toBeLessThan(0.01);
  });

  test('randomTable with init xavier has the Glorot variance 2/(V+d)', async () => {
    const t = randomTable(300, 100, 7, 'xavier');
    const { variance } = moments((await t.data()) as Float32Array);
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
