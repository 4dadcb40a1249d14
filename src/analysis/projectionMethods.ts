// The typed map of projection methods: PCA is direct (the worker always runs it, on the device, for the "PCs vs
// position" curves too); t-SNE and UMAP are iterative, stepped in slices so their layouts stream. Each entry says
// how many dimensions it lays out, how to start it and what its progress note adds. A missing entry is a type
// error, an unknown name throws `unknown projection method: x`.
import { PROJECTION_LIMITS, type ProjectionMethod, type ProjectionSpec } from '../protocol/specs.ts';
import { createTsne } from './tsne/index.ts';
import { createUmap } from './umap.ts';
import { msg, unknownName, type Msg } from '../protocol/msg.ts';

/** An iterative layout in progress. */
export interface Stepper {
  step(): void;
  iteration(): number;
  positions(): Float32Array;
  cost(): number;
}

export type ProjectionMethodDef =
  | { kind: 'direct' }
  | {
      kind: 'iterative';
      /** Dimensions of the layout for the dimensions asked for. */
      dims(proj: ProjectionSpec): number;
      start(data: Float32Array, n: number, d: number, proj: ProjectionSpec, dims: number): Stepper;
      /** What the progress note adds after the rows' own note. */
      note(proj: ProjectionSpec, stepper: Stepper): Msg[];
    };

const tsne: ProjectionMethodDef = {
  kind: 'iterative',
  dims: () => 2,
  start(data, n, d, proj) {
    // Exact t-SNE is O(n²): above the spec's limit the Barnes–Hut tree takes over.
    const exact = proj.tsneExact && n <= PROJECTION_LIMITS.exactMax;
    const t = createTsne(data, n, d, {
      perplexity: Math.min(proj.perplexity, (n - 1) / 3),
      learningRate: proj.learningRate,
      seed: proj.seed,
      method: exact ? 'exact' : 'barnes-hut',
    });
    return {
      step: () => t.step(10),
      iteration: () => t.iteration,
      positions: () => Float32Array.from(t.positions()),
      cost: () => t.kl(),
    };
  },
  note: (proj, stepper) => [
    ...(proj.dims === 3 ? [msg('note.tsne2d')] : []),
    msg('note.kl', { kl: stepper.cost() }),
  ],
};

const umap: ProjectionMethodDef = {
  kind: 'iterative',
  dims: (proj) => proj.dims,
  start(data, n, d, proj, dims) {
    const u = createUmap(data, n, d, {
      nNeighbors: proj.neighbors,
      minDist: proj.minDist,
      seed: proj.seed,
      nComponents: dims,
      nEpochs: proj.iterations,
    });
    return {
      step: () => u.step(5),
      // tiny inputs get a fixed layout with nothing to iterate: count them as finished
      iteration: () =>
        u.totalEpochs > 0 ? Math.round((u.epoch / u.totalEpochs) * proj.iterations) : proj.iterations,
      positions: () => Float32Array.from(u.positions()),
      cost: () => NaN,
    };
  },
  note: () => [],
};

const methods: { [K in ProjectionMethod]: ProjectionMethodDef } = { pca: { kind: 'direct' }, tsne, umap };

export function getProjectionMethod(name: string): ProjectionMethodDef {
  if (Object.prototype.hasOwnProperty.call(methods, name)) return methods[name as ProjectionMethod];
  throw unknownName('projection', name);
}
