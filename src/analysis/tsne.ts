// t-SNE in 2-D (van der Maaten & Hinton 2008), exact O(n²) or Barnes–Hut O(n log n) (van der Maaten 2014),
// plain JS in float64, as a stepper so the worker can stream layouts between slices of iterations.
// Conventions, as in van der Maaten's reference code:
// - input affinities use squared Euclidean distances; each row's Gaussian precision β is found by bisection so
//   the row's perplexity 2^H (H in bits) is the requested one; exact uses all n − 1 others, Barnes–Hut the
//   ⌊3·perplexity⌋ nearest; P = (P_{j|i} + P_{i|j}) / 2n, normalised to sum 1;
// - Y starts as 1e-4·N(0, 1) from the seeded stream of numerics/rng.ts; early exaggeration 12 and
//   momentum 0.5 for the first 250 iterations, then 1 and 0.8; per-coordinate gains (+0.2 when the gradient
//   flips sign against the last step, ×0.8 otherwise, at least 0.01); Y is re-centred after every step;
// - Barnes–Hut treats a quadtree cell as one point when its half-width / distance to its centre of mass < θ,
//   as bhtsne does (θ = 0 gives the exact forces).
import { normals } from '../numerics/rng.ts';

export type TsneMethod = 'exact' | 'barnes-hut';

export interface TsneOptions {
  perplexity?: number;
  /** Step size; 'auto' = max(n / 12 / 4, 50). */
  learningRate?: number | 'auto';
  seed?: number;
  method?: TsneMethod;
  /** Barnes–Hut accuracy, 0 (exact) … ~1 (fast). */
  theta?: number;
  /** Precomputed nearest neighbours for Barnes–Hut (e.g. from the GPU); computed by brute force if absent. */
  knn?: Knn;
}

export interface Tsne {
  /** Runs this many more gradient steps. */
  step(iterations: number): void;
  /** The current layout, row-major [n, 2]. */
  positions(): Float32Array;
  /** Steps run so far. */
  readonly iteration: number;
  /** KL(P‖Q) of the current layout: exact for n ≤ KL_EXACT_MAX, else with a Barnes–Hut estimate of Z. */
  kl(): number;
}

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

export const EARLY_EXAGGERATION = 12;
/** Iterations with exaggeration and the lower momentum. */
export const EXAGGERATION_ITERATIONS = 250;
export const EXACT_MAX = 3000;
export const KL_EXACT_MAX = 2000;
const MIN_GAIN = 0.01;

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

/** A 2-D quadtree over Y in flat arrays, rebuilt every iteration into the same buffers. */
export interface Quadtree {
  size: number;
  cx: Float64Array;
  cy: Float64Array;
  half: Float64Array;
  mass: Int32Array;
  comX: Float64Array;
  comY: Float64Array;
  /** First of four consecutive children, or −1 for a leaf. */
  child: Int32Array;
  /** A leaf's points are order[start…end). */
  start: Int32Array;
  end: Int32Array;
  order: Int32Array;
  scratch: Int32Array;
}

const MAX_DEPTH = 50;

function allocNodes(tree: Quadtree, count: number): number {
  const at = tree.size;
  if (at + count > tree.cx.length) {
    const cap = Math.max(2 * tree.cx.length, at + count);
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    tree.cx = grow(tree.cx);
    tree.cy = grow(tree.cy);
    tree.half = grow(tree.half);
    tree.mass = grow(tree.mass);
    tree.comX = grow(tree.comX);
    tree.comY = grow(tree.comY);
    tree.child = grow(tree.child);
    tree.start = grow(tree.start);
    tree.end = grow(tree.end);
  }
  tree.size += count;
  return at;
}

