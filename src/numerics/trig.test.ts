// numerics/trig.ts on the tfjs CPU backend, checked against float64 Math.sin/Math.cos (an independent reference).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_EXACT_POSITION, range, reducedAngles, sinCosTable, splitTurns } from './trig.ts';
import { pairTurns } from '../encodings/scheme.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** ω_i = base^(−2i/d) in float64, written out here rather than taken from the code under test. */
function omega(d: number, base: number, i: number): number {
  return Math.pow(base, (-2 * i) / d);
}

/** Largest |table[p, j] − ref(p, j)| over a [P, F] row-major table. */
function maxError(table: Float32Array, P: number, F: number, ref: (p: number, j: number) => number): number {
  let worst = 0;
  for (let p = 0; p < P; p++) {
    for (let j = 0; j < F; j++) worst = Math.max(worst, Math.abs(table[p * F + j] - ref(p, j)));
  }
  return worst;
}

/** sin and cos tables for the given positions and columns i of pairTurns(d, base), read back with data(). */
async function tables(positions: ArrayLike<number>, d: number, base: number, columns: number[]) {
  const all = pairTurns(d, base);
  const turns = columns.map((i) => all[i]);
  const { sin, cos } = sinCosTable(positions, turns);
  try {
    return { sin: (await sin.data()) as Float32Array, cos: (await cos.data()) as Float32Array };
  } finally {
    tf.dispose([sin, cos]);
  }
}

const ALL_POSITIONS = range(MAX_EXACT_POSITION); // 0…8191

