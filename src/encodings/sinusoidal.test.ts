// Sinusoidal positional encoding (Vaswani et al. 2017, §3.5) against published facts and the float64 closed form.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type Layout } from '../protocol/specs.ts';
import { sinusoidal } from './sinusoidal.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** The PE rows for the given positions, row-major [P, d], read back with data(). */
async function pe(positions: number[], d: number, base = 10000, layout: Layout = 'interleaved') {
  const params = { ...DEFAULT_SPEC.params, base, layout };
  const out = sinusoidal.compute({ positions, d, seed: 0 }, params);
  expect(out.pe.shape).toEqual([positions.length, d]);
  const data = (await out.pe.data()) as Float32Array;
  tf.dispose(out);
  return data;
}

/** The paper's formula in float64: PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)). */
function closedForm(p: number, d: number, k: number, base = 10000): number {
  const i = Math.floor(k / 2);
  const angle = p / Math.pow(base, (2 * i) / d);
  return k % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

function dot(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += a[aOff + j] * b[bOff + j];
  return s;
}

describe('sinusoidal positional encoding', () => {
  test('property: every position has squared norm d/2, since each pair contributes sin² + cos² = 1', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 8191 }),
        fc.integer({ min: 1, max: 1024 }).map((h) => 2 * h),
        fc.constantFrom(10000, 500000, 100, 2),
        async (p, d, base) => {
          const row = await pe([p], d, base);
          expect(Math.abs(dot(row, 0, row, 0, d) - d / 2)).toBeLessThan(1e-5 * d);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('position 0 is [0, 1, 0, 1, …]: sin 0 = 0 and cos 0 = 1 in every pair', async () => {
    const row = await pe([0], 64);
    for (let k = 0; k < 64; k++) expect(Math.abs(row[k] - (k % 2 === 0 ? 0 : 1))).toBeLessThanOrEqual(1e-7);
  });

  // PE(p)·PE(p+k) = Σ_i cos(k·ω_i) — a function of the offset k alone. Published values for base 10000.
  const published: Array<{ d: number; k: number; value: number }> = [
    { d: 512, k: 1, value: 249.1021 },
    { d: 512, k: 10, value: 173.7897 },
    { d: 512, k: 100, value: 111.9502 },
    { d: 768, k: 1, value: 373.7702 },
  ];
  for (const { d, k, value } of published) {
    test(`PE(p)·PE(p+${k}) at d=${d} is ${value} for every p`, async () => {
      const starts = [0, 1, 7, 100, 1000, 4095, 8191 - k];
      const rows = await pe(
        starts.flatMap((p) => [p, p + k]),
        d,
      );
      for (let r = 0; r < starts.length; r++) {
        expect(Math.abs(dot(rows, 2 * r * d, rows, (2 * r + 1) * d, d) - value)).toBeLessThan(1e-3);
      }
    });
  }

  test('dimension 0 is sin(p) and dimension 1 is cos(p): the shortest wavelength, 2π', async () => {
    const positions = Array.from({ length: 8192 }, (_, p) => p);
    const rows = await pe(positions, 8);
    for (const p of positions) {
      expect(Math.abs(rows[p * 8] - Math.sin(p))).toBeLessThan(1e-5);
      expect(Math.abs(rows[p * 8 + 1] - Math.cos(p))).toBeLessThan(1e-5);
    }
  });

  for (const { d, base } of [
    { d: 64, base: 10000 },
    { d: 512, base: 10000 },
    { d: 128, base: 500000 },
  ]) {
    test(`wavelengths measured from the output start at 2π and grow by base^(2/d) per pair (d=${d}, base ${base})`, async () => {
      // For each pair, read the phase at a position where it is still below 3 rad (so atan2 does not wrap) but
      // as large as possible, and divide by the position: that is ω_i, and the wavelength is 2π/ω_i.
      const pairs = d / 2;
      const probe = Array.from({ length: pairs }, (_, i) =>
        Math.max(1, Math.min(8191, Math.floor(3 * Math.pow(base, (2 * i) / d)))),
      );
      const rows = await pe(probe, d, base);
      const wavelength = probe.map((p, i) => {
        const phase = Math.atan2(rows[i * d + 2 * i], rows[i * d + 2 * i + 1]);
        return (2 * Math.PI * p) / phase;
      });
      expect(Math.abs(wavelength[0] / (2 * Math.PI) - 1)).toBeLessThan(1e-5);
      const ratio = Math.pow(base, 2 / d);
      for (let i = 0; i + 1 < pairs; i++) {
        expect(Math.abs(wavelength[i + 1] / wavelength[i] / ratio - 1)).toBeLessThan(1e-4);
      }
    });
  }

  test("layout 'half' is the interleaved layout with sin columns first, then cos columns", async () => {
    const d = 32;
    const positions = [0, 1, 2, 50, 511, 4095, 8191];
    const inter = await pe(positions, d, 10000, 'interleaved');
    const half = await pe(positions, d, 10000, 'half');
    for (let r = 0; r < positions.length; r++) {
      for (let i = 0; i < d / 2; i++) {
        expect(half[r * d + i]).toBe(inter[r * d + 2 * i]);
        expect(half[r * d + d / 2 + i]).toBe(inter[r * d + 2 * i + 1]);
        // and against the formula, so both layouts are right, not merely consistent
        expect(Math.abs(half[r * d + i] - closedForm(positions[r], d, 2 * i))).toBeLessThan(1e-4);
        expect(Math.abs(half[r * d + d / 2 + i] - closedForm(positions[r], d, 2 * i + 1))).toBeLessThan(1e-4);
      }
    }
  });

  for (const { d, base } of [
    { d: 512, base: 10000 },
    { d: 768, base: 10000 },
    { d: 64, base: 500000 },
  ]) {
    test(`values match the float64 formula within 1e-4 at positions 0, 1, 511, 4095, 8191 (d=${d}, base ${base})`, async () => {
      const positions = [0, 1, 511, 4095, 8191];
      const rows = await pe(positions, d, base);
      let worst = 0;
      positions.forEach((p, r) => {
        for (let k = 0; k < d; k++)
          worst = Math.max(worst, Math.abs(rows[r * d + k] - closedForm(p, d, k, base)));
      });
      expect(worst).toBeLessThan(1e-4);
    });
  }

  test('the scheme is additive and leaves no tensors behind', async () => {
    expect(sinusoidal.kind).toBe('additive');
    const before = tf.memory().numTensors;
    await pe([0, 1, 2], 16);
    expect(tf.memory().numTensors).toBe(before);
  });
});
