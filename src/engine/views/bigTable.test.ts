// Big tables on the tfjs CPU backend: the overview's block means, exact detail windows far down a 131,072-row
// table, and the window request. References are float64 loops over Math.sin/cos written here, never the engine.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Matrix } from '../../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../../protocol/specs.ts';
import { DETAIL_ROWS, OVERVIEW_ROWS } from '../../protocol/window.ts';
import { blockMean } from './bigTable.ts';
import { staticViews, windowViews } from './static.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** Float64 PE[p, c] of the interleaved sinusoid: sin(p·ω_i) at c = 2i, cos at 2i + 1, ω_i = base^(−2i/d). */
function sinusoid64(p: number, c: number, d: number, base: number): number {
  const i = Math.floor(c / 2);
  const a = p * Math.pow(base, (-2 * i) / d);
  return c % 2 === 0 ? Math.sin(a) : Math.cos(a);
}

async function collect(spec: RunSpec, window: [number, number] | null) {
  const got: Matrix[] = [];
  const before = tf.memory().numTensors;
  await staticViews(spec, async (m) => void got.push(m), 'k', null, window);
  expect(tf.memory().numTensors).toBe(before);
  return Object.fromEntries(got.map((m) => [m.name, m]));
}

describe('block means', () => {
  test('blockMean equals a float64 mean over each block, short last blocks included', () => {
    const [R, C, rb, cb] = [37, 11, 5, 4];
    const x = Float32Array.from({ length: R * C }, (_, k) => Math.sin(k * 0.37) * 3 + (k % 7));
    const got = tf.tidy(() => blockMean(tf.tensor2d(x, [R, C]), rb, cb).arraySync());
    expect(got.length).toBe(Math.ceil(R / rb));
    for (let i = 0; i < got.length; i++)
      for (let j = 0; j < Math.ceil(C / cb); j++) {
        let sum = 0;
        let n = 0;
        for (let r = i * rb; r < Math.min(R, (i + 1) * rb); r++)
          for (let c = j * cb; c < Math.min(C, (j + 1) * cb); c++, n++) sum += x[r * C + c];
        expect(got[i][j]).toBeCloseTo(sum / n, 5);
      }
  });
});

describe('a 131,072-row sinusoid table', () => {
  const N = 131_072;
  const d = 16;
  const spec: RunSpec = {
    ...DEFAULT_SPEC,
    d,
    pe: 'sinusoidal',
    params: { ...DEFAULT_SPEC.params, positions: N, base: 10000, layout: 'interleaved' },
  };

  test('the overview is 1,024 rows of block means of 128 positions, within 1e-6 of float64', async () => {
    const views = await collect(spec, null);
    const o = views.table.overview;
    expect(o).toBeDefined();
    if (!o) return;
    expect(o.shape).toEqual([OVERVIEW_ROWS, d]);
    expect(o.block).toBe(N / OVERVIEW_ROWS);
    expect(o.reduction).toBe('mean');
    let worst = 0;
    for (const r of [0, 1, 511, 1023])
      for (let c = 0; c < d; c++) {
        let sum = 0;
        for (let p = r * o.block; p < (r + 1) * o.block; p++) sum += sinusoid64(p, c, d, 10000);
        worst = Math.max(worst, Math.abs(o.data[r * d + c] - sum / o.block));
      }
    expect(worst).toBeLessThan(1e-6);
    // The default detail is the first 4,096 rows, labelled by position.
    expect(views.table.shape).toEqual([DETAIL_ROWS, d]);
    expect(views.table.window).toEqual({ start: 0, end: DETAIL_ROWS - 1, total: N });
  });

  test('the detail window at the last 64 positions matches float64 sin/cos within 1e-6', async () => {
    const a = N - 64;
    const views = await collect(spec, [a, N - 1]);
    const t = views.table;
    expect(t.shape).toEqual([64, d]);
    expect(t.rowLabels?.[0]).toBe(String(a));
    expect(t.rowLabels?.[63]).toBe(String(N - 1));
    let worst = 0;
    for (let r = 0; r < 64; r++)
      for (let c = 0; c < d; c++)
        worst = Math.max(worst, Math.abs(t.data[r * d + c] - sinusoid64(a + r, c, d, 10000)));
    expect(worst).toBeLessThan(1e-6);
    // Similarity over the window: PE(p)·PE(q) = Σ_i cos((p − q)ω_i), the closed form, at p = a, q = a + 5.
    const s = views.similarity;
    const n = s.shape[0];
    let closed = 0;
    for (let i = 0; i < d / 2; i++) closed += Math.cos(-5 * Math.pow(10000, (-2 * i) / d));
    expect(s.data[0 * n + 5]).toBeCloseTo(closed, 4);
    expect(s.rowLabels?.[0]).toBe(String(a));
  });

  test('a window request recomputes only the detail views, exact at positions near 2^17', async () => {
    const ms = await windowViews(spec, [100_000, 100_009]);
    expect(ms.map((m) => m.name)).toEqual(['table', 'similarity', 'profile']);
    expect(ms[0].overview).toBeUndefined();
    for (let r = 0; r < 10; r++)
      for (let c = 0; c < d; c++)
        expect(Math.abs(ms[0].data[r * d + c] - sinusoid64(100_000 + r, c, d, 10000))).toBeLessThan(1e-6);
  });

  test('a bad window is refused with a message naming the limit', async () => {
    await expect(windowViews(spec, [0, DETAIL_ROWS])).rejects.toThrow(/at most 4,096 rows/);
    await expect(windowViews(spec, [N - 10, N])).rejects.toThrow(/0…131071/);
    await expect(windowViews(spec, [20, 10])).rejects.toThrow(/A ≤ B/);
  });
});

