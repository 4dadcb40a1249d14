// The seeded, stepped UMAP wrapper: determinism, cluster separation, epoch bookkeeping and tiny inputs.
import { describe, expect, test } from 'vitest';
import { normals } from '../numerics/rng.ts';
import { createUmap } from './umap.ts';

/** Three unit-spread Gaussian blobs 20 apart in 8-D, `per` points each, with their labels. */
function blobs(per: number, seed: number) {
  const d = 8;
  const n = 3 * per;
  const z = normals(n * d, seed);
  const data = new Float32Array(n * d);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / per);
    labels.push(c);
    for (let t = 0; t < d; t++) data[i * d + t] = (t === c ? 20 : 0) + z[i * d + t];
  }
  return { data, labels, n, d };
}

/** Share of points whose nearest other point in the layout [n, dims] has the same label. */
function neighbourAgreement(Y: Float32Array, labels: number[], dims: number): number {
  const n = labels.length;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let dd = 0;
      for (let t = 0; t < dims; t++) dd += (Y[i * dims + t] - Y[j * dims + t]) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = j;
      }
    }
    if (labels[best] === labels[i]) agree++;
  }
  return agree / n;
}

describe('createUmap', () => {
  const { data, labels, n, d } = blobs(30, 5);

  test('the same seed gives the same layout twice; another seed gives another', () => {
    const layout = (seed: number) => {
      const u = createUmap(data, n, d, { nNeighbors: 10, minDist: 0.1, seed, nEpochs: 50 });
      u.step(50);
      return Array.from(u.positions());
    };
    const a = layout(3);
    expect(layout(3)).toEqual(a);
    const b = layout(4);
    expect(b.filter((v, t) => v !== a[t]).length).toBeGreaterThan(0.9 * a.length);
  });

  test('three well-separated clusters stay apart: each point’s nearest neighbour shares its label', () => {
    const u = createUmap(data, n, d, { nNeighbors: 10, minDist: 0.1, seed: 1 });
    u.step(u.totalEpochs);
    const Y = u.positions();
    for (const v of Y) expect(Number.isFinite(v)).toBe(true);
    expect(neighbourAgreement(Y, labels, 2)).toBeGreaterThanOrEqual(0.95);
  });

  test('umap-js’s default schedule is 500 epochs below 2500 points; step stops at the total', () => {
    const u = createUmap(data, n, d, { nNeighbors: 10, seed: 1 });
    expect(u.totalEpochs).toBe(500);
    const short = createUmap(data, n, d, { nNeighbors: 10, seed: 1, nEpochs: 30 });
    expect(short.totalEpochs).toBe(30);
    short.step(10);
    expect(short.epoch).toBe(10);
    short.step(100);
    expect(short.epoch).toBe(30);
  });

  test('three output components give an [n, 3] layout', () => {
    const u = createUmap(data, n, d, { nNeighbors: 10, seed: 2, nComponents: 3, nEpochs: 20 });
    u.step(20);
    expect(u.positions()).toHaveLength(3 * n);
  });

  test('tiny inputs do not throw: n_neighbors is clamped to n − 1 and n < 3 gets a fixed layout', () => {
    for (const m of [0, 1, 2, 3, 4, 6]) {
      const u = createUmap(data.subarray(0, m * d), m, d, { nNeighbors: 15, seed: 1 });
      u.step(u.totalEpochs);
      const Y = u.positions();
      expect(Y).toHaveLength(2 * m);
      for (const v of Y) expect(Number.isFinite(v)).toBe(true);
    }
    expect(Array.from(createUmap(data, 2, d, {}).positions())).toEqual([-1, 0, 1, 0]);
    expect(Array.from(createUmap(data, 1, d, {}).positions())).toEqual([0, 0]);
  });
});
