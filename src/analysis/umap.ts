// UMAP (McInnes, Healy & Melville 2018) through umap-js, seeded and stepped so the worker can stream layouts.
// umap-js draws every random number (RP-forest, NN-descent, the uniform [−10, 10] initial layout, negative
// samples) from the `random` it is given; here that is the seeded stream of numerics/rng.ts, so a seed
// fixes the layout. Tiny inputs: n_neighbors is clamped to n − 1 (umap-js needs n > n_neighbors), and below
// 3 points the layout is fixed without running UMAP (0 → empty, 1 → origin, 2 → (∓1, 0, …)).
import { UMAP } from 'umap-js';
import { uniforms } from '../numerics/rng.ts';

export interface UmapOptions {
  nNeighbors?: number;
  minDist?: number;
  seed?: number;
  /** Output dimensions, 2 by default. */
  nComponents?: number;
  /** Epochs to run; umap-js picks 500 for n ≤ 2500 and fewer above when absent. */
  nEpochs?: number;
}

export interface Umap {
  /** Runs this many more epochs (stopping at totalEpochs). */
  step(epochs: number): void;
  /** The current layout, row-major [n, nComponents]. */
  positions(): Float32Array;
  readonly epoch: number;
  readonly totalEpochs: number;
}

/** Fewest points that UMAP itself lays out; smaller inputs get a fixed layout. */
export const UMAP_MIN_POINTS = 3;

/** A UMAP run on the rows of data [n, d]. */
export function createUmap(data: ArrayLike<number>, n: number, d: number, opts: UmapOptions = {}): Umap {
  const dims = opts.nComponents ?? 2;
  if (data.length < n * d) throw new RangeError(`data holds ${data.length} values, not n·d = ${n * d}`);
  if (n < UMAP_MIN_POINTS) {
    const fixed = new Float32Array(n * dims);
    if (n === 2) {
      fixed[0] = -1;
      fixed[dims] = 1;
    }
    return { step: () => {}, positions: () => fixed.slice(), epoch: 0, totalEpochs: 0 };
  }
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, j) => data[i * d + j]));
  const umap = new UMAP({
    nNeighbors: Math.max(2, Math.min(Math.round(opts.nNeighbors ?? 15), n - 1)),
    minDist: opts.minDist ?? 0.1,
    nComponents: dims,
    nEpochs: opts.nEpochs,
    random: uniforms(opts.seed ?? 1),
  });
  const totalEpochs = umap.initializeFit(rows);
  let epoch = 0;
  return {
    get epoch() {
      return epoch;
    },
    totalEpochs,
    step(epochs: number) {
      for (let e = 0; e < epochs && epoch < totalEpochs; e++) epoch = umap.step();
    },
    positions() {
      const out = new Float32Array(n * dims);
      const emb = umap.getEmbedding();
      for (let i = 0; i < n; i++) for (let j = 0; j < dims; j++) out[i * dims + j] = emb[i][j];
      return out;
    },
  };
}
