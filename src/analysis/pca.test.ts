// PCA on the tfjs CPU backend against a one-sided Jacobi SVD of the centred data computed here in float64.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { normals, uniforms } from '../numerics/rng.ts';
import { explainedShare, pca } from './pca.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** Column-centred copy of a row-major [n, d] matrix, in float64. */
function centre(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const out = Float64Array.from(x);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += out[i * d + j];
    mean /= n;
    for (let i = 0; i < n; i++) out[i * d + j] -= mean;
  }
  return out;
}

/**
 * One-sided Jacobi SVD (Hestenes): rotate pairs of columns of A [n, d] until they are orthogonal. Then the
 * column norms are the singular values and the accumulated rotation V holds the right singular vectors.
 * Returns σ (descending) and V's columns as rows [d][d].
 */
function jacobiSvd(input: Float64Array, n: number, d: number): { sigma: number[]; v: number[][] } {
  const a = Float64Array.from(input);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          alpha += a[i * d + p] ** 2;
          beta += a[i * d + q] ** 2;
          gamma += a[i * d + p] * a[i * d + q];
        }
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma === 0) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const ap = a[i * d + p];
          const aq = a[i * d + q];
          a[i * d + p] = c * ap - s * aq;
          a[i * d + q] = s * ap + c * aq;
        }
        for (let i = 0; i < d; i++) {
          const vp = v[i * d + p];
          const vq = v[i * d + q];
          v[i * d + p] = c * vp - s * vq;
          v[i * d + q] = s * vp + c * vq;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = Array.from({ length: d }, (_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i * d + j] ** 2;
    return Math.sqrt(s);
  });
  const order = norms.map((_, j) => j).sort((i, j) => norms[j] - norms[i]);
  return {
    sigma: order.map((j) => norms[j]),
    v: order.map((j) => Array.from({ length: d }, (_, i) => v[i * d + j])),
  };
}

/** Correlated test data [n, d]: Gaussian rows with column scales 12, 8, 5, 3, 2, 1.5, 1, … then mixed. */
function mixedData(n: number, d: number, seed: number): Float32Array {
  const z = normals(n * d, seed);
  const scales = Array.from({ length: d }, (_, j) => [12, 8, 5, 3, 2, 1.5][j] ?? 1 / (1 + 0.3 * j));
  const u = uniforms(seed + 1);
  const mix = Array.from({ length: d * d }, () => 2 * u() - 1);
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      let s = 3; // an offset, so centring matters
      for (let t = 0; t < d; t++) s += z[i * d + t] * scales[t] * mix[t * d + j];
      out[i * d + j] = s;
    }
  }
  return out;
}

async function run(x: Float32Array, n: number, d: number, k: number) {
  const t = tf.tensor2d(x, [n, d]);
  const before = tf.memory().numTensors;
  const result = await pca(t, k);
  expect(tf.memory().numTensors).toBe(before);
  t.dispose();
  return result;
}

/** Compares pca() with the SVD reference: components up to sign, scores, explained = σ²/Σσ². */
async function compareWithSvd(n: number, d: number, k: number, seed: number) {
  const x = mixedData(n, d, seed);
  const result = await run(x, n, d, k);
  const xc = centre(x, n, d);
  const { sigma, v } = jacobiSvd(xc, n, d);
  const total = sigma.reduce((s, x) => s + x * x, 0);
  let scoreScale = 0;
  for (let j = 0; j < k; j++) scoreScale = Math.max(scoreScale, sigma[j]);
  for (let j = 0; j < k; j++) {
    const ref = v[j];
    const comp = result.components.subarray(j * d, (j + 1) * d);
    let dot = 0;
    for (let i = 0; i < d; i++) dot += comp[i] * ref[i];
    const sign = Math.sign(dot);
    const refMax = Math.max(...ref.map(Math.abs));
    for (let i = 0; i < d; i++) expect(Math.abs(comp[i] - sign * ref[i])).toBeLessThanOrEqual(1e-3 * refMax);
    // scores: Xc v_j, which has norm σ_j
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += xc[r * d + i] * ref[i];
      expect(Math.abs(result.scores[r * k + j] - sign * s)).toBeLessThanOrEqual(1e-3 * scoreScale);
    }
    expect(Math.abs(result.explained[j] - (sigma[j] * sigma[j]) / total)).toBeLessThan(1e-5);
  }
  expect(Math.abs(result.totalVariance - total / (n - 1)) / (total / (n - 1))).toBeLessThan(1e-5);
  return { result, sigma, total };
}

