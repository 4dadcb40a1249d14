// createTsne against the reference update rule (its first step recomputed here from the parts), layouts of
// well-separated clusters, seeding, and degenerate sizes.
import { describe, expect, test } from 'vitest';
import { normals, uniforms } from '../../numerics/rng.ts';
import {
  bruteForceKnn,
  exactConditional,
  knnConditional,
  symmetriseDense,
  symmetriseSparse,
} from './affinities.ts';
import { bhGradient } from './gradient.ts';
import { createTsne } from './index.ts';
import { THREE, blobs, klReference } from './testData.ts';

/** Share of points whose nearest other point in the layout [n, 2] has the same label. */
function neighbourAgreement(Y: ArrayLike<number>, labels: number[]): number {
  const n = labels.length;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dd = (Y[2 * i] - Y[2 * j]) ** 2 + (Y[2 * i + 1] - Y[2 * j + 1]) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = j;
      }
    }
    if (labels[best] === labels[i]) agree++;
  }
  return agree / n;
}

describe('createTsne', () => {
  test('the first step is the reference update: Δ = −η·gain·g with gain 1.2 or 0.8, η = "auto" = n/48', () => {
    const n = 3000;
    const u = uniforms(5);
    const data = Float32Array.from({ length: 2 * n }, () => u());
    const perplexity = 5;
    const run = createTsne(data, n, 2, { perplexity, learningRate: 'auto', seed: 3, method: 'barnes-hut' });
    const Y0 = Float64Array.from(normals(2 * n, 3), (v) => 1e-4 * v);
    expect(Array.from(run.positions())).toEqual(Array.from(Float32Array.from(Y0)));
    const knn = bruteForceKnn(data, n, 2, 3 * perplexity);
    const P = symmetriseSparse(knn, knnConditional(knn, n, perplexity), n);
    const g = new Float64Array(2 * n);
    bhGradient(P, Y0, n, 0.5, 12, g);
    const eta = n / 12 / 4;
    const Y1 = Y0.map((y, t) => y - eta * (g[t] > 0 ? 1.2 : 0.8) * g[t]);
    for (const axis of [0, 1]) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += Y1[2 * i + axis] / n;
      for (let i = 0; i < n; i++) Y1[2 * i + axis] -= mean;
    }
    run.step(1);
    expect(run.iteration).toBe(1);
    const got = run.positions();
    for (let t = 0; t < 2 * n; t++)
      expect(Math.abs(got[t] - Y1[t])).toBeLessThanOrEqual(1e-7 * Math.abs(Y1[t]) + 1e-12);
  });

  test.each(['exact', 'barnes-hut'] as const)(
    '%s: three well-separated clusters stay apart in 2-D, and KL falls once exaggeration ends',
    (method) => {
      const { data, labels, n, d } = blobs(THREE, 40, 21);
      const run = createTsne(data, n, d, { perplexity: 15, learningRate: 100, seed: 2, method });
      const P = symmetriseDense(exactConditional(data, n, d, 15), n);
      const kl0 = run.kl();
      if (method === 'exact')
        expect(Math.abs(kl0 / klReference(P, run.positions(), n) - 1)).toBeLessThan(1e-4);
      // KL of the true P may rise during early exaggeration (it optimises 12·P); it falls once that ends.
      run.step(250);
      const kl250 = run.kl();
      run.step(100);
      const kl350 = run.kl();
      run.step(150);
      const kl500 = run.kl();
      expect(run.iteration).toBe(500);
      expect(kl350).toBeLessThan(kl250);
      expect(kl500).toBeLessThan(kl350);
      expect(kl500).toBeLessThan(kl0);
      if (method === 'exact')
        expect(Math.abs(kl500 / klReference(P, run.positions(), n) - 1)).toBeLessThan(1e-4);
      expect(neighbourAgreement(run.positions(), labels)).toBeGreaterThanOrEqual(0.95);
    },
  );

  test('the same seed gives the same layout twice; another seed gives another', () => {
    const { data, n, d } = blobs(THREE, 15, 4);
    const layout = (seed: number) => {
      const run = createTsne(data, n, d, { perplexity: 10, seed });
      run.step(60);
      return Array.from(run.positions());
    };
    const a = layout(7);
    expect(layout(7)).toEqual(a);
    const b = layout(8);
    expect(b.filter((v, t) => v !== a[t]).length).toBeGreaterThan(0.9 * a.length);
  });

  test('1, 2 and 3 points run without throwing and stay finite', () => {
    for (const n of [0, 1, 2, 3]) {
      for (const method of ['exact', 'barnes-hut'] as const) {
        const data = Float32Array.from({ length: n * 4 }, (_, t) => t % 5);
        const run = createTsne(data, n, 4, { perplexity: 30, method });
        run.step(20);
        expect(run.positions()).toHaveLength(2 * n);
        for (const v of run.positions()) expect(Number.isFinite(v)).toBe(true);
        expect(Number.isFinite(run.kl())).toBe(true);
      }
    }
  });
});
