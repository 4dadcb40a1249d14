// The projection-method registry: every method resolves, unknown ones throw, and the iterative ones lay out the
// dimensions and stream the steps their entries promise.
import { describe, expect, test } from 'vitest';
import { DEFAULT_PROJECTION, PROJECTION_METHODS } from '../protocol/specs.ts';
import { getProjectionMethod } from './projectionMethods.ts';

describe('projection method registry', () => {
  test('PCA is the one direct method; t-SNE and UMAP are iterative', () => {
    const kinds = PROJECTION_METHODS.map((m) => getProjectionMethod(m).kind);
    expect(kinds).toEqual(['direct', 'iterative', 'iterative']);
  });

  test("an unknown name throws 'unknown projection method: x'", () => {
    expect(() => getProjectionMethod('lda')).toThrow('unknown projection method: lda');
    expect(() => getProjectionMethod('hasOwnProperty')).toThrow('unknown projection method: hasOwnProperty');
  });

  test('t-SNE lays out 2 dimensions even when 3 are asked for and says so; UMAP lays out what is asked', () => {
    const proj = { ...DEFAULT_PROJECTION, dims: 3 as const };
    const tsne = getProjectionMethod('tsne');
    const umap = getProjectionMethod('umap');
    if (tsne.kind !== 'iterative' || umap.kind !== 'iterative') throw new Error('not iterative');
    expect(tsne.dims(proj)).toBe(2);
    expect(umap.dims(proj)).toBe(3);
  });

  test('a t-SNE stepper on two well-separated clusters keeps each point beside its own cluster and reports a finite KL', () => {
    const tsne = getProjectionMethod('tsne');
    if (tsne.kind !== 'iterative') throw new Error('not iterative');
    // 20 points in 4-D: 10 near the origin, 10 near (10, 10, 10, 10), jittered deterministically.
    const n = 20;
    const d = 4;
    const data = new Float32Array(n * d);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) data[i * d + j] = (i < 10 ? 0 : 10) + 0.01 * Math.sin(7 * i + 3 * j);
    // 20 points are few: the default learning rate (200) overshoots them, so a small one.
    const proj = { ...DEFAULT_PROJECTION, method: 'tsne' as const, perplexity: 5, learningRate: 10, seed: 1 };
    const s = tsne.start(data, n, d, proj, 2);
    for (let k = 0; k < 50; k++) s.step();
    expect(s.iteration()).toBe(500);
    const y = s.positions();
    // Every point's nearest neighbour in the layout comes from its own cluster.
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < n; j++) {
        const dist = j === i ? Infinity : Math.hypot(y[2 * i] - y[2 * j], y[2 * i + 1] - y[2 * j + 1]);
        if (dist < bestD) [best, bestD] = [j, dist];
      }
      expect(best < 10).toBe(i < 10);
    }
    expect(Number.isFinite(s.cost())).toBe(true);
  });
});
