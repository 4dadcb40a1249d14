// Test-only data and references for the t-SNE tests, written here from the definitions (not the app's code):
// Gaussian blobs, three well-separated centres, and KL(P‖Q) computed straight from its formula.
import { normals } from '../../numerics/rng.ts';

/** Gaussian blobs in d dimensions: `per` points around each of `centres`, unit spread. */
export function blobs(centres: number[][], per: number, seed: number) {
  const d = centres[0].length;
  const n = centres.length * per;
  const z = normals(n * d, seed);
  const data = new Float32Array(n * d);
  const labels: number[] = [];
  for (let c = 0; c < centres.length; c++) {
    for (let p = 0; p < per; p++) {
      const i = c * per + p;
      labels.push(c);
      for (let t = 0; t < d; t++) data[i * d + t] = centres[c][t] + z[i * d + t];
    }
  }
  return { data, labels, n, d };
}

/** Three centres 20 apart along different axes of a 10-D space. */
export const THREE = [
  [20, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 20, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 20, 0, 0, 0, 0, 0, 0, 0],
];

/** KL(P‖Q) for a dense joint P and layout Y, straight from the definition. */
export function klReference(P: Float64Array, Y: ArrayLike<number>, n: number): number {
  let Z = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j) Z += 1 / (1 + (Y[2 * i] - Y[2 * j]) ** 2 + (Y[2 * i + 1] - Y[2 * j + 1]) ** 2);
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = P[i * n + j];
      if (i === j || p === 0) continue;
      const q = 1 / (1 + (Y[2 * i] - Y[2 * j]) ** 2 + (Y[2 * i + 1] - Y[2 * j + 1]) ** 2) / Z;
      kl += p * Math.log(p / q);
    }
  }
  return kl;
}
