// f16/bf16 conversion checked against published bit patterns (IEEE 754 binary16, bfloat16), against float32 bits
// assembled by hand, and against the definition of round-to-nearest-even (brute force over neighbours).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bf16ToF32, decodeHalf, f16ToF32, f32ToF16, roundTripF16 } from './float16.ts';

const isNanPattern = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
const bitsToF32 = (bits: number) => new Float32Array(new Uint32Array([bits >>> 0]).buffer)[0];
const all16 = Uint16Array.from({ length: 65536 }, (_, i) => i);

describe('f16 bit patterns', () => {
  test.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x0400, 2 ** -14],
    [0x3555, 0.333251953125],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('pattern %#x decodes to %d and encodes back to the same pattern', (h, value) => {
    expect(f16ToF32(h)).toBe(value);
    expect(f32ToF16(value)).toBe(h);
  });

  test('0x7e00 decodes to NaN and NaN encodes to a NaN pattern', () => {
    expect(f16ToF32(0x7e00)).toBeNaN();
    expect(isNanPattern(f32ToF16(NaN))).toBe(true);
  });

  test('0x8000 is negative zero, and −0 encodes to 0x8000 while +0 encodes to 0x0000', () => {
    expect(Object.is(f16ToF32(0x8000), -0)).toBe(true);
    expect(f32ToF16(-0)).toBe(0x8000);
    expect(f32ToF16(0)).toBe(0x0000);
  });

  test('every one of the 65,536 patterns decodes to the float32 assembled from its bits by hand', () => {
    for (let h = 0; h < 65536; h++) {
      const sign = (h & 0x8000) << 16;
      const exp = (h >> 10) & 0x1f;
      const man = h & 0x3ff;
      let expected: number;
      if (exp === 0)
        expected = (sign ? -1 : 1) * (man / 16777216); // subnormal: man · 2^-24
      else if (exp === 0x1f) expected = bitsToF32(sign | 0x7f800000 | (man << 13));
      else expected = bitsToF32(sign | ((exp - 15 + 127) << 23) | (man << 13));
      if (Number.isNaN(expected)) expect(f16ToF32(h)).toBeNaN();
      else expect(Object.is(f16ToF32(h), expected)).toBe(true);
    }
  });

  test('all 65,536 patterns survive f16ToF32 then f32ToF16 unchanged (NaNs stay NaN)', () => {
    for (let h = 0; h < 65536; h++) {
      const back = f32ToF16(f16ToF32(h));
      if (isNanPattern(h)) expect(isNanPattern(back)).toBe(true);
      else expect(back).toBe(h);
    }
  });

  test('decodeHalf(f16) matches f16ToF32 on all 65,536 patterns', () => {
    const out = decodeHalf(all16, 'f16');
    for (let h = 0; h < 65536; h++) {
      const v = f16ToF32(h);
      if (Number.isNaN(v)) expect(out[h]).toBeNaN();
      else expect(Object.is(out[h], v)).toBe(true);
    }
  });
});

