// The RoPE scheme with #15's frequency rules, head_dim and partial rotary: its cos/sin tables against float64
// values computed with numpy (`python3 src/encodings/rope/reference.py`, lines "yarn table"), and rotate()
// against the closed form of a per-head, partly rotated vector.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type EncodingParams, type Layout } from '../../protocol/specs.ts';
import { rope } from '../rope.ts';
import { rotate } from '../rotate.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const params = (p: Partial<EncodingParams>): EncodingParams => ({ ...DEFAULT_SPEC.params, ...p });

describe('RoPE scheme with frequency rules', () => {
  test('YaRN tables are cos(p·θ′_i)·a and sin(p·θ′_i)·a with a = 1.138629, to 1e-5 up to p = 8191', async () => {
    const yarn = params({ ropeType: 'yarn', factor: 4, originalContext: 4096, headDim: 128 });
    const out = rope.compute({ positions: [1, 1000, 8191], d: 128, seed: 0 }, yarn);
    expect(out.cossin.shape).toEqual([3, 128]);
    const cs = await out.cossin.data(); // row r: cos of the 64 pairs, then their sin
    tf.dispose(out);
    // [position row, pair, cos·a, sin·a] from reference.py
    const want: Array<[number, number, number, number]> = [
      [0, 0, 0.6152041098606474, 0.9581236329364153],
      [0, 21, 1.137356380030408, 0.053828037163102686],
      [0, 63, 1.1386294356374933, 3.287171899691487e-5],
      [1, 21, -1.122570531535765, -0.19055811320491223],
      [1, 30, -1.1363172199949567, -0.07252701788739954],
      [2, 0, -0.7359992160958402, -0.8687819903100057],
      [2, 21, -0.6593627069678707, -0.9282875704439375],
      [2, 30, -0.7773244984017293, 0.8320117889580688],
      [2, 63, 1.1069424023610837, 0.2667499027849476],
    ];
    for (const [r, i, c, s] of want) {
      expect(Math.abs(cs[r * 128 + i] - c), `cos row ${r} pair ${i}`).toBeLessThan(1e-5);
      expect(Math.abs(cs[r * 128 + 64 + i] - s), `sin row ${r} pair ${i}`).toBeLessThan(1e-5);
    }
  });

  test('llama3 tables turn a divided pair at θ_i/8 and leave a kept pair at θ_i (closed form, p = 8191)', async () => {
    const p = params({ ropeType: 'llama3', base: 500000, factor: 8, originalContext: 8192, headDim: 128 });
    const out = rope.compute({ positions: [8191], d: 128, seed: 0 }, p);
    const sin = (await out.cossin.data()).subarray(64); // the sin half of the one row
    tf.dispose(out);
    const theta = (i: number) => Math.pow(500000, -i / 64);
    expect(Math.abs(sin[3] - Math.sin(8191 * theta(3)))).toBeLessThan(1e-5); // kept (wavelength < 2048)
    expect(Math.abs(sin[50] - Math.sin((8191 * theta(50)) / 8))).toBeLessThan(1e-5); // divided (> 8192)
  });

  test('rotary_pct 0.5 rotates only the first half of each head; head_dim 8 of d 16 rotates two heads alike', async () => {
    const base = 10000;
    const x = Array.from({ length: 16 }, (_, k) => Math.sin(1.7 * k + 0.3));
    for (const layout of ['interleaved', 'half'] as const) {
      const p = params({ headDim: 8, rotaryPct: 0.5, layout });
      const tables = rope.compute({ positions: [37], d: 16, seed: 0 }, p);
      expect(tables.cossin.shape).toEqual([1, 4]);
      const xt = tf.tensor2d([x]); // [1, 16]
      const y = rotate(xt, tables.cossin as tf.Tensor2D, layout, 8); // [1, 16]
      const got = await y.data();
      tf.dispose([xt, y, tables.cossin]);
      expect(Array.from(got)).toEqual(expectCloseList(reference(x, 37, 8, 4, layout, base), got));
    }
  });

  test('rotate() refuses a head_dim that does not divide the width or is narrower than the tables', () => {
    const tables = rope.compute({ positions: [0], d: 8, seed: 0 }, DEFAULT_SPEC.params); // cossin [1, 8]
    const x = tf.zeros([1, 12]) as tf.Tensor2D; // [1, 12]
    const cs = tables.cossin as tf.Tensor2D; // [1, 8]
    expect(() => rotate(x, cs, 'interleaved', 8)).toThrow(/head_dim 8/);
    expect(() => rotate(x, cs, 'interleaved', 6)).toThrow(/head_dim 6/);
    tf.dispose([x, cs]);
  });
});

/** Float64 closed form: heads of width hd, first n dims of each rotated by p·base^(−2i/n) in the layout. */
function reference(x: number[], p: number, hd: number, n: number, layout: Layout, base: number): number[] {
  const y = x.slice();
  for (let h = 0; h < x.length / hd; h++) {
    for (let i = 0; i < n / 2; i++) {
      const [a, b] = (layout === 'half' ? [i, i + n / 2] : [2 * i, 2 * i + 1]).map((k) => h * hd + k);
      const angle = p * Math.pow(base, (-2 * i) / n);
      y[a] = x[a] * Math.cos(angle) - x[b] * Math.sin(angle);
      y[b] = x[a] * Math.sin(angle) + x[b] * Math.cos(angle);
    }
  }
  return y;
}

/** The reference where each value is within 1e-6 of `got`, else the reference value itself (so toEqual fails). */
function expectCloseList(want: number[], got: ArrayLike<number>): number[] {
  return want.map((w, k) => (Math.abs(w - got[k]) < 1e-6 ? got[k] : w));
}
