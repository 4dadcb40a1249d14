// RoPE (Su et al. 2021): angle tables against float64, and rotate() against the paper's identities.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type Layout } from '../protocol/specs.ts';
import { rope } from './rope.ts';
import { rotate } from './rotate.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** Rows of xs rotated to their positions, row-major [T, d], read back with data(). */
async function rotated(
  xs: number[][],
  positions: number[],
  layout: Layout,
  base = 10000,
): Promise<Float32Array> {
  const d = xs[0].length;
  const tables = rope.compute({ positions, d, seed: 0 }, { ...DEFAULT_SPEC.params, base, layout });
  const x = tf.tensor2d(xs); // [T, d]
  const y = rotate(x, tables.cossin as tf.Tensor2D, layout); // [T, d]
  const data = (await y.data()) as Float32Array;
  tf.dispose([x, y, tables.cossin]);
  return data;
}

/** The paper's rotation in float64: pair i is (2i, 2i+1) or (i, i + d/2), turned counter-clockwise by pθ_i. */
function reference(x: number[], p: number, layout: Layout, base = 10000): number[] {
  const d = x.length;
  const y = x.slice();
  for (let i = 0; i < d / 2; i++) {
    const [a, b] = layout === 'half' ? [i, i + d / 2] : [2 * i, 2 * i + 1];
    const angle = p * Math.pow(base, (-2 * i) / d);
    y[a] = x[a] * Math.cos(angle) - x[b] * Math.sin(angle);
    y[b] = x[a] * Math.sin(angle) + x[b] * Math.cos(angle);
  }
  return y;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
};

const vector = (d: number) =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d });
const position = fc.integer({ min: 0, max: 8191 });
const layouts = fc.constantFrom<Layout>('interleaved', 'half');
const widthAndTwoVectors = fc
  .integer({ min: 1, max: 32 })
  .chain((h) => fc.tuple(fc.constant(2 * h), vector(2 * h), vector(2 * h)));

