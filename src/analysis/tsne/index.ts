// t-SNE in 2-D (van der Maaten & Hinton 2008), exact O(n²) or Barnes–Hut O(n log n) (van der Maaten 2014),
// plain JS in float64, as a stepper so the worker can stream layouts between slices of iterations.
// Conventions, as in van der Maaten's reference code:
// - input affinities use squared Euclidean distances; each row's Gaussian precision β is found by bisection so
//   the row's perplexity 2^H (H in bits) is the requested one; exact uses all n − 1 others, Barnes–Hut the
//   ⌊3·perplexity⌋ nearest; P = (P_{j|i} + P_{i|j}) / 2n, normalised to sum 1;
// - Y starts as 1e-4·N(0, 1) from the seeded stream of embeddings/random.ts; early exaggeration 12 and
//   momentum 0.5 for the first 250 iterations, then 1 and 0.8; per-coordinate gains (+0.2 when the gradient
//   flips sign against the last step, ×0.8 otherwise, at least 0.01); Y is re-centred after every step;
// - Barnes–Hut treats a quadtree cell as one point when its half-width / distance to its centre of mass < θ,
//   as bhtsne does (θ = 0 gives the exact forces).
// The parts: affinities.ts (P), tree.ts (quadtree, repulsion), gradient.ts (gradients and KL); this file holds
// the options and the stepper.
import { normals } from '../../numerics/rng.ts';
import {
  bruteForceKnn,
  exactConditional,
  firstNeighbours,
  knnConditional,
  symmetriseDense,
  symmetriseSparse,
  type Knn,
  type SparseRows,
} from './affinities.ts';
import { bhGradient, exactGradient, exactZ, klDivergence, selfTerms } from './gradient.ts';
import { buildQuadtree, quadtreeRepulsion, type Quadtree } from './tree.ts';

export type { Knn, SparseRows };

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

export const EARLY_EXAGGERATION = 12;
/** Iterations with exaggeration and the lower momentum. */
export const EXAGGERATION_ITERATIONS = 250;
export const EXACT_MAX = 3000;
export const KL_EXACT_MAX = 2000;
const MIN_GAIN = 0.01;

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
