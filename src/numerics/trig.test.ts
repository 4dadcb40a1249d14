// numerics/trig.ts on the tfjs CPU backend (the TypeScript twin kernel), checked against float64 Math.sin/Math.cos
// of p·ω and against exact BigInt angle reduction (independent references, trigReference.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { cosSinHalves } from '../encodings/rotate.ts';
import { MAX_EXACT_POSITION, cosSinTable, range, reducedAngles, sinusoidTable } from './trig.ts';
import {
  FREQUENCY_SETS,
  exactSinCos,
  farPositions,
  firstPositions,
  maxError,
  omega,
} from './trigReference.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** The [cos | sin] table read back with data(), as its two halves. */
async function tables(positions: number[], turns: number[]) {
  const t = cosSinTable(positions, turns); // [P, 2F]
  try {
    expect(t.shape).toEqual([positions.length, 2 * turns.length]);
    const [cos, sin] = cosSinHalves((await t.data()) as Float32Array, positions.length, 2 * turns.length);
    return { sin, cos };
  } finally {
    t.dispose();
  }
}

async function worstError(positions: number[], ws: number[]) {
  const { sin, cos } = await tables(
    positions,
    ws.map((w) => w / (2 * Math.PI)),
  );
  const P = positions.length;
  const F = ws.length;
  return Math.max(
    maxError(sin, P, F, (r, j) => Math.sin(positions[r] * ws[j])),
    maxError(cos, P, F, (r, j) => Math.cos(positions[r] * ws[j])),
  );
}

