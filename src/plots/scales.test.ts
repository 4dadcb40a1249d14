// Colour maps against published anchor colours, not against d3's own output.
import { describe, expect, test } from 'vitest';
import { LUTS, LUT_SIZE, domainOf, lutFor, symmetricDomain } from './scales.ts';

const rgbOf = (word: number) => [word & 255, (word >>> 8) & 255, (word >>> 16) & 255];
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

/** Largest per-channel difference. */
const dist = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('colour maps', () => {
  test('viridis runs from #440154 to #fde725 (matplotlib, van der Walt & Smith 2015)', () => {
    const lut = lutFor('diverging', 'viridis');
    expect(dist(rgbOf(lut[0]), hex('#440154'))).toBeLessThanOrEqual(3);
    expect(dist(rgbOf(lut[LUT_SIZE - 1]), hex('#fde725'))).toBeLessThanOrEqual(3);
  });

  test('cividis runs from dark blue (0, 34, 78) to yellow (254, 232, 56) (Nuñez, Anderton & Renslow 2018, matplotlib table)', () => {
    const lut = lutFor('sequential', 'cividis');
    // d3's cividis is a polynomial fit of the published table: a few levels off at the dark end, and up to ~14
    // in blue at the yellow end, where the fit and the table part most.
    expect(dist(rgbOf(lut[0]), [0, 34, 78])).toBeLessThanOrEqual(4);
    expect(dist(rgbOf(lut[LUT_SIZE - 1]), [254, 232, 56])).toBeLessThanOrEqual(14);
    // No red anywhere: the blue channel never falls far below red at mid tones (cividis has no red hue).
    const mid = rgbOf(lut[LUT_SIZE / 2]);
    expect(Math.abs(mid[0] - mid[2])).toBeLessThan(30);
    // Monotone in lightness: the sum of channels rises from end to end.
    const sum = (w: number) => rgbOf(w).reduce((a, b) => a + b, 0);
    for (let i = 16; i < LUT_SIZE; i += 16) expect(sum(lut[i])).toBeGreaterThan(sum(lut[i - 16]));
  });

  test('RdBu maps 0 to white-ish, the negative end to ColorBrewer blue #053061 and the positive to red #67001f', () => {
    const lut = lutFor('sequential', 'rdbu');
    expect(dist(rgbOf(lut[0]), hex('#053061'))).toBeLessThanOrEqual(3);
    expect(dist(rgbOf(lut[LUT_SIZE - 1]), hex('#67001f'))).toBeLessThanOrEqual(3);
    const mid = rgbOf(lut[LUT_SIZE / 2]);
    expect(Math.min(...mid)).toBeGreaterThan(235);
  });

  test("'auto' keeps diverging for signed data and viridis for non-negative data", () => {
    expect(lutFor('diverging', 'auto')).toBe(LUTS.diverging);
    expect(lutFor('sequential', 'auto')).toBe(LUTS.sequential);
    expect(lutFor('sequential')).toBe(LUTS.sequential);
  });

  test('a symmetric domain covers every finite value and ignores NaN and infinities', () => {
    const d = symmetricDomain(new Float32Array([0.5, -2, NaN, Infinity]), new Float32Array([1.5]));
    expect(d).toEqual([-2, 2]);
    expect(symmetricDomain(new Float32Array([0, 0]))).toEqual([-1e-12, 1e-12]);
  });
});

describe('domainOf', () => {
  test('diverging: ±(largest finite magnitude); sequential: [min, max]; the same object for the same array', () => {
    const data = Float32Array.from([0.5, -3, 2, Infinity, NaN, 1]);
    expect(domainOf(data)).toEqual([-3, 3]);
    expect(domainOf(data, 'sequential')).toEqual([-3, 2]); // ±∞ and NaN are left out of both
    expect(domainOf(data)).toBe(domainOf(data));
    const weights = Float32Array.from([0.1, 0.7, 0.2]);
    expect(domainOf(weights, 'sequential')).toEqual([Math.fround(0.1), Math.fround(0.7)]);
    // a different array with the same values gets its own (equal) domain
    expect(domainOf(Float32Array.from(weights), 'sequential')).not.toBe(domainOf(weights, 'sequential'));
  });
});
