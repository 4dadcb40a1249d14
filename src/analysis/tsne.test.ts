// t-SNE against its definitions: row perplexities, the KL gradient by finite differences, Barnes–Hut at θ = 0
// against the exact sum, the reference update rule, and layouts of well-separated clusters.
import { describe, expect, test } from 'vitest';
import { normals, uniforms } from '../numerics/rng.ts';
import {
  bhGradient,
  bruteForceKnn,
  createTsne,
  exactConditional,
  exactGradient,
  knnConditional,
  symmetriseDense,
  symmetriseSparse,
  type SparseRows,
} from './tsne.ts';

/** Gaussian blobs in d dimensions: `per` points around each of `centres`, unit spread. */
function blobs(centres: number[][], per: number, seed: number) {
  const d = centres[0].length;
  const n = centres.length * per;
  const z = normals(n * d, seed);
  const data = new Float32Array(n * d);
  const labels: number[] = [];
  for (let c = 0; c < centres.length; c++) {
    for (let p = 0; p < per; p++) {
      const i = c * per + p;
      labels.push(c);
      for (let t = 0; t < d; t++) data[i * d + t] = centres[c][t] + z[i * d + t];
    }
  }
  return { data, labels, n, d };
}

/** Three centres 20 apart along different axes of a 10-D space. */
const THREE = [
  [20, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 20, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 20, 0, 0, 0, 0, 0, 0, 0],
];

/** Perplexity 2^H of a probability row, H in bits. */
function perplexityOf(row: ArrayLike<number>): number {
  let h = 0;
  for (let j = 0; j < row.length; j++) if (row[j] > 0) h -= row[j] * Math.log2(row[j]);
  return 2 ** h;
}

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

/** KL(P‖Q) for a dense joint P and layout Y, straight from the definition. */
function klReference(P: Float64Array, Y: ArrayLike<number>, n: number): number {
  let Z = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j) Z += 1 / (1 + (Y[2 * i] - Y[2 * j]) ** 2 + (Y[2 * i + 1] - Y[2 * j + 1]) ** 2);
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = P[i * n + j];
      if (i === j || p === 0) continue;
      const q = 1 / (1 + (Y[2 * i] - Y[2 * j]) ** 2 + (Y[2 * i + 1] - Y[2 * j + 1]) ** 2) / Z;
      kl += p * Math.log(p / q);
    }
  }
  return kl;
}

/** Every off-diagonal entry of a dense [n, n] matrix as CSR. */
function denseToCsr(P: Float64Array, n: number): SparseRows {
  const rowStart = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    rowStart[i] = cols.length;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      cols.push(j);
      vals.push(P[i * n + j]);
    }
  }
  rowStart[n] = cols.length;
  return { rowStart, cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
}

function randomLayout(n: number, seed: number, scale = 3): Float64Array {
  return Float64Array.from(normals(2 * n, seed), (v) => v * scale);
}

function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let t = 0; t < a.length; t++) {
    num += (a[t] - b[t]) ** 2;
    den += b[t] ** 2;
  }
  return Math.sqrt(num / den);
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

describe('t-SNE gradient', () => {
  const { data, n, d } = blobs(THREE, 10, 9);
  const P = symmetriseDense(exactConditional(data, n, d, 8), n);

  test('the exact gradient equals central finite differences of KL(P‖Q)', () => {
    const Y = randomLayout(n, 4);
    const grad = new Float64Array(2 * n);
    exactGradient(P, Y, n, 1, grad);
    const h = 1e-6;
    for (const t of [0, 1, 7, 30, 2 * n - 1]) {
      const up = Float64Array.from(Y);
      const down = Float64Array.from(Y);
      up[t] += h;
      down[t] -= h;
      const fd = (klReference(P, up, n) - klReference(P, down, n)) / (2 * h);
      expect(Math.abs(grad[t] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  });

  test('Barnes–Hut with θ = 0 gives the exact gradient and Z, duplicate points included', () => {
    const Y = randomLayout(n, 5);
    Y[2] = Y[0]; // points 0 and 1 coincide
    Y[3] = Y[1];
    const exact = new Float64Array(2 * n);
    const bh = new Float64Array(2 * n);
    for (const e of [1, 12]) {
      const zExact = exactGradient(P, Y, n, e, exact);
      const zBh = bhGradient(denseToCsr(P, n), Y, n, 0, e, bh);
      expect(Math.abs(zBh / zExact - 1)).toBeLessThan(1e-12);
      expect(relativeError(bh, exact)).toBeLessThan(1e-10);
    }
  });

  test('Barnes–Hut error against the exact gradient shrinks with θ: < 15% at 0.5, < 3% at 0.25, < 0.3% at 0.1', () => {
    // Repulsion only (P = 0), where the approximation is all there is: 600 points spread over a 40×40 square.
    const m = 600;
    const u = uniforms(77);
    const Y = Float64Array.from({ length: 2 * m }, () => 40 * (u() - 0.5));
    const none: SparseRows = {
      rowStart: new Int32Array(m + 1),
      cols: new Int32Array(0),
      vals: new Float64Array(0),
    };
    const exact = new Float64Array(2 * m);
    const bh = new Float64Array(2 * m);
    exactGradient(new Float64Array(m * m), Y, m, 1, exact);
    for (const [theta, limit] of [
      [0.5, 0.15],
      [0.25, 0.03],
      [0.1, 0.003],
    ]) {
      bhGradient(none, Y, m, theta, 1, bh);
      expect(relativeError(bh, exact)).toBeLessThan(limit);
    }
  });
});

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
