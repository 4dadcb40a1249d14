// Test-only references computed a different way from the app's code (plain float64 loops, power iteration), shared
// by unit and e2e tests.

/** Share of variance in the top two principal components of sinusoidal PE (d, base), positions 0…n−1. */
export function sinusoidalTopTwoShare(n: number, d: number, base: number): number {
  const X: number[][] = [];
  for (let p = 0; p < n; p++) {
    const row: number[] = [];
    for (let i = 0; i < d / 2; i++) {
      const a = p / base ** ((2 * i) / d);
      row.push(Math.sin(a), Math.cos(a));
    }
    X.push(row);
  }
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const C = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => X.reduce((s, r) => s + (r[a] - mean[a]) * (r[b] - mean[b]), 0) / n),
  );
  const trace = C.reduce((s, r, i) => s + r[i], 0);
  // power iteration with deflation: the two largest eigenvalues
  let top = 0;
  for (let k = 0; k < 2; k++) {
    let v = Array.from({ length: d }, (_, i) => 1 + i / d);
    let lambda = 0;
    for (let it = 0; it < 3000; it++) {
      const w = C.map((r) => r.reduce((s, c, j) => s + c * v[j], 0));
      const norm = Math.hypot(...w);
      v = w.map((x) => x / norm);
      lambda = norm;
    }
    top += lambda;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] -= lambda * v[a] * v[b];
  }
  return top / trace;
}