function buildNode(tree: Quadtree, Y: Float64Array, node: number, s: number, e: number, depth: number): void {
  const { order } = tree;
  let sx = 0;
  let sy = 0;
  for (let t = s; t < e; t++) {
    sx += Y[2 * order[t]];
    sy += Y[2 * order[t] + 1];
  }
  const count = e - s;
  tree.mass[node] = count;
  tree.comX[node] = count > 0 ? sx / count : 0;
  tree.comY[node] = count > 0 ? sy / count : 0;
  tree.start[node] = s;
  tree.end[node] = e;
  tree.child[node] = -1;
  if (count <= 1 || depth >= MAX_DEPTH) return;
  // Counting sort of order[s…e) into the quadrants (x ≥ cx) + 2·(y ≥ cy).
  const cx = tree.cx[node];
  const cy = tree.cy[node];
  const { scratch } = tree;
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  for (let t = s; t < e; t++) {
    const q = (Y[2 * order[t]] >= cx ? 1 : 0) + (Y[2 * order[t] + 1] >= cy ? 2 : 0);
    if (q === 0) n0++;
    else if (q === 1) n1++;
    else if (q === 2) n2++;
  }
  let a0 = s;
  let a1 = s + n0;
  let a2 = a1 + n1;
  let a3 = a2 + n2;
  for (let t = s; t < e; t++) {
    const i = order[t];
    const q = (Y[2 * i] >= cx ? 1 : 0) + (Y[2 * i + 1] >= cy ? 2 : 0);
    if (q === 0) scratch[a0++] = i;
    else if (q === 1) scratch[a1++] = i;
    else if (q === 2) scratch[a2++] = i;
    else scratch[a3++] = i;
  }
  for (let t = s; t < e; t++) order[t] = scratch[t];
  const first = allocNodes(tree, 4);
  tree.child[node] = first;
  const h = tree.half[node] / 2;
  const ends = [a0, a1, a2, a3];
  for (let q = 0; q < 4; q++) {
    tree.cx[first + q] = cx + (q & 1 ? h : -h);
    tree.cy[first + q] = cy + (q & 2 ? h : -h);
    tree.half[first + q] = h;
    buildNode(tree, Y, first + q, q === 0 ? s : ends[q - 1], ends[q], depth + 1);
  }
}

/** Builds the quadtree of the n points Y [n, 2], reusing `reuse`'s buffers when given. */
export function buildQuadtree(Y: Float64Array, n: number, reuse?: Quadtree): Quadtree {
  const cap = Math.max(4 * n + 1, 16);
  const tree: Quadtree = reuse ?? {
    size: 0,
    cx: new Float64Array(cap),
    cy: new Float64Array(cap),
    half: new Float64Array(cap),
    mass: new Int32Array(cap),
    comX: new Float64Array(cap),
    comY: new Float64Array(cap),
    child: new Int32Array(cap),
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    order: new Int32Array(n),
    scratch: new Int32Array(n),
  };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, Y[2 * i]);
    maxX = Math.max(maxX, Y[2 * i]);
    minY = Math.min(minY, Y[2 * i + 1]);
    maxY = Math.max(maxY, Y[2 * i + 1]);
  }
  for (let i = 0; i < n; i++) tree.order[i] = i;
  tree.size = 0;
  const root = allocNodes(tree, 1);
  tree.cx[root] = n > 0 ? (minX + maxX) / 2 : 0;
  tree.cy[root] = n > 0 ? (minY + maxY) / 2 : 0;
  tree.half[root] = n > 0 ? Math.max(maxX - minX, maxY - minY) / 2 + 1e-12 : 1;
  buildNode(tree, Y, root, 0, n, 0);
  return tree;
}

/**
 * For each point i: out_i = Σ_{j≠i} num_ij²·(y_i − y_j), num_ij = 1/(1 + ‖y_i − y_j‖²), a cell standing in for
 * its points when half-width/distance < θ (bhtsne's rule). Returns the matching estimate of Z = Σ_{i≠j} num_ij.
 */
export function quadtreeRepulsion(
  tree: Quadtree,
  Y: Float64Array,
  n: number,
  theta: number,
  out: Float64Array,
): number {
  const stack = new Int32Array(4 * MAX_DEPTH + 8);
  const theta2 = theta * theta;
  const { mass, child, comX, comY, half, order, start, end } = tree;
  let Z = 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    let fx = 0;
    let fy = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const m = mass[node];
      if (m === 0) continue;
      const first = child[node];
      if (first < 0) {
        for (let t = start[node]; t < end[node]; t++) {
          const j = order[t];
          if (j === i) continue;
          const dx = xi - Y[2 * j];
          const dy = yi - Y[2 * j + 1];
          const num = 1 / (1 + dx * dx + dy * dy);
          Z += num;
          fx += num * num * dx;
          fy += num * num * dy;
        }
        continue;
      }
      const dx = xi - comX[node];
      const dy = yi - comY[node];
      const d2 = dx * dx + dy * dy;
      const h = half[node];
      if (h * h < theta2 * d2) {
        const num = 1 / (1 + d2);
        Z += m * num;
        fx += m * num * num * dx;
        fy += m * num * num * dy;
      } else {
        stack[top++] = first;
        stack[top++] = first + 1;
        stack[top++] = first + 2;
        stack[top++] = first + 3;
      }
    }
    out[2 * i] = fx;
    out[2 * i + 1] = fy;
  }
  return Z;
}