describe('cosSinTable on the CPU backend', () => {
  for (const { d, base, cols } of FREQUENCY_SETS) {
    const ws = cols.map((i) => omega(d, base, i));
    test(`every position 0…8191 agrees with float64 within 1e-6 at d=${d}, base ${base} (${cols.length} pairs)`, async () => {
      expect(await worstError(firstPositions(8192), ws)).toBeLessThan(1e-6);
    });
    test(`300 seeded positions in 8192…2^20 − 1 and the last 16 agree within 1e-6 at d=${d}, base ${base}`, async () => {
      expect(await worstError(farPositions(300, d + base), ws)).toBeLessThan(1e-6);
    });
  }

  test('the fastest pair (ω = 1) gives sin(p) and cos(p) at p = 8191 and p = 2^20 − 1', async () => {
    const { sin, cos } = await tables([8191, 2 ** 20 - 1], [1 / (2 * Math.PI)]);
    expect(Math.abs(sin[0] - Math.sin(8191))).toBeLessThan(1e-6);
    expect(Math.abs(cos[0] - Math.cos(8191))).toBeLessThan(1e-6);
    expect(Math.abs(sin[1] - Math.sin(2 ** 20 - 1))).toBeLessThan(1e-6);
    expect(Math.abs(cos[1] - Math.cos(2 ** 20 - 1))).toBeLessThan(1e-6);
  });

  test('far beyond 2^20, up to 2^31 − 1, the table matches exact BigInt reduction of the same float64 frequency', async () => {
    const positions = [2 ** 24 + 1, 123456789, 2 ** 30 + 12345, 2 ** 31 - 2, 2 ** 31 - 1];
    const turns = [
      1 / (2 * Math.PI),
      omega(4096, 500000, 1) / (2 * Math.PI),
      omega(128, 10000, 63) / (2 * Math.PI),
    ];
    const { sin, cos } = await tables(positions, turns);
    const F = turns.length;
    expect(
      maxError(sin, positions.length, F, (r, j) => exactSinCos(positions[r], turns[j]).sin),
    ).toBeLessThan(1e-6);
    expect(
      maxError(cos, positions.length, F, (r, j) => exactSinCos(positions[r], turns[j]).cos),
    ).toBeLessThan(1e-6);
  });

  test('a run of consecutive positions up to 2^31 − 1 (the product stepped by 64-bit adds) matches exact BigInt reduction', async () => {
    const positions = Array.from({ length: 100 }, (_, i) => 2 ** 31 - 100 + i);
    const turns = [1 / (2 * Math.PI), omega(4096, 500000, 1) / (2 * Math.PI), 0.123456789, 0.999999];
    const { sin, cos } = await tables(positions, turns);
    const F = turns.length;
    expect(maxError(sin, 100, F, (r, j) => exactSinCos(positions[r], turns[j]).sin)).toBeLessThan(1e-6);
    expect(maxError(cos, 100, F, (r, j) => exactSinCos(positions[r], turns[j]).cos)).toBeLessThan(1e-6);
  });

  test('property: any position below 2^20 and any frequency match float64 within 1e-6', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2 ** 20 - 1 }), { minLength: 1, maxLength: 16 }),
        fc.array(fc.double({ min: 1e-9, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        async (positions, omegas) => {
          expect(await worstError(positions, omegas)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('reduced angles lie in [−π, π] and differ from p·ω by a whole number of turns', async () => {
    const positions = [0, 1, 2, 1000, 4095, 4096, 8191, 2 ** 20 - 1];
    const ws = [1, 0.5, 0.01, 1e-4];
    const angle = reducedAngles(
      positions,
      ws.map((w) => w / (2 * Math.PI)),
    );
    const a = (await angle.data()) as Float32Array;
    angle.dispose();
    positions.forEach((p, i) =>
      ws.forEach((w, j) => {
        const r = a[i * ws.length + j];
        expect(Math.abs(r)).toBeLessThanOrEqual(Math.fround(Math.PI));
        const turns = (p * w - r) / (2 * Math.PI);
        expect(Math.abs(turns - Math.round(turns))).toBeLessThan(1e-6);
      }),
    );
  });

  test('the tables leave no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await tables(firstPositions(64), [0.1, 0.01, 1e-4]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('sinusoidTable: the PE table [P, 2F] in one kernel', () => {
  const d = 64;
  const ws = Array.from({ length: d / 2 }, (_, i) => omega(d, 10000, i));
  const turns = ws.map((w) => w / (2 * Math.PI));
  const positions = [...firstPositions(128), ...farPositions(32, 7)];
  const P = positions.length;

  test('interleaved puts sin(pω_i) at column 2i and cos(pω_i) at 2i + 1, within 1e-6 of float64', async () => {
    const pe = sinusoidTable(positions, turns, 'interleaved'); // [P, d]
    expect(pe.shape).toEqual([P, d]);
    const x = (await pe.data()) as Float32Array;
    pe.dispose();
    const ref = (r: number, j: number) =>
      j % 2 === 0 ? Math.sin(positions[r] * ws[j >> 1]) : Math.cos(positions[r] * ws[j >> 1]);
    expect(maxError(x, P, d, ref)).toBeLessThan(1e-6);
  });

  test('half puts sin(pω_i) at column i and cos(pω_i) at d/2 + i, within 1e-6 of float64', async () => {
    const pe = sinusoidTable(positions, turns, 'half'); // [P, d]
    const x = (await pe.data()) as Float32Array;
    pe.dispose();
    const F = d / 2;
    const ref = (r: number, j: number) =>
      j < F ? Math.sin(positions[r] * ws[j]) : Math.cos(positions[r] * ws[j - F]);
    expect(maxError(x, P, d, ref)).toBeLessThan(1e-6);
  });

  test('empty inputs give empty tables of the right shape', () => {
    const a = sinusoidTable([], turns, 'half');
    const b = sinusoidTable([1, 2], [], 'interleaved');
    expect(a.shape).toEqual([0, d]);
    expect(b.shape).toEqual([2, 0]);
    tf.dispose([a, b]);
  });
});

describe('positions outside the exact range', () => {
  const bad = [2 ** 31, 2 ** 31 + 1, 1e12, -1, 0.5, 4095.25, Number.NaN, Number.POSITIVE_INFINITY];
  for (const p of bad) {
    test(`position ${p} throws an error that names the range 0…2147483647 and leaks nothing`, () => {
      const before = tf.memory().numTensors;
      expect(() => cosSinTable([0, 1, p], [0.1])).toThrow(/0…2147483647/);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  test('property: any integer position of 2^31 or more throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_EXACT_POSITION, max: 2 ** 40 }), (p) => {
        expect(() => reducedAngles([p], [0.1])).toThrow(/outside/);
      }),
      { numRuns: 50 },
    );
  });

  test('2^31 is the documented limit (positions travel as int32)', () => {
    expect(MAX_EXACT_POSITION).toBe(2 ** 31);
    expect(range(3)).toEqual(Float64Array.from([0, 1, 2]));
  });
});
