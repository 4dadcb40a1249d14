// GPU-side state the lab views keep between runs, owned by the worker's Pipeline (not module globals), so that
// disposing the pipeline frees it and two pipelines (tests, the first-paint build) never share it.
import * as tf from '@tensorflow/tfjs-core';
import { normals } from '../../numerics/rng.ts';

export class ViewCache {
  private weights: { key: string; w: tf.Tensor2D[] } | null = null;
  /** The position table's rows times W_q, W_k, W_v, kept while the table stays the same tensor. */
  private positionParts: { table: tf.Tensor2D; parts: tf.Tensor2D[] } | null = null;

  /** Seeded W_q, W_k, W_v ~ N(0, 1/d), [d, dh] each (one head of width dh), kept on the device. */
  projections(d: number, dh: number, seed: number): tf.Tensor2D[] {
    const key = `${d}|${dh}|${seed}`;
    if (this.weights?.key !== key) {
      if (this.weights) tf.dispose(this.weights.w);
      const w = [1, 2, 3].map((k) =>
        tf.tidy(
          () =>
            tf.mul(tf.tensor2d(normals(d * dh, seed * 7919 + k), [d, dh]), 1 / Math.sqrt(d)) as tf.Tensor2D,
        ),
      ); // [d, dh] each
      this.weights = { key, w };
    }
    return this.weights.w;
  }

  /**
   * PE·W_q, PE·W_k, PE·W_v for rows 0…T−1 of the pipeline's kept position table. By linearity
   * X·W = E·W + PE·W, so a keystroke adds these to its E·W instead of multiplying X by all three weights
   * again: the position half of the product is computed once per table (the pipeline makes a new table whenever
   * d, the seed or the scheme's parameters change, so the weights cannot change under it).
   */
  positionProjections(table: tf.Tensor2D, T: number, d: number, dh: number, seed: number): tf.Tensor2D[] {
    const weights = this.projections(d, dh, seed);
    if (this.positionParts?.table !== table || this.positionParts.parts[0].shape[1] !== dh) {
      if (this.positionParts) tf.dispose(this.positionParts.parts);
      // kept past the caller's tidy until the table changes
      const parts = weights.map((w) => tf.keep(tf.matMul(table, w) as tf.Tensor2D)); // [rows, dh] each
      this.positionParts = { table, parts };
    }
    return this.positionParts.parts.map((t) => tf.slice(t, [0, 0], [T, dh]) as tf.Tensor2D); // [T, dh] each
  }

  dispose(): void {
    if (this.weights) tf.dispose(this.weights.w);
    this.weights = null;
    if (this.positionParts) tf.dispose(this.positionParts.parts);
    this.positionParts = null;
  }
}