describe('a 131,072-row RoPE table', () => {
  test('cos and sin rows of the last 64 positions match float64 within 1e-6, and so do their overviews', async () => {
    const N = 131_072;
    const d = 128;
    const base = 500000;
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      d,
      pe: 'rope',
      params: { ...DEFAULT_SPEC.params, positions: N, base, heads: 1 },
    };
    const views = await collect(spec, [N - 64, N - 1]);
    for (const [name, f] of [
      ['rope-cos', Math.cos],
      ['rope-sin', Math.sin],
    ] as const) {
      const m = views[name];
      const half = m.shape[1];
      expect(half).toBe(d / 2);
      expect(m.overview?.shape).toEqual([OVERVIEW_ROWS, half]);
      // The overview is of the one cos|sin table, split in two: each half is its own function's block means.
      const o = m.overview;
      for (const r of o ? [0, 700, OVERVIEW_ROWS - 1] : [])
        for (const i of [0, 1, 17, half - 1]) {
          let sum = 0;
          for (let p = r * (o?.block ?? 0); p < (r + 1) * (o?.block ?? 0); p++)
            sum += f(p * Math.pow(base, (-2 * i) / d));
          expect(Math.abs((o?.data[r * half + i] ?? NaN) - sum / (o?.block ?? 1))).toBeLessThan(1e-6);
        }
      let worst = 0;
      for (let r = 0; r < 64; r++)
        for (let i = 0; i < half; i++)
          worst = Math.max(
            worst,
            Math.abs(m.data[r * half + i] - f((N - 64 + r) * Math.pow(base, (-2 * i) / d))),
          );
      expect(worst).toBeLessThan(1e-6);
    }
  });
});

describe('tables of 4,096 rows or fewer', () => {
  test('are sent whole, with no window and no overview, whatever window is asked for', async () => {
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      d: 8,
      params: { ...DEFAULT_SPEC.params, positions: DETAIL_ROWS },
    };
    const views = await collect(spec, [10, 20]);
    expect(views.table.shape).toEqual([DETAIL_ROWS, 8]);
    expect(views.table.window).toBeUndefined();
    expect(views.table.overview).toBeUndefined();
    expect(views.table.rowLabels?.[DETAIL_ROWS - 1]).toBe(String(DETAIL_ROWS - 1));
  });
});