/**
 * Exact gradient of KL(P‖Q) for Y [n, 2] into grad: 4 Σ_j (e·p_ij − q_ij)(y_i − y_j)/(1 + ‖y_i − y_j‖²),
 * with P dense and symmetric. Returns Z = Σ_{i≠j} 1/(1 + ‖y_i − y_j‖²).
 */
export function exactGradient(
  P: Float64Array,
  Y: Float64Array,
  n: number,
  exaggeration: number,
  grad: Float64Array,
) {
  let Z = 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    for (let j = i + 1; j < n; j++) {
      const dx = xi - Y[2 * j];
      const dy = yi - Y[2 * j + 1];
      Z += 2 / (1 + dx * dx + dy * dy);
    }
  }
  grad.fill(0);
  const invZ = Z > 0 ? 1 / Z : 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    let gx = 0;
    let gy = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - Y[2 * j];
      const dy = yi - Y[2 * j + 1];
      const num = 1 / (1 + dx * dx + dy * dy);
      const mult = (exaggeration * P[i * n + j] - num * invZ) * num;
      gx += mult * dx;
      gy += mult * dy;
      grad[2 * j] -= mult * dx;
      grad[2 * j + 1] -= mult * dy;
    }
    grad[2 * i] += gx;
    grad[2 * i + 1] += gy;
  }
  for (let t = 0; t < 2 * n; t++) grad[t] *= 4;
  return Z;
}

/** Barnes–Hut gradient: attraction over the sparse P, repulsion from the quadtree. Returns the estimated Z. */
export function bhGradient(
  P: SparseRows,
  Y: Float64Array,
  n: number,
  theta: number,
  exaggeration: number,
  grad: Float64Array,
  tree?: Quadtree,
): number {
  const t = buildQuadtree(Y, n, tree);
  const Z = quadtreeRepulsion(t, Y, n, theta, grad); // grad holds Σ_j num² (y_i − y_j) for now
  const invZ = Z > 0 ? 1 / Z : 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    let ax = 0;
    let ay = 0;
    for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
      const j = P.cols[e];
      const dx = xi - Y[2 * j];
      const dy = yi - Y[2 * j + 1];
      const w = (exaggeration * P.vals[e]) / (1 + dx * dx + dy * dy);
      ax += w * dx;
      ay += w * dy;
    }
    grad[2 * i] = 4 * (ax - grad[2 * i] * invZ);
    grad[2 * i + 1] = 4 * (ay - grad[2 * i + 1] * invZ);
  }
  return Z;
}

/** Σ_{i≠j} 1/(1 + ‖y_i − y_j‖²) exactly. */
function exactZ(Y: Float64Array, n: number): number {
  let Z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Y[2 * i] - Y[2 * j];
      const dy = Y[2 * i + 1] - Y[2 * j + 1];
      Z += 2 / (1 + dx * dx + dy * dy);
    }
  }
  return Z;
}

/** Σ p ln p and Σ p over the non-zero entries: the constant parts of KL. */
function selfTerms(vals: Float64Array): { plogp: number; mass: number } {
  let plogp = 0;
  let mass = 0;
  for (const p of vals) {
    if (p > 0) plogp += p * Math.log(p);
    mass += p;
  }
  return { plogp, mass };
}

/**
 * KL(P‖Q) = Σ p ln(p/q) = Σ p ln p + Σ p ln(1 + ‖y_i − y_j‖²) + (Σ p)·ln Z, with q_ij = 1/((1 + ‖y_i − y_j‖²)·Z).
 * Dense P gets its exact Z in the same pass; sparse P uses `sparseZ`.
 */
