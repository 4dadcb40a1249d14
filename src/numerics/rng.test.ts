// numerics/rng.ts: the one seeded generator (uniforms, N(0, 1), Xavier), checked against the published moments of
// the normal and uniform distributions.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normals, uniforms, xavier } from './rng.ts';

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
});
