// t-SNE's gradient against its definitions: central finite differences of KL(P‖Q), Barnes–Hut at θ = 0
// against the exact sum, and the Barnes–Hut error shrinking with θ.
import { describe, expect, test } from 'vitest';
import { normals, uniforms } from '../../numerics/rng.ts';
import { exactConditional, symmetriseDense, type SparseRows } from './affinities.ts';
import { bhGradient, exactGradient } from './gradient.ts';
import { THREE, blobs, klReference } from './testData.ts';

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
