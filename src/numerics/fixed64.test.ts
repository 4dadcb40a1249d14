// The 64-bit fixed-point frequencies and the integer product that reduces angles, against BigInt arithmetic (an
// independent, exact reference).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_EXACT_POSITION, checkedPositions, fixedTurns, mulHi32, productMod64 } from './fixed64.ts';
import { sinOrCosOf64 } from './kernels/sincos.ts';
import { fixedTurnsBigInt, omega } from './trigReference.ts';

const words = (c: number) => {
  const w = fixedTurns([c]);
  return (BigInt(w[0]) << 32n) | BigInt(w[1]);
};
const MOD = 1n << 64n;

describe('fixedTurns: frequencies as round(frac(c)·2^64) in two u32 words', () => {
  const cases: Array<[string, number[]]> = [
    [
      'Vaswani d=512, base 10000',
      Array.from({ length: 256 }, (_, i) => omega(512, 10000, i) / (2 * Math.PI)),
    ],
    [
      'Llama 3 d=4096, base 500000',
      Array.from({ length: 2048 }, (_, i) => omega(4096, 500000, i) / (2 * Math.PI)),
    ],
    [
      'assorted',
      [0, 1, 0.5, 1 / 3, 0.25, 1e-9, 1e-20, 2 ** -64, 2 ** -65, 3 * 2 ** -66, 7.77e-5, 123.456, 2 ** 60],
    ],
    ['negative', [-1e-20, -0.1, -1 / 3, -2.5, -(2 ** -70)]],
  ];
  for (const [name, turns] of cases) {
    test(`${name}: every word pair equals the BigInt rounding of the exact float64 value`, () => {
      for (const c of turns) expect(words(c)).toBe(fixedTurnsBigInt(c));
    });
  }

  test('closed forms: ½ turn is 2^63, ¼ turn 2^62, a whole turn 0, and −¼ turn 2^64 − 2^62', () => {
    expect(words(0.5)).toBe(1n << 63n);
    expect(words(0.25)).toBe(1n << 62n);
    expect(words(3)).toBe(0n);
    expect(words(-0.25)).toBe(MOD - (1n << 62n));
  });

  test('property: for any finite c the words match BigInt and lie within 2^−65 turns of frac(c)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (c) => {
        expect(words(c)).toBe(fixedTurnsBigInt(c));
      }),
      { numRuns: 3000 },
    );
  });

  test('a non-finite frequency throws', () => {
    expect(() => fixedTurns([Number.NaN])).toThrow(/not a finite number/);
    expect(() => fixedTurns([Infinity])).toThrow(/not a finite number/);
  });
});

describe('the integer product p·C mod 2^64 from u32 words', () => {
  test('property: mulHi32(a, b) is ⌊a·b / 2^32⌋ for any u32 a, b', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (a, b) => {
        expect(BigInt(mulHi32(a, b))).toBe((BigInt(a) * BigInt(b)) >> 32n);
      }),
      { numRuns: 5000 },
    );
  });

  test('the extreme operands: (2^32 − 1)² and products with 0 and 1', () => {
    const m = 0xffffffff;
    expect(BigInt(mulHi32(m, m))).toBe((BigInt(m) * BigInt(m)) >> 32n);
    expect(mulHi32(m, 0)).toBe(0);
    expect(mulHi32(m, 1)).toBe(0);
  });

  test('property: productMod64(p, hi, lo) is p·(hi·2^32 + lo) mod 2^64 for any position below 2^31', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: MAX_EXACT_POSITION - 1 }),
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        (p, hi, lo) => {
          const [rh, rl] = productMod64(p, hi, lo);
          const expected = (BigInt(p) * ((BigInt(hi) << 32n) | BigInt(lo))) % MOD;
          expect((BigInt(rh) << 32n) | BigInt(rl)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('sin/cos of a 64-bit turn count (quarter-turn reduction + polynomials), in float64', () => {
  test('property: within 1e-9 of Math.sin/Math.cos of 2π·R/2^64 for any R', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MOD - 1n }), (R) => {
        const hi = Number(R >> 32n);
        const lo = Number(R & 0xffffffffn);
        const angle = (2 * Math.PI * Number(R)) / 2 ** 64;
        expect(Math.abs(sinOrCosOf64(hi, lo, false) - Math.sin(angle))).toBeLessThan(1e-9);
        expect(Math.abs(sinOrCosOf64(hi, lo, true) - Math.cos(angle))).toBeLessThan(1e-9);
      }),
      { numRuns: 5000 },
    );
  });

  test('the quadrant boundaries: 0, ⅛, ¼, ½, ¾ turn give the closed-form values', () => {
    const at = (R: bigint, cos: boolean) => sinOrCosOf64(Number(R >> 32n), Number(R & 0xffffffffn), cos);
    expect(at(0n, false)).toBe(0);
    expect(at(0n, true)).toBe(1);
    expect(Math.abs(at(1n << 61n, false) - Math.SQRT1_2)).toBeLessThan(1e-9); // ⅛ turn: sin(π/4) = √½
    expect(Math.abs(at(1n << 62n, false) - 1)).toBeLessThan(1e-15); // ¼ turn
    expect(Math.abs(at(1n << 63n, true) + 1)).toBeLessThan(1e-15); // ½ turn: cos π = −1
    expect(Math.abs(at(3n << 62n, false) + 1)).toBeLessThan(1e-15); // ¾ turn: sin(3π/2) = −1
  });
});

describe('checkedPositions', () => {
  test('accepts 0 and 2^31 − 1 and returns int32', () => {
    expect(Array.from(checkedPositions([0, 2 ** 31 - 1]))).toEqual([0, 2147483647]);
  });
});