describe('f32 to f16 rounding', () => {
  test('ties go to the even mantissa: 1 + 2^-11 → 0x3c00 and 1 + 3·2^-11 → 0x3c02', () => {
    expect(f32ToF16(1 + 2 ** -11)).toBe(0x3c00);
    expect(f32ToF16(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(f32ToF16(-(1 + 3 * 2 ** -11))).toBe(0xbc02);
  });

  test('just above a tie rounds up, including when x is a double that float32 cannot hold', () => {
    expect(f32ToF16(1 + 2 ** -11 + 2 ** -23)).toBe(0x3c01);
    // 1 + 2^-11 + 2^-40 is not a float32; rounding it to float32 first would land on the tie and give 0x3c00
    expect(f32ToF16(1 + 2 ** -11 + 2 ** -40)).toBe(0x3c01);
    expect(f32ToF16(1 + 2 ** -11 - 2 ** -40)).toBe(0x3c00);
  });

  test('overflow: 65519.99 → 65504 (0x7bff), 65520 → +Inf (0x7c00), −65520 → −Inf, 1e40 → +Inf', () => {
    expect(f32ToF16(65519.99)).toBe(0x7bff);
    expect(f32ToF16(65520)).toBe(0x7c00);
    expect(f32ToF16(-65520)).toBe(0xfc00);
    expect(f32ToF16(1e40)).toBe(0x7c00);
  });

  test('subnormals round to nearest even: 2^-25 → 0, 3·2^-25 → 0x0002, 2^-25 + 2^-30 → 0x0001', () => {
    expect(f32ToF16(2 ** -25)).toBe(0x0000);
    expect(f32ToF16(3 * 2 ** -25)).toBe(0x0002);
    expect(f32ToF16(2 ** -25 + 2 ** -30)).toBe(0x0001);
    expect(f32ToF16(-(2 ** -25 + 2 ** -30))).toBe(0x8001);
    expect(f32ToF16(2 ** -26)).toBe(0x0000);
    expect(f32ToF16(1e-45)).toBe(0x0000); // a float32 subnormal
  });

  test('the largest subnormal plus half an ulp (a tie) rounds up to the smallest normal 0x0400', () => {
    expect(f32ToF16(1023.5 * 2 ** -24)).toBe(0x0400);
    expect(f32ToF16(1022.5 * 2 ** -24)).toBe(0x03fe);
  });

  test('any finite float32 maps to a nearest f16, with ties to the even pattern (brute force over neighbours)', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true, min: -65504, max: 65504 }), (x) => {
        const h = f32ToF16(x);
        const err = (p: number) => Math.abs(f16ToF32(p) - x);
        const sign = h & 0x8000;
        const mag = h & 0x7fff;
        const neighbours = [mag - 1, mag + 1].filter((m) => m >= 0 && m <= 0x7bff).map((m) => sign | m);
        if (mag === 0) neighbours.push((sign ^ 0x8000) | 1); // across zero
        for (const n of neighbours) {
          expect(err(h)).toBeLessThanOrEqual(err(n));
          if (err(h) === err(n)) expect(h & 1).toBe(0);
        }
      }),
      { numRuns: 20000 },
    );
  });

  test('roundTripF16 equals decoding the encoded value, element by element', () => {
    const values = new Float32Array([0.1, -3.14159, 1e-6, 70000, 0]);
    const expected = [0x2e66, 0xc248, 0x0011, 0x7c00, 0].map(f16ToF32); // patterns from the IEEE tables
    expect(Array.from(roundTripF16(values))).toEqual(expected);
  });
});

describe('bf16', () => {
  test.each([
    [0x3f80, 1],
    [0x4049, 3.140625],
    [0xc2f7, -123.5],
    [0x0000, 0],
    [0x7f80, Infinity],
    [0xff80, -Infinity],
  ])('pattern %#x decodes to %d', (b, value) => {
    expect(bf16ToF32(b)).toBe(value);
  });

  test('0x7fc0 is NaN and 0x8000 is −0', () => {
    expect(bf16ToF32(0x7fc0)).toBeNaN();
    expect(Object.is(bf16ToF32(0x8000), -0)).toBe(true);
  });

  test('decodeHalf(bf16) equals the float32 whose top 16 bits are the pattern, on all 65,536 patterns', () => {
    const out = decodeHalf(all16, 'bf16');
    const view = new DataView(new ArrayBuffer(4));
    for (let b = 0; b < 65536; b++) {
      view.setUint16(0, b); // big-endian: b is the high half of the word, low half stays 0
      const expected = view.getFloat32(0);
      if (Number.isNaN(expected)) expect(out[b]).toBeNaN();
      else expect(Object.is(out[b], expected)).toBe(true);
      expect(Object.is(bf16ToF32(b), out[b]) || Number.isNaN(out[b])).toBe(true);
    }
  });
});