describe('pca', () => {
  test('n ≥ d (covariance path): components, scores and explained ratios match a Jacobi SVD', async () => {
    await compareWithSvd(80, 12, 3, 5);
  });

  test('n < d (Gram path): components, scores and explained ratios match a Jacobi SVD', async () => {
    await compareWithSvd(9, 30, 3, 8);
  });

  test('with k = d the explained ratios sum to 1, and any prefix of them sums to at most 1', async () => {
    const { result } = await compareWithSvd(40, 8, 8, 13);
    expect(Math.abs(explainedShare(result.explained) - 1)).toBeLessThan(1e-5);
    for (let k = 1; k <= 8; k++) expect(explainedShare(result.explained, k)).toBeLessThanOrEqual(1 + 1e-6);
  });

  test('the mean is the column mean, components are orthonormal, and each one’s largest entry is positive', async () => {
    const n = 50;
    const d = 10;
    const x = mixedData(n, d, 21);
    const result = await run(x, n, d, 4);
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += x[i * d + j];
      expect(Math.abs(result.mean[j] - mean / n)).toBeLessThan(1e-4 * Math.max(1, Math.abs(mean / n)));
    }
    for (let s = 0; s < 4; s++) {
      const row = Array.from(result.components.subarray(s * d, (s + 1) * d));
      const top = row.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
      expect(top).toBeGreaterThan(0);
      for (let t = 0; t < 4; t++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += row[i] * result.components[t * d + i];
        expect(Math.abs(dot - (s === t ? 1 : 0))).toBeLessThan(1e-5);
      }
    }
  });

  test('two points: PC1 is their unit difference, scores are ±half the distance, the rest explain 0', async () => {
    const d = 5;
    const x = new Float32Array([1, 2, 3, 4, 5, -1, 0, 3, 2, 9]);
    const result = await run(x, 2, d, 3);
    const diff = Array.from({ length: d }, (_, i) => x[d + i] - x[i]);
    const dist = Math.hypot(...diff);
    let dot = 0;
    for (let i = 0; i < d; i++) dot += (result.components[i] * diff[i]) / dist;
    expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-6);
    expect(Math.abs(Math.abs(result.scores[0]) - dist / 2)).toBeLessThan(1e-5);
    expect(Math.abs(result.scores[0] + result.scores[3])).toBeLessThan(1e-5);
    expect(Math.abs(result.explained[0] - 1)).toBeLessThan(1e-6);
    expect(result.explained.slice(1)).toEqual([0, 0]);
    for (let s = 0; s < 3; s++) {
      for (let t = 0; t < 3; t++) {
        let g = 0;
        for (let i = 0; i < d; i++) g += result.components[s * d + i] * result.components[t * d + i];
        expect(Math.abs(g - (s === t ? 1 : 0))).toBeLessThan(1e-6);
      }
    }
  });

  test('a single row has no variance: scores and explained are 0 and nothing throws', async () => {
    const result = await run(new Float32Array([1, 2, 3]), 1, 3, 2);
    expect(result.explained).toEqual([0, 0]);
    expect(Array.from(result.scores)).toEqual([0, 0]);
    expect(result.totalVariance).toBe(0);
  });

  test('k outside 1…d is refused', async () => {
    const t = tf.zeros([4, 3]) as tf.Tensor2D;
    await expect(pca(t, 4)).rejects.toThrow(RangeError);
    await expect(pca(t, 0)).rejects.toThrow(RangeError);
    t.dispose();
  });

  test('sinusoidal PE (d = 64, base 10000, positions 0…255): the first two PCs’ share matches an SVD to 1e-4', async () => {
    const n = 256;
    const d = 64;
    const table = new Float64Array(n * d);
    for (let p = 0; p < n; p++) {
      for (let i = 0; i < d / 2; i++) {
        const angle = p / Math.pow(10000, (2 * i) / d);
        table[p * d + 2 * i] = Math.sin(angle);
        table[p * d + 2 * i + 1] = Math.cos(angle);
      }
    }
    const { sigma } = jacobiSvd(centre(table, n, d), n, d);
    const total = sigma.reduce((s, x) => s + x * x, 0);
    const reference = (sigma[0] ** 2 + sigma[1] ** 2) / total;
    const result = await run(Float32Array.from(table), n, d, 2);
    const share = explainedShare(result.explained);
    expect(Math.abs(share - reference)).toBeLessThan(1e-4);
  });
});
