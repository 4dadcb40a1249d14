// Learned absolute positions (GPT-2, BERT) as initialised: N(0, 0.02²), seeded, row p a function of (seed, p, d).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { learned } from './learned.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const range = (n: number) => Array.from({ length: n }, (_, p) => p);

/** The table rows for the given positions, row-major [P, d], read back with data(). */
async function table(positions: number[], d: number, seed: number): Promise<Float32Array> {
  const out = learned.compute({ positions, d, seed }, DEFAULT_SPEC.params);
  expect(out.pe.shape).toEqual([positions.length, d]);
  const data = (await out.pe.data()) as Float32Array;
  tf.dispose(out);
  return data;
}

describe('learned positional table', () => {
  test('entries have mean 0 and standard deviation 0.02 (GPT-2 initializer_range), within 5 standard errors', async () => {
    const x = await table(range(512), 256, 7);
    const n = x.length;
    let sum = 0;
    for (const v of x) sum += v;
    const mean = sum / n;
    let ss = 0;
    for (const v of x) ss += (v - mean) ** 2;
    const std = Math.sqrt(ss / (n - 1));
    // For n normal samples: SE(mean) = σ/√n, SE(std) ≈ σ/√(2n).
    expect(Math.abs(mean)).toBeLessThan((5 * 0.02) / Math.sqrt(n));
    expect(Math.abs(std - 0.02)).toBeLessThan((5 * 0.02) / Math.sqrt(2 * n));
  });

  test('68.27% of entries lie within one standard deviation, as for a normal distribution', async () => {
    const x = await table(range(512), 256, 11);
    const n = x.length;
    const inside = x.filter((v) => Math.abs(v) < 0.02).length / n;
    const p = 0.682689492; // erf(1/√2)
    expect(Math.abs(inside - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  test('the same seed gives the same table', async () => {
    const a = await table(range(64), 32, 42);
    const b = await table(range(64), 32, 42);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  test('a different seed gives a table with no entry in common position', async () => {
    const a = await table(range(64), 32, 42);
    const b = await table(range(64), 32, 43);
    let same = 0;
    for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
    expect(same).toBe(0);
  });

  test('row 5 is the same whether 12 or 512 positions are asked for, or position 5 alone', async () => {
    const d = 48;
    const short = await table(range(12), d, 3);
    const long = await table(range(512), d, 3);
    const alone = await table([5], d, 3);
    expect(Array.from(short.subarray(5 * d, 6 * d))).toEqual(Array.from(long.subarray(5 * d, 6 * d)));
    expect(Array.from(alone)).toEqual(Array.from(long.subarray(5 * d, 6 * d)));
  });

  test('distinct positions get distinct rows: no two of the first 512 rows are equal', async () => {
    const d = 16;
    const x = await table(range(512), d, 5);
    const seen = new Set<string>();
    for (let p = 0; p < 512; p++) seen.add(Array.from(x.subarray(p * d, (p + 1) * d)).join(','));
    expect(seen.size).toBe(512);
  });

  test('positions outside 0…1048575 or not integers are refused', () => {
    expect(() => learned.compute({ positions: [1_048_576], d: 8, seed: 0 }, DEFAULT_SPEC.params)).toThrow(
      /outside/,
    );
    expect(() => learned.compute({ positions: [-1], d: 8, seed: 0 }, DEFAULT_SPEC.params)).toThrow(/outside/);
    expect(() => learned.compute({ positions: [1.5], d: 8, seed: 0 }, DEFAULT_SPEC.params)).toThrow(
      /outside/,
    );
  });

  test('the scheme is additive and leaves no tensors behind', async () => {
    expect(learned.kind).toBe('additive');
    const before = tf.memory().numTensors;
    await table([0, 1, 2], 16, 0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('learned table from a checkpoint', () => {
  test('row p of the output is row p of the loaded table, for any order of positions', async () => {
    const rows = 5;
    const d = 3;
    // entry (p, j) = 10p + j: every value names its own place
    const data = Float32Array.from({ length: rows * d }, (_, i) => 10 * Math.floor(i / d) + (i % d));
    const out = learned.compute(
      { positions: [4, 0, 2], d, seed: 1, table: { rows, data } },
      DEFAULT_SPEC.params,
    );
    expect(Array.from(await out.pe.data())).toEqual([40, 41, 42, 0, 1, 2, 20, 21, 22]);
    tf.dispose(out);
  });

  test('a position past the loaded table is refused with its size, not filled in', () => {
    const table = { rows: 2, data: new Float32Array(4) };
    expect(() =>
      learned.compute({ positions: [0, 1, 2], d: 2, seed: 1, table }, DEFAULT_SPEC.params),
    ).toThrow('position 2 is past the loaded learned table, which has 2 positions');
  });
});

describe('learned rows far down a 2^20-row table and past d = 2048', () => {
  test('row 2^19 differs from row 0 (a stride of 8192 draws would wrap 2^32 there and repeat row 0)', async () => {
    const x = await table([0, 2 ** 19, 2 ** 20 - 1], 8, 3);
    expect(Array.from(x.subarray(8, 16))).not.toEqual(Array.from(x.subarray(0, 8)));
    expect(Array.from(x.subarray(16, 24))).not.toEqual(Array.from(x.subarray(0, 8)));
  });
  test('a row at d = 4096 starts with the same row at d = 2048, and its second half is a different draw', async () => {
    const wide = await table([5], 4096, 9);
    const narrow = await table([5], 2048, 9);
    expect(Array.from(wide.subarray(0, 2048))).toEqual(Array.from(narrow));
    expect(Array.from(wide.subarray(2048, 2058))).not.toEqual(Array.from(narrow.subarray(0, 10)));
  });
});