describe('sinCosTable on the CPU backend', () => {
  const cases: Array<{ d: number; base: number; columns: number[] }> = [
    // d = 1024, base 10000: the fastest pair (ω = 1), the slowest, and columns in between.
    { d: 1024, base: 10000, columns: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 510, 511] },
    // Llama 3's base 500000.
    { d: 1024, base: 500000, columns: [0, 1, 2, 7, 31, 100, 255, 400, 511] },
    // A small model, every column.
    { d: 16, base: 10000, columns: [0, 1, 2, 3, 4, 5, 6, 7] },
  ];

  for (const { d, base, columns } of cases) {
    test(`sin and cos agree with float64 within 1e-5 for every position 0…8191 at d=${d}, base ${base}`, async () => {
      const { sin, cos } = await tables(ALL_POSITIONS, d, base, columns);
      const F = columns.length;
      const ws = columns.map((i) => omega(d, base, i));
      const sinErr = maxError(sin, MAX_EXACT_POSITION, F, (p, j) => Math.sin(p * ws[j]));
      const cosErr = maxError(cos, MAX_EXACT_POSITION, F, (p, j) => Math.cos(p * ws[j]));
      expect(sinErr).toBeLessThan(1e-5);
      expect(cosErr).toBeLessThan(1e-5);
    });
  }

  test('the fastest pair (ω = 1) gives sin(p) and cos(p) at the largest position 8191', async () => {
    const { sin, cos } = await tables([8191], 1024, 10000, [0]);
    // float64 reference values of sin(8191) and cos(8191).
    expect(Math.abs(sin[0] - Math.sin(8191))).toBeLessThan(1e-5);
    expect(Math.abs(cos[0] - Math.cos(8191))).toBeLessThan(1e-5);
  });

  test('property: any position below 8192 and any frequency match float64 within 1e-5', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: MAX_EXACT_POSITION - 1 }), { minLength: 1, maxLength: 16 }),
        fc.array(fc.double({ min: 1e-9, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        async (positions, omegas) => {
          const turns = omegas.map((w) => w / (2 * Math.PI));
          const { sin, cos } = sinCosTable(positions, turns);
          const [s, c] = [(await sin.data()) as Float32Array, (await cos.data()) as Float32Array];
          tf.dispose([sin, cos]);
          const P = positions.length;
          const F = omegas.length;
          expect(maxError(s, P, F, (p, j) => Math.sin(positions[p] * omegas[j]))).toBeLessThan(1e-5);
          expect(maxError(c, P, F, (p, j) => Math.cos(positions[p] * omegas[j]))).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('reduced angles lie in [−π, π] and differ from p·ω by a whole number of turns', async () => {
    const positions = [0, 1, 2, 1000, 4095, 4096, 8191];
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
    await tables(range(64), 64, 10000, [0, 1, 31]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('splitTurns', () => {
  /** Number of significant bits of a float32 value, read from its bit pattern. */
  function significantBits(x: number): number {
    if (x === 0) return 0;
    const bits = new Uint32Array(new Float32Array([x]).buffer)[0];
    const exponent = (bits >>> 23) & 0xff;
    expect(exponent).toBeGreaterThan(0); // a normal number, so the implicit leading 1 is there
    let mantissa = bits & 0x7fffff;
    let trailingZeros = 0;
    while (trailingZeros < 23 && (mantissa & 1) === 0) {
      mantissa >>>= 1;
      trailingZeros++;
    }
    return 24 - trailingZeros;
  }

  const frequencySets: Array<[string, number[]]> = [
    ['pairTurns(1024, 10000)', Array.from(pairTurns(1024, 10000))],
    ['pairTurns(2048, 500000)', Array.from(pairTurns(2048, 500000))],
    ['pairTurns(2, 10000)', Array.from(pairTurns(2, 10000))],
    ['assorted turns', [1, 0.5, 1 / 3, 1 / (2 * Math.PI), 1e-9, 0.123456789, 7.77e-5]],
  ];

  for (const [name, turns] of frequencySets) {
    test(`hi + mid + lo gives back the float64 turns of ${name} (lo is float32, so within 2^−46 relative)`, () => {
      const { hi, mid, lo } = splitTurns(turns);
      turns.forEach((c, i) => {
        // hi and mid are float32 values with 11 significant bits; lo is the float32 rounding of the rest, whose
        // size is at most 2^−22·|c|, so the sum is off by at most half a float32 ulp of lo: 2^−46·|c|.
        expect(Math.abs(hi[i] + mid[i] + lo[i] - c)).toBeLessThanOrEqual(2 ** -46 * Math.abs(c));
        expect(Math.abs(lo[i])).toBeLessThanOrEqual(2 ** -22 * Math.abs(c));
      });
    });

    test(`hi and mid of ${name} carry at most 11 significant bits, so p·hi and p·mid are exact in float32`, () => {
      const { hi, mid } = splitTurns(turns);
      const probes = [1, 3, 4095, 4097, 8191];
      for (let i = 0; i < turns.length; i++) {
        expect(significantBits(hi[i])).toBeLessThanOrEqual(11);
        expect(significantBits(mid[i])).toBeLessThanOrEqual(11);
        for (const p of probes) {
          expect(Math.fround(p * hi[i])).toBe(p * hi[i]);
          expect(Math.fround(p * mid[i])).toBe(p * mid[i]);
        }
      }
    });
  }

  test('property: for any positive turns, the chunks sum back within 2^−46 relative and hi, mid have ≤ 11 bits', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e3, noNaN: true }), (c) => {
        const { hi, mid, lo } = splitTurns([c]);
        expect(Math.abs(hi[0] + mid[0] + lo[0] - c)).toBeLessThanOrEqual(2 ** -46 * c);
        expect(significantBits(hi[0])).toBeLessThanOrEqual(11);
        expect(significantBits(mid[0])).toBeLessThanOrEqual(11);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('positions outside the exact range', () => {
  const bad = [8192, 8193, 1e6, -1, 0.5, 4095.25, Number.NaN, Number.POSITIVE_INFINITY];
  for (const p of bad) {
    test(`position ${p} throws an error that names the range 0…8191 and leaks nothing`, () => {
      const before = tf.memory().numTensors;
      expect(() => sinCosTable([0, 1, p], [0.1])).toThrow(/0…8191/);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  test('property: any integer position of 8192 or more throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_EXACT_POSITION, max: 2 ** 31 }), (p) => {
        expect(() => reducedAngles([p], [0.1])).toThrow(/outside/);
      }),
      { numRuns: 50 },
    );
  });

  test('8192 is 2^13, the documented limit', () => {
    expect(MAX_EXACT_POSITION).toBe(2 ** 13);
  });
});
