// Summary statistics for the bench: every figure is reported as the median and p95 of its repetitions.
// Quantiles use linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default):
// q(p) = x[h] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)p over the sorted samples, 0-based.
// @ts-check

/**
 * @param {readonly number[]} samples
 * @param {number} p in [0, 1]
 */
export function quantile(samples, p) {
  if (samples.length === 0) return NaN;
  const x = [...samples].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}

/**
 * @typedef {{ n: number, median: number, p95: number, min: number, max: number, mean: number }} Summary
 * @param {readonly number[]} samples
 * @returns {Summary}
 */
export function summarise(samples) {
  const n = samples.length;
  let sum = 0;
  for (const s of samples) sum += s;
  return {
    n,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: n ? Math.min(...samples) : NaN,
    max: n ? Math.max(...samples) : NaN,
    mean: n ? sum / n : NaN,
  };
}

/**
 * Ratio of two medians (a / b): how many times slower a is than b.
 * @param {Summary} a
 * @param {Summary} b
 */
export function ratio(a, b) {
  return a.median / b.median;
}

/**
 * A number for a table: 3 significant figures from 10 up, 2 decimals below, 2 significant figures under 0.01
 * (but 0 stays "0.00"); '–' for NaN or null.
 * @param {number | null | undefined} v
 */
export function fmt(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 0.01 || a === 0) return v.toFixed(2);
  return v.toPrecision(2);
}