function klDivergence(
  P: Float64Array | SparseRows,
  self: { plogp: number; mass: number },
  Y: Float64Array,
  n: number,
  sparseZ: () => number,
): number {
  let cross = 0;
  let Z = 0;
  if (P instanceof Float64Array) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = Y[2 * i] - Y[2 * j];
        const dy = Y[2 * i + 1] - Y[2 * j + 1];
        const w = 1 + dx * dx + dy * dy;
        Z += 2 / w;
        const p = P[i * n + j];
        if (p > 0) cross += 2 * p * Math.log(w);
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
        const j = P.cols[e];
        const dx = Y[2 * i] - Y[2 * j];
        const dy = Y[2 * i + 1] - Y[2 * j + 1];
        if (P.vals[e] > 0) cross += P.vals[e] * Math.log(1 + dx * dx + dy * dy);
      }
    }
    Z = sparseZ();
  }
  return self.plogp + cross + self.mass * Math.log(Z);
}

/** The first k columns of a wider neighbour list (nearest first). */
function firstNeighbours(knn: Knn, n: number, k: number): Knn {
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

/** A t-SNE run on the rows of data [n, d]. */
export function createTsne(data: ArrayLike<number>, n: number, d: number, opts: TsneOptions = {}): Tsne {
  const method = opts.method ?? 'barnes-hut';
  const theta = opts.theta ?? 0.5;
  const seed = opts.seed ?? 1;
  const perplexity = Math.max(1, Math.min(opts.perplexity ?? 30, Math.max(n - 1, 1)));
  const rate = opts.learningRate ?? 200;
  const eta = rate === 'auto' ? Math.max(n / EARLY_EXAGGERATION / 4, 50) : rate;
  if (data.length < n * d) throw new RangeError(`data holds ${data.length} values, not n·d = ${n * d}`);
  if (method === 'exact' && n > EXACT_MAX)
    throw new RangeError(`exact t-SNE is limited to ${EXACT_MAX} points`);

  let P: Float64Array | SparseRows;
  if (method === 'exact') {
    P = symmetriseDense(exactConditional(data, n, d, perplexity), n);
  } else {
    const k = Math.min(n - 1, Math.floor(3 * perplexity));
    const knn =
      opts.knn && opts.knn.k >= k
        ? firstNeighbours(opts.knn, n, k)
        : bruteForceKnn(data, n, d, Math.max(k, 0));
    P = symmetriseSparse(knn, knnConditional(knn, n, perplexity), n);
  }

  const self = selfTerms(P instanceof Float64Array ? P : P.vals);
  const Y = new Float64Array(2 * n);
  const init = normals(2 * n, seed);
  for (let t = 0; t < 2 * n; t++) Y[t] = 1e-4 * init[t];
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n).fill(1);
  const grad = new Float64Array(2 * n);
  const tree: Quadtree | undefined = method === 'exact' ? undefined : buildQuadtree(Y, n);
  let iteration = 0;
  let cachedKl: { at: number; value: number } | null = null;

  return {
    get iteration() {
      return iteration;
    },
    step(iterations: number) {
      for (let s = 0; s < iterations; s++) {
        const early = iteration < EXAGGERATION_ITERATIONS;
        const exaggeration = early ? EARLY_EXAGGERATION : 1;
        const momentum = early ? 0.5 : 0.8;
        if (P instanceof Float64Array) exactGradient(P, Y, n, exaggeration, grad);
        else bhGradient(P, Y, n, theta, exaggeration, grad, tree);
        let mx = 0;
        let my = 0;
        for (let t = 0; t < 2 * n; t++) {
          const g = grad[t];
          gains[t] = g > 0 !== update[t] > 0 ? gains[t] + 0.2 : Math.max(gains[t] * 0.8, MIN_GAIN);
          update[t] = momentum * update[t] - eta * gains[t] * g;
          Y[t] += update[t];
          if (t & 1) my += Y[t];
          else mx += Y[t];
        }
        if (n > 0) {
          mx /= n;
          my /= n;
        }
        for (let i = 0; i < n; i++) {
          Y[2 * i] -= mx;
          Y[2 * i + 1] -= my;
        }
        iteration++;
      }
    },
    positions() {
      return Float32Array.from(Y);
    },
    kl() {
      if (cachedKl?.at === iteration) return cachedKl.value;
      const sparseZ = () =>
        n <= KL_EXACT_MAX || !tree
          ? exactZ(Y, n)
          : quadtreeRepulsion(buildQuadtree(Y, n, tree), Y, n, theta, new Float64Array(2 * n));
      const value = n < 2 ? 0 : klDivergence(P, self, Y, n, sparseZ);
      cachedKl = { at: iteration, value };
      return value;
    },
  };
}
