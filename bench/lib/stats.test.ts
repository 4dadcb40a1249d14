import { describe, expect, it } from 'vitest';
import { fmt, quantile, ratio, summarise } from './stats.mjs';

describe('bench statistics', () => {
  it('the median of 1…20 is 10.5 and its p95 is 19.05, as numpy.percentile gives', () => {
    const x = Array.from({ length: 20 }, (_, i) => 20 - i); // unsorted on purpose
    expect(quantile(x, 0.5)).toBeCloseTo(10.5, 12);
    // numpy.percentile(range(1, 21), 95) = 19.05: h = 19·0.95 = 18.05 → 19 + 0.05·(20 − 19)
    expect(quantile(x, 0.95)).toBeCloseTo(19.05, 12);
  });

  it('quantiles of an odd-length sample hit order statistics exactly', () => {
    const x = [5, 1, 4, 2, 3];
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 0.5)).toBe(3);
    expect(quantile(x, 1)).toBe(5);
    expect(quantile(x, 0.25)).toBe(2);
  });

  it('a single sample is every quantile, and an empty one is NaN', () => {
    expect(quantile([7], 0.95)).toBe(7);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it('the summary counts, bounds and averages the samples without reordering the input', () => {
    const x = [3, 1, 2, 10];
    const s = summarise(x);
    expect(x).toEqual([3, 1, 2, 10]);
    expect(s).toMatchObject({ n: 4, min: 1, max: 10, mean: 4, median: 2.5 });
    // h = 3·0.95 = 2.85 between 3 and 10 → 3 + 0.85·7
    expect(s.p95).toBeCloseTo(8.95, 12);
  });

  it('a ratio divides medians', () => {
    expect(ratio(summarise([10, 20, 30]), summarise([4, 5, 6]))).toBe(4);
  });

  it('table numbers keep three significant figures from 10 up, two decimals below, and two figures under 0.01', () => {
    expect(fmt(1234.5)).toBe('1235');
    expect(fmt(12.345)).toBe('12.3');
    expect(fmt(0.01234)).toBe('0.01');
    expect(fmt(0.004567)).toBe('0.0046');
    expect(fmt(0)).toBe('0.00');
    expect(fmt(NaN)).toBe('–');
    expect(fmt(null)).toBe('–');
  });
});