describe('RoPE', () => {
  test('property: ⟨R_m q, R_n k⟩ = ⟨R_(m−n) q, k⟩, the score depends on the offset only', async () => {
    await fc.assert(
      fc.asyncProperty(widthAndTwoVectors, position, position, async ([d, q, k], m, n) => {
        for (const layout of ['interleaved', 'half'] as const) {
          const abs = await rotated([q, k], [m, n], layout);
          const lhs = dot(abs.subarray(0, d), abs.subarray(d));
          // R_m^T R_n = R_(n−m): rotate q by m − n when that is a position, otherwise k by n − m.
          const rel =
            m >= n ? await rotated([q, k], [m - n, 0], layout) : await rotated([q, k], [0, n - m], layout);
          const rhs = dot(rel.subarray(0, d), rel.subarray(d));
          expect(Math.abs(lhs - rhs)).toBeLessThan(1e-4 * d);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('property: ‖R_m x‖ = ‖x‖, a rotation keeps the length', async () => {
    await fc.assert(
      fc.asyncProperty(
        widthAndTwoVectors,
        fc.integer({ min: 0, max: 8191 }),
        layouts,
        async ([d, x], m, layout) => {
          const y = await rotated([x], [m], layout);
          expect(Math.abs(Math.sqrt(dot(y, y)) - Math.sqrt(dot(x, x)))).toBeLessThan(1e-5 * d);
        },
      ),
      { numRuns: 60 },
    );
  });

  // q = k = 1 at d = 64, base 10000: ⟨R_m 1, R_(m+r) 1⟩ = Σ_i 2cos(rθ_i).
  for (const [offset, score] of [
    [0, 64],
    [1, 61.8337],
    [3, 51.1741],
    [10, 42.1033],
  ]) {
    test(`all-ones q and k at d=64 score ${score} at offset ${offset}, from any starting position`, async () => {
      const ones = Array.from({ length: 64 }, () => 1);
      for (const layout of ['interleaved', 'half'] as const) {
        for (const m of [0, 5, 1000, 8181]) {
          const y = await rotated([ones, ones], [m, m + offset], layout);
          expect(Math.abs(dot(y.subarray(0, 64), y.subarray(64)) - score)).toBeLessThan(1e-3);
        }
      }
    });
  }

  test('rotate() matches the float64 formula in both layouts (x′_a = x_a cos − x_b sin, x′_b = x_a sin + x_b cos)', async () => {
    const d = 16;
    const positions = [0, 1, 2, 77, 4095, 8191];
    const xs = positions.map((_, r) => Array.from({ length: d }, (_, k) => Math.sin(3 * r + 0.7 * k + 1)));
    for (const layout of ['interleaved', 'half'] as const) {
      const y = await rotated(xs, positions, layout);
      positions.forEach((p, r) => {
        const want = reference(xs[r], p, layout);
        for (let k = 0; k < d; k++) expect(Math.abs(y[r * d + k] - want[k])).toBeLessThan(1e-5);
      });
    }
  });

  test('the rotation is counter-clockwise: at d=2, (1, 0) at position 1 becomes (cos 1, sin 1)', async () => {
    for (const layout of ['interleaved', 'half'] as const) {
      const y = await rotated([[1, 0]], [1], layout);
      expect(Math.abs(y[0] - Math.cos(1))).toBeLessThan(1e-6);
      expect(Math.abs(y[1] - Math.sin(1))).toBeLessThan(1e-6);
    }
  });

  test('interleaved and rotate-half agree after moving dimension 2i to i and 2i+1 to i + d/2', async () => {
    const d = 32;
    const positions = [0, 3, 100, 8000];
    const xs = positions.map((_, r) => Array.from({ length: d }, (_, k) => Math.cos(5 * r + 1.3 * k)));
    const toHalf = (x: number[]) => [...x.filter((_, k) => k % 2 === 0), ...x.filter((_, k) => k % 2 === 1)];
    const inter = await rotated(xs, positions, 'interleaved');
    const half = await rotated(xs.map(toHalf), positions, 'half');
    for (let r = 0; r < positions.length; r++) {
      for (let i = 0; i < d / 2; i++) {
        expect(Math.abs(half[r * d + i] - inter[r * d + 2 * i])).toBeLessThan(1e-6);
        expect(Math.abs(half[r * d + d / 2 + i] - inter[r * d + 2 * i + 1])).toBeLessThan(1e-6);
      }
    }
  });

  for (const base of [10000, 500000]) {
    test(`the cos|sin table matches Math.cos/Math.sin of p·base^(−2i/d) within 1e-4 at d=1024 (base ${base})`, async () => {
      const d = 1024;
      const positions = [0, 1, 511, 4095, 8191];
      const out = rope.compute({ positions, d, seed: 0 }, { ...DEFAULT_SPEC.params, base });
      expect(out.cossin.shape).toEqual([positions.length, d]);
      const cs = await out.cossin.data(); // row r: cos of pairs 0…d/2−1, then their sin
      tf.dispose(out);
      let worst = 0;
      positions.forEach((p, r) => {
        for (let i = 0; i < d / 2; i++) {
          const angle = p * Math.pow(base, (-2 * i) / d);
          worst = Math.max(worst, Math.abs(cs[r * d + i] - Math.cos(angle)));
          worst = Math.max(worst, Math.abs(cs[r * d + d / 2 + i] - Math.sin(angle)));
        }
      });
      expect(worst).toBeLessThan(1e-4);
    });
  }

  test('rotate() refuses tables whose width is not d/2', () => {
    const tables = rope.compute({ positions: [0, 1], d: 8, seed: 0 }, DEFAULT_SPEC.params);
    const x = tf.zeros([2, 16]) as tf.Tensor2D; // [2, 16]
    expect(() => rotate(x, tables.cossin as tf.Tensor2D, 'interleaved')).toThrow(/d\/2/);
    tf.dispose([x, tables.cossin]);
  });

  test('the scheme is rotary and compute plus rotate leave no tensors behind', async () => {
    expect(rope.kind).toBe('rotary');
    const before = tf.memory().numTensors;
    await rotated([[1, 2, 3, 4]], [3], 'interleaved');
    await rotated([[1, 2, 3, 4]], [3], 'half');
    expect(tf.memory().numTensors).toBe(before);
  });
});
