// The float64 symmetric eigensolver against closed forms, a cyclic Jacobi solver written here, and invariants.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { uniforms } from './rng.ts';
import { symmetricEigen } from './eigen.ts';

/** A random symmetric m×m matrix with entries uniform in (−1, 1). */
function randomSymmetric(m: number, seed: number): Float64Array {
  const u = uniforms(seed);
  const a = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      const v = 2 * u() - 1;
      a[i * m + j] = v;
      a[j * m + i] = v;
    }
  }
  return a;
}

/** Cyclic Jacobi (a different algorithm): rotations zero each off-diagonal pair until A is diagonal. */
function jacobi(input: Float64Array, m: number): { values: number[]; vectors: number[][] } {
  const a = Float64Array.from(input);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (apq === 0) continue;
        const theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p];
          const akq = a[k * m + q];
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k];
          const aqk = a[q * m + k];
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p];
          const vkq = v[k * m + q];
          v[k * m + p] = c * vkp - s * vkq;
          v[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => a[j * m + j] - a[i * m + i]);
  return {
    values: order.map((i) => a[i * m + i]),
    vectors: order.map((i) => Array.from({ length: m }, (_, k) => v[k * m + i])),
  };
}

/** max_i |(A v)_i − λ v_i| for the t-th returned pair. */
function residual(a: Float64Array, m: number, lambda: number, v: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += a[i * m + j] * v[j];
    worst = Math.max(worst, Math.abs(s - lambda * v[i]));
  }
  return worst;
}

function gramError(vectors: Float64Array, k: number, m: number): number {
  let worst = 0;
  for (let s = 0; s < k; s++) {
    for (let t = 0; t < k; t++) {
      let dot = 0;
      for (let i = 0; i < m; i++) dot += vectors[s * m + i] * vectors[t * m + i];
      worst = Math.max(worst, Math.abs(dot - (s === t ? 1 : 0)));
    }
  }
  return worst;
}

describe('symmetricEigen', () => {
  test('eigenpairs of a random 12×12 matrix match cyclic Jacobi to 1e-12, vectors up to sign', () => {
    const m = 12;
    const a = randomSymmetric(m, 3);
    const ref = jacobi(a, m);
    const { values, vectors } = symmetricEigen(a, m);
    for (let j = 0; j < m; j++) {
      expect(Math.abs(values[j] - ref.values[j])).toBeLessThan(1e-12);
      let dot = 0;
      for (let i = 0; i < m; i++) dot += vectors[j * m + i] * ref.vectors[j][i];
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-10);
    }
  });

  test('the second-difference matrix tridiag(−1, 2, −1) has λ_j = 2 − 2cos(jπ/(m+1)), v_j ∝ sin(ijπ/(m+1))', () => {
    const m = 200;
    const a = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      a[i * m + i] = 2;
      if (i > 0) a[i * m + i - 1] = a[(i - 1) * m + i] = -1;
    }
    const k = 3;
    const { values, vectors } = symmetricEigen(a, m, k);
    for (let t = 0; t < m; t++) {
      const j = m - t; // descending order: the largest is j = m
      expect(Math.abs(values[t] - (2 - 2 * Math.cos((j * Math.PI) / (m + 1))))).toBeLessThan(1e-12);
    }
    for (let t = 0; t < k; t++) {
      const j = m - t;
      const ref = Array.from({ length: m }, (_, i) => Math.sin(((i + 1) * j * Math.PI) / (m + 1)));
      const norm = Math.hypot(...ref);
      let dot = 0;
      for (let i = 0; i < m; i++) dot += (vectors[t * m + i] * ref[i]) / norm;
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-9);
    }
  });

  test('a double eigenvalue gets two orthonormal eigenvectors spanning its eigenspace', () => {
    // A = I + 4(uuᵀ + wwᵀ) with orthonormal u, w: eigenvalue 5 twice (on span{u, w}) and 1 elsewhere.
    const m = 30;
    const r = uniforms(11);
    const u = Array.from({ length: m }, () => r() - 0.5);
    const w = Array.from({ length: m }, () => r() - 0.5);
    const nu = Math.hypot(...u);
    for (let i = 0; i < m; i++) u[i] /= nu;
    const uw = u.reduce((s, ui, i) => s + ui * w[i], 0);
    for (let i = 0; i < m; i++) w[i] -= uw * u[i];
    const nw = Math.hypot(...w);
    for (let i = 0; i < m; i++) w[i] /= nw;
    const a = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) a[i * m + j] = (i === j ? 1 : 0) + 4 * (u[i] * u[j] + w[i] * w[j]);
    const { values, vectors } = symmetricEigen(a, m, 3);
    expect(Math.abs(values[0] - 5)).toBeLessThan(1e-12);
    expect(Math.abs(values[1] - 5)).toBeLessThan(1e-12);
    for (let j = 2; j < m; j++) expect(Math.abs(values[j] - 1)).toBeLessThan(1e-12);
    expect(gramError(vectors, 3, m)).toBeLessThan(1e-12);
    for (let t = 0; t < 2; t++) {
      const v = vectors.subarray(t * m, (t + 1) * m);
      expect(residual(a, m, 5, v)).toBeLessThan(1e-12);
      // inside span{u, w}: its projection there has unit length
      const pu = u.reduce((s, x, i) => s + x * v[i], 0);
      const pw = w.reduce((s, x, i) => s + x * v[i], 0);
      expect(Math.abs(pu * pu + pw * pw - 1)).toBeLessThan(1e-12);
    }
  });

  test('the identity, a 1×1 and a 2×2 matrix need no iterations and still come out right', () => {
    const eye = new Float64Array(16);
    for (let i = 0; i < 4; i++) eye[i * 4 + i] = 1;
    const e = symmetricEigen(eye, 4);
    expect(Array.from(e.values)).toEqual([1, 1, 1, 1]);
    expect(gramError(e.vectors, 4, 4)).toBeLessThan(1e-15);
    expect(Array.from(symmetricEigen([7], 1).values)).toEqual([7]);
    // [[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2
    const two = symmetricEigen([2, 1, 1, 2], 2);
    expect(Math.abs(two.values[0] - 3)).toBeLessThan(1e-15);
    expect(Math.abs(two.values[1] - 1)).toBeLessThan(1e-15);
    expect(Math.abs(Math.abs(two.vectors[0]) - Math.SQRT1_2)).toBeLessThan(1e-15);
    expect(Math.abs(two.vectors[0] - two.vectors[1])).toBeLessThan(1e-15);
  });

  test('property: A v = λ v to 1e-12·‖A‖, the vectors are orthonormal, and Σλ = trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (m, seed) => {
        const a = randomSymmetric(m, seed);
        const k = Math.min(m, 4);
        const { values, vectors } = symmetricEigen(a, m, k);
        let trace = 0;
        let frob = 0;
        for (let i = 0; i < m; i++) trace += a[i * m + i];
        for (const x of a) frob += x * x;
        const scale = Math.sqrt(frob);
        expect(Math.abs(values.reduce((s, x) => s + x, 0) - trace)).toBeLessThan(1e-12 * scale * m);
        for (let j = 1; j < m; j++) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
        for (let t = 0; t < k; t++)
          expect(residual(a, m, values[t], vectors.subarray(t * m, (t + 1) * m))).toBeLessThan(1e-12 * scale);
        expect(gramError(vectors, k, m)).toBeLessThan(1e-12 * m);
      }),
      { numRuns: 60 },
    );
  });
});
