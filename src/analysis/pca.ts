// Principal component analysis of the rows of x [n, d]. The device centres x and forms the small symmetric
// matrix: the d×d scatter XcᵀXc when n ≥ d, else the n×n Gram XcXcᵀ (same non-zero eigenvalues). That matrix
// is read back and solved in float64 (eigen.ts); scores = Xc·componentsᵀ run on the device again.
// Conventions:
// - components are unit rows [k, d], each signed so that its largest-|value| entry (the first, on ties) is > 0;
// - explained[j] = λ_j / trace = the share of the total variance along component j (Σ over all d is 1);
// - components past the data's rank (k > n − 1) are completed to an orthonormal set and explain 0.
import * as tf from '@tensorflow/tfjs-core';
import { symmetricEigen } from '../numerics/eigen.ts';

export interface PcaResult {
  /** Unit principal directions, row-major [k, d], largest variance first. */
  components: Float32Array;
  /** Coordinates of each centred row along each component, row-major [n, k]. */
  scores: Float32Array;
  /** Share of the total variance along each component: λ_j / Σλ. */
  explained: number[];
  /** Column means that were subtracted, [d]. */
  mean: Float32Array;
  /** Total variance Σλ = trace of the sample covariance (divided by n − 1). */
  totalVariance: number;
}

/** The share of the total variance that the first `count` components explain together (≤ 1). */
export function explainedShare(explained: readonly number[], count = explained.length): number {
  let sum = 0;
  for (let j = 0; j < Math.min(count, explained.length); j++) sum += explained[j];
  return sum;
}

/** Makes the largest-|value| entry of each row of `rows` [k, d] positive (first such entry on ties). */
function fixSigns(rows: Float64Array, k: number, d: number): void {
  for (let j = 0; j < k; j++) {
    let at = j * d;
    for (let i = j * d; i < (j + 1) * d; i++) if (Math.abs(rows[i]) > Math.abs(rows[at])) at = i;
    if (rows[at] < 0) for (let i = j * d; i < (j + 1) * d; i++) rows[i] = -rows[i];
  }
}

/**
 * Orthonormalises rows 0…k−1 of `rows` [k, d] in order (modified Gram–Schmidt). A row whose component
 * orthogonal to the earlier ones is negligible, or that is not `usable`, is replaced by the unit vector e_i
 * least covered by the earlier rows, made orthogonal to them: a valid direction in the data's null space.
 */
function orthonormalise(rows: Float64Array, k: number, d: number, usable: (j: number) => boolean): void {
  for (let j = 0; j < k; j++) {
    const row = rows.subarray(j * d, (j + 1) * d);
    let before = 0;
    for (let i = 0; i < d; i++) before += row[i] * row[i];
    const project = () => {
      for (let t = 0; t < j; t++) {
        const prev = rows.subarray(t * d, (t + 1) * d);
        let dot = 0;
        for (let i = 0; i < d; i++) dot += prev[i] * row[i];
        for (let i = 0; i < d; i++) row[i] -= dot * prev[i];
      }
      let norm2 = 0;
      for (let i = 0; i < d; i++) norm2 += row[i] * row[i];
      return norm2;
    };
    let norm2 = usable(j) && before > 0 ? project() : 0;
    if (!(norm2 > 1e-6 * before)) {
      let best = 0;
      let bestRest = -1;
      for (let i = 0; i < d; i++) {
        let covered = 0;
        for (let t = 0; t < j; t++) covered += rows[t * d + i] ** 2;
        if (1 - covered > bestRest) {
          bestRest = 1 - covered;
          best = i;
        }
      }
      row.fill(0);
      row[best] = 1;
      norm2 = project();
      norm2 = project(); // twice is enough for orthogonality to rounding (Kahan–Parlett)
    }
    const scale = 1 / Math.sqrt(norm2);
    for (let i = 0; i < d; i++) row[i] *= scale;
  }
}

/** The top k principal components of the rows of x [n, d] (1 ≤ k ≤ d). */
export async function pca(x: tf.Tensor2D, k: number): Promise<PcaResult> {
  const [n, d] = x.shape;
  if (n < 1) throw new RangeError('PCA needs at least one row');
  if (!Number.isInteger(k) || k < 1 || k > d)
    throw new RangeError(`k must be an integer from 1 to ${d}, got ${k}`);
  const gramPath = n < d;
  const m = gramPath ? n : d;
  const { mean, centred, small } = tf.tidy(() => {
    const mean = tf.mean(x, 0) as tf.Tensor1D; // [d]
    const centred = tf.sub(x, mean) as tf.Tensor2D; // [n, d]
    const small = gramPath
      ? tf.matMul(centred, centred, false, true) // [n, n]
      : tf.matMul(centred, centred, true, false); // [d, d]
    return { mean, centred, small };
  });
  const owned: tf.Tensor[] = [mean, centred, small];
  try {
    const [meanData, smallData] = await Promise.all([mean.data(), small.data()]);
    small.dispose();
    // Symmetrise in float64 (the lower triangle is what the solver reads).
    const a = new Float64Array(m * m);
    let trace = 0;
    for (let i = 0; i < m; i++) {
      trace += smallData[i * m + i];
      for (let j = 0; j <= i; j++) a[i * m + j] = 0.5 * (smallData[i * m + j] + smallData[j * m + i]);
    }
    const kk = Math.min(k, m);
    const { values, vectors } = symmetricEigen(a, m, kk);
    const lambda = (j: number) => (j < kk ? Math.max(values[j], 0) : 0);
    // Directions with λ below float32 noise in the read-back matrix carry no variance to speak of.
    const noise = 1e-6 * Math.max(trace, Number.MIN_VALUE);

    let comps: Float64Array;
    if (!gramPath) {
      comps = vectors.slice(0, k * d);
    } else {
      // Xcᵀu_j is along component j (length √λ_j); normalising the row makes it unit.
      const u = tf.tensor2d(Float32Array.from(vectors), [kk, n]); // [kk, n]
      owned.push(u);
      const raw = tf.matMul(u, centred); // [kk, d]
      owned.push(raw);
      const rawData = await raw.data();
      comps = new Float64Array(k * d);
      comps.set(rawData);
      orthonormalise(comps, k, d, (j) => lambda(j) > noise);
    }
    fixSigns(comps, k, d);
    const components = Float32Array.from(comps);

    const c = tf.tensor2d(components, [k, d]); // [k, d]
    owned.push(c);
    const s = tf.matMul(centred, c, false, true); // [n, k]
    owned.push(s);
    const scores = Float32Array.from(await s.data());

    const explained = Array.from({ length: k }, (_, j) => (trace > 0 ? lambda(j) / trace : 0));
    return {
      components,
      scores,
      explained,
      mean: Float32Array.from(meanData),
      totalVariance: trace / Math.max(n - 1, 1),
    };
  } finally {
    tf.dispose(owned);
  }
}
