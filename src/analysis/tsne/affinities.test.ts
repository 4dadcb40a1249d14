// t-SNE's input affinities against their definitions: row perplexities 2^H, rows Gaussian in the squared
// distance, kNN against a full sort, and the sparse joint P against (P_{j|i} + P_{i|j}) / 2n built densely.
import { describe, expect, test } from 'vitest';
import {
  bruteForceKnn,
  exactConditional,
  knnConditional,
  symmetriseDense,
  symmetriseSparse,
} from './affinities.ts';
import { THREE, blobs } from './testData.ts';

/** Perplexity 2^H of a probability row, H in bits. */
function perplexityOf(row: ArrayLike<number>): number {
  let h = 0;
  for (let j = 0; j < row.length; j++) if (row[j] > 0) h -= row[j] * Math.log2(row[j]);
  return 2 ** h;
}

describe('t-SNE input affinities', () => {
  const { data, n, d } = blobs(THREE, 20, 3);

  test.each([5, 20])('every exact conditional row has perplexity %d (2^H within 1e-3 relative)', (perp) => {
    const P = exactConditional(data, n, d, perp);
    for (let i = 0; i < n; i++) {
      const row = P.subarray(i * n, (i + 1) * n);
      expect(row[i]).toBe(0);
      expect(Math.abs(row.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(perplexityOf(row) / perp - 1)).toBeLessThan(1e-3);
    }
  });

  test('each row is a Gaussian in the squared distance: ln p_j + β·‖x_i − x_j‖² is the same for all j', () => {
    const P = exactConditional(data, n, d, 10);
    const sq = (i: number, j: number) => {
      let s = 0;
      for (let t = 0; t < d; t++) s += (data[i * d + t] - data[j * d + t]) ** 2;
      return s;
    };
    for (const i of [0, 17, 45]) {
      const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i && P[i * n + j] > 1e-200);
      const [a, b] = [others[0], others[others.length - 1]];
      const beta = (Math.log(P[i * n + a]) - Math.log(P[i * n + b])) / (sq(i, b) - sq(i, a));
      expect(beta).toBeGreaterThan(0);
      const c = Math.log(P[i * n + a]) + beta * sq(i, a);
      for (const j of others)
        expect(Math.abs(Math.log(P[i * n + j]) + beta * sq(i, j) - c)).toBeLessThan(1e-6);
    }
  });

  test('the k nearest neighbours match a full sort of the distances, and their rows have the perplexity', () => {
    const k = 30;
    const knn = bruteForceKnn(data, n, d, k);
    for (let i = 0; i < n; i++) {
      const dists = Array.from({ length: n }, (_, j) => {
        let s = 0;
        for (let t = 0; t < d; t++) s += (data[i * d + t] - data[j * d + t]) ** 2;
        return { j, s };
      }).filter((e) => e.j !== i);
      dists.sort((a, b) => a.s - b.s);
      for (let t = 0; t < k; t++) expect(knn.dist2[i * k + t]).toBeCloseTo(dists[t].s, 9);
    }
    const cond = knnConditional(knn, n, 10);
    for (let i = 0; i < n; i++)
      expect(Math.abs(perplexityOf(cond.subarray(i * k, (i + 1) * k)) / 10 - 1)).toBeLessThan(1e-3);
  });

  test('the sparse joint P is symmetric, sums to 1, and equals (P_{j|i} + P_{i|j}) / 2n built densely', () => {
    const k = 12;
    const knn = bruteForceKnn(data, n, d, k);
    const cond = knnConditional(knn, n, 4);
    const P = symmetriseSparse(knn, cond, n);
    const dense = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let t = 0; t < k; t++) dense[i * n + knn.indices[i * k + t]] = cond[i * k + t];
    const ref = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) ref[i * n + j] = (dense[i * n + j] + dense[j * n + i]) / (2 * n);
    const got = new Float64Array(n * n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
        got[i * n + P.cols[e]] += P.vals[e];
        total += P.vals[e];
      }
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    for (let t = 0; t < n * n; t++) expect(Math.abs(got[t] - ref[t])).toBeLessThan(1e-15);
    const dense2 = symmetriseDense(exactConditional(data, n, d, 4), n);
    expect(Math.abs(dense2.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(dense2[i * n + j]).toBe(dense2[j * n + i]);
  });
});
