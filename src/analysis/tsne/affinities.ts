// t-SNE's input affinities (van der Maaten & Hinton 2008), in float64: each row's Gaussian precision β is found
// by bisection so the row's perplexity 2^H is the requested one (squared Euclidean distances, as in van der
// Maaten's reference code); exact rows use all n − 1 others, Barnes–Hut rows the k = ⌊3·perplexity⌋ nearest
// (bruteForceKnn, or a precomputed list cut by firstNeighbours); the joint P = (P_{j|i} + P_{i|j}) / 2n is
// normalised to sum 1, dense for exact, CSR (the union of both kNN directions) for Barnes–Hut.

/** k nearest neighbours of each point, row-major [n, k], with squared distances. */
export interface Knn {
  k: number;
  indices: Int32Array;
  dist2: Float64Array | Float32Array;
}

/** Symmetric sparse joint P in CSR form: row i holds cols[rowStart[i]…rowStart[i+1]) with vals. */
export interface SparseRows {
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/**
 * Fills `out` with P_{j|i} ∝ exp(−β·dist2[j]) over one row's candidate neighbours, bisecting β until the
 * entropy is ln(perplexity) nats (perplexity above the number of candidates gives the uniform row).
 */
export function calibrateRow(dist2: ArrayLike<number>, perplexity: number, out: Float64Array): number {
  const len = dist2.length;
  if (len === 0) return 0;
  let min = Infinity;
  let mean = 0;
  for (let j = 0; j < len; j++) min = Math.min(min, dist2[j]);
  for (let j = 0; j < len; j++) mean += dist2[j] - min;
  mean /= len;
  const target = Math.log(perplexity);
  let beta = mean > 0 ? 1 / mean : 1;
  let lo = 0;
  let hi = Infinity;
  for (let iter = 0; iter < 200; iter++) {
    // Distances shifted by their minimum: the same row after normalising, without underflow.
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < len; j++) {
      const e = Math.exp(-beta * (dist2[j] - min));
      out[j] = e;
      sum += e;
      weighted += e * (dist2[j] - min);
    }
    const entropy = Math.log(sum) + (beta * weighted) / sum;
    if (Math.abs(entropy - target) < 1e-5) break; // as in the reference code
    if (entropy > target) {
      lo = beta;
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
  let sum = 0;
  for (let j = 0; j < len; j++) sum += out[j];
  for (let j = 0; j < len; j++) out[j] /= sum;
  return beta;
}

/** Squared distance between rows a and b of data [n, d], in float64. */
function dist2(data: ArrayLike<number>, d: number, a: number, b: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = data[a * d + t] - data[b * d + t];
    s += diff * diff;
  }
  return s;
}

/** Conditional P_{j|i} over all others, dense [n, n] with a zero diagonal. */
export function exactConditional(
  data: ArrayLike<number>,
  n: number,
  d: number,
  perplexity: number,
): Float64Array {
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) D[i * n + j] = D[j * n + i] = dist2(data, d, i, j);
  const P = new Float64Array(n * n);
  const row = new Float64Array(Math.max(n - 1, 0));
  const others = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0, t = 0; j < n; j++) if (j !== i) others[t++] = D[i * n + j];
    calibrateRow(others, perplexity, row);
    for (let j = 0, t = 0; j < n; j++) if (j !== i) P[i * n + j] = row[t++];
  }
  return P;
}

/** Brute-force k nearest neighbours (excluding the point itself), nearest first. */
export function bruteForceKnn(data: ArrayLike<number>, n: number, d: number, k: number): Knn {
  const indices = new Int32Array(n * k);
  const d2 = new Float64Array(n * k);
  const all = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n && k > 0; i++) {
    for (let j = 0; j < n; j++) all[j] = j === i ? Infinity : dist2(data, d, i, j);
    // Keep the k smallest with an insertion buffer: O(n·k) worst case, O(n) typical.
    let filled = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const v = all[j];
      if (filled === k && v >= all[order[k - 1]]) continue;
      let at = filled < k ? filled++ : k - 1;
      while (at > 0 && all[order[at - 1]] > v) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = j;
    }
    for (let t = 0; t < k; t++) {
      indices[i * k + t] = order[t];
      d2[i * k + t] = all[order[t]];
    }
  }
  return { k, indices, dist2: d2 };
}

/** Conditional P_{j|i} over each row's k nearest neighbours, in the Knn's layout [n, k]. */
export function knnConditional(knn: Knn, n: number, perplexity: number): Float64Array {
  const { k } = knn;
  const P = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    calibrateRow(knn.dist2.subarray(i * k, (i + 1) * k), perplexity, P.subarray(i * k, (i + 1) * k));
  }
  return P;
}

/** Joint P = (P_{j|i} + P_{i|j}) / 2n from dense conditional rows, normalised to sum 1 (in place). */
export function symmetriseDense(P: Float64Array, n: number): Float64Array {
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = P[i * n + j] + P[j * n + i];
      P[i * n + j] = P[j * n + i] = v;
      total += 2 * v;
    }
  }
  if (total > 0) for (let t = 0; t < P.length; t++) P[t] /= total;
  return P;
}

/** Joint sparse P from kNN conditional rows: the union of both directions, normalised to sum 1. */
export function symmetriseSparse(knn: Knn, cond: Float64Array, n: number): SparseRows {
  const { k } = knn;
  const count = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      count[i]++;
      count[knn.indices[i * k + t]]++;
    }
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + count[i];
  const fill = start.slice(0, n);
  const cols = new Int32Array(start[n]);
  const vals = new Float64Array(start[n]);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = knn.indices[i * k + t];
      const v = cond[i * k + t];
      cols[fill[i]] = j;
      vals[fill[i]++] = v;
      cols[fill[j]] = i;
      vals[fill[j]++] = v;
    }
  }
  // Merge duplicate (i, j) entries row by row: both directions were kNN.
  const rowStart = new Int32Array(n + 1);
  let out = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i];
    const e = start[i + 1];
    const idx = Array.from({ length: e - s }, (_, t) => s + t).sort((a, b) => cols[a] - cols[b]);
    const rowCols: number[] = [];
    const rowVals: number[] = [];
    for (const t of idx) {
      if (rowCols.length && rowCols[rowCols.length - 1] === cols[t]) rowVals[rowVals.length - 1] += vals[t];
      else {
        rowCols.push(cols[t]);
        rowVals.push(vals[t]);
      }
    }
    rowStart[i] = out;
    for (let t = 0; t < rowCols.length; t++) {
      cols[out] = rowCols[t];
      vals[out++] = rowVals[t];
      total += rowVals[t];
    }
  }
  rowStart[n] = out;
  const v = vals.slice(0, out);
  if (total > 0) for (let t = 0; t < out; t++) v[t] /= total;
  return { rowStart, cols: cols.slice(0, out), vals: v };
}

/** The first k columns of a wider neighbour list (nearest first). */
export function firstNeighbours(knn: Knn, n: number, k: number): Knn {
  if (knn.indices.length < n * knn.k || knn.dist2.length < n * knn.k)
    throw new RangeError(`knn must hold n·k = ${n * knn.k} entries`);
  if (knn.k === k) return knn;
  const indices = new Int32Array(n * k);
  const dist2 = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      indices[i * k + t] = knn.indices[i * knn.k + t];
      dist2[i * k + t] = knn.dist2[i * knn.k + t];
    }
  }
  return { k, indices, dist2 };
}
