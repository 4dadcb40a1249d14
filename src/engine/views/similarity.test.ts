// The sinusoid's position similarity from its closed form (Scheme.offsetSimilarity + toeplitz) on the tfjs CPU
// backend, at a window ending at 2^20 − 1: against float64 dot products of PE rows whose angles are reduced with
// BigInt (trigReference.ts, independent of the code under test), and against the Gram-matrix path it replaced.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Matrix } from '../../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../../protocol/specs.ts';
import { gram, toeplitz } from '../../analysis/similarity.ts';
import { tableChecks } from '../../analysis/invariants.ts';
import { sinusoidal } from '../../encodings/sinusoidal.ts';
import { exactSinCos } from '../../numerics/trigReference.ts';
import { positionsFrom } from './bigTable.ts';
import { staticViews, windowViews } from './static.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const N = 2 ** 20;
const d = 128;
const base = 10000;
const A = 1_044_480; // the last window of 4,096 rows: 1,044,480…1,048,575
const spec = (layout: 'interleaved' | 'half'): RunSpec => ({
  ...DEFAULT_SPEC,
  d,
  pe: 'sinusoidal',
  params: { ...DEFAULT_SPEC.params, positions: N, base, layout },
});

/** Float64 PE row of position p (interleaved), each angle p·ω_i reduced exactly with BigInt. */
function row64(p: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d / 2; i++) {
    const { sin, cos } = exactSinCos(p, Math.pow(base, (-2 * i) / d) / (2 * Math.PI));
    out[2 * i] = sin;
    out[2 * i + 1] = cos;
  }
  return out;
}
const dot64 = (a: Float64Array, b: Float64Array) => a.reduce((s, x, k) => s + x * b[k], 0);

/** Sampled (i, j) of an n × n matrix: the corners, the diagonal's ends and a spread of both. */
function samples(n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [
    [0, 0],
    [0, n - 1],
    [n - 1, 0],
    [n - 1, n - 1],
    [3, 5],
  ];
  for (let s = 0; s < 60; s++) out.push([(s * 397) % n, (s * 131 + 7) % n]);
  return out;
}

describe('the sinusoid position similarity from its closed form Σ_i cos((p − q)ω_i)', () => {
  test('g(k) in float64 equals PE(p)·PE(p + k) of BigInt-reduced rows within 1e-9, for p near 2^20', () => {
    const g = sinusoidal.offsetSimilarity?.(1024, d, spec('interleaved').params) ?? new Float64Array(0);
    expect(g.length).toBe(1024);
    let worst = 0;
    for (const p of [A, A + 1, N - 1024, N - 1 - 1023]) {
      const a = row64(p);
      for (const k of [0, 1, 2, 5, 64, 511, 1000, 1023])
        worst = Math.max(worst, Math.abs(g[k] - dot64(a, row64(p + k))));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  for (const layout of ['interleaved', 'half'] as const) {
    test(`window 1,044,480…1,048,575 (${layout}): sampled entries match float64 dot products of PE rows to float32 precision`, async () => {
      const views = Object.fromEntries((await windowViews(spec(layout), [A, N - 1])).map((m) => [m.name, m]));
      const S = views.similarity;
      const n = S.shape[0];
      expect(S.shape).toEqual([1024, 1024]);
      expect(S.rowLabels?.[0]).toBe(String(A));
      let worst = 0;
      for (const [i, j] of samples(n))
        worst = Math.max(worst, Math.abs(S.data[i * n + j] - dot64(row64(A + i), row64(A + j))));
      // float32 holds values up to d/2 = 64 to 2^−24·64 ≈ 3.8e-6; the sum itself is exact to ~1e-12
      expect(worst).toBeLessThan(2 ** -24 * (d / 2) * 1.01);
      // the profile is the closed form's first row: dot(k) = PE(p)·PE(p + k) for any p
      const profile = views.profile.data;
      for (const k of [0, 1, 7, 1023])
        expect(Math.abs(profile[k] - dot64(row64(A), row64(A + k)))).toBeLessThan(4e-6);
    });
  }

  test('the Gram-matrix path it replaced (PE·PEᵀ of the exact window rows) agrees within float32 accumulation, 1e-6·d', async () => {
    const n = 1024;
    const pe = sinusoidal.compute(
      { positions: positionsFrom(A, A + n - 1), d, seed: 0 },
      spec('interleaved').params,
    ).pe as tf.Tensor2D; // [n, d]
    const G = gram(pe); // [n, n]
    const old = (await G.data()) as Float32Array;
    tf.dispose([pe, G]);
    const now = (await windowViews(spec('interleaved'), [A, N - 1])).find((m) => m.name === 'similarity');
    expect(now?.data.length).toBe(n * n);
    let worst = 0;
    for (let k = 0; k < n * n; k++) worst = Math.max(worst, Math.abs((now?.data[k] ?? NaN) - old[k]));
    expect(worst).toBeLessThan(1e-6 * d);
  });

  test('the invariant checks measure the table itself: they pass for the sinusoid and fail for a table that drifts', async () => {
    const small: RunSpec = {
      ...spec('interleaved'),
      params: { ...spec('interleaved').params, positions: 2048 },
    };
    const got: Matrix[] = [];
    const { checks } = await staticViews(small, async (m) => void got.push(m), 'k');
    const by = Object.fromEntries(checks.map((c) => [c.name.key, c]));
    expect(by['check.norm'].pass).toBe(true);
    expect(by['check.shift'].pass).toBe(true);
    expect(by['check.shift'].detail.key).toBe('check.shiftDetailSampled');
    // The same closed form beside a table whose rows are scaled by 1 + p/n: the sampled dot products disagree.
    const n = 64;
    const g = sinusoidal.offsetSimilarity?.(n, d, small.params) ?? new Float64Array(n);
    const table = new Float32Array(n * d);
    for (let p = 0; p < n; p++) row64(p).forEach((x, c) => (table[p * d + c] = x * (1 + p / n)));
    const [, norm, shift] = tableChecks(table, n, d, toeplitz(g, n), n, true);
    expect(norm.pass).toBe(false);
    expect(shift.pass).toBe(false);
  });
});

describe('toeplitz', () => {
  test('S[i, j] = g[|i − j|] for every entry', () => {
    const g = [5, -1, 0.5, 2];
    const S = toeplitz(g, 4);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(S[i * 4 + j]).toBe(g[Math.abs(i - j)]);
  });
});
