// Source 'pitfall-sigmoid': the tutorials' flawed formula word_embedding(w) = sigmoid(W·v(w) + b), with v(w) the
// one-hot vector of token w, so W·v(w) is column w of W: here the seeded random table's row w (same seed and
// init as source 'random'), and b = 0 (the bias at its usual zero initialisation). Every value lies in (0, 1),
// so every row points into the positive orthant: for N(0, 1) entries the cosine of two rows crowds near
// E[σ(x)]² / E[σ(x)²] ≈ 0.85 instead of 0, and nearest neighbours stop meaning anything.
import * as tf from '@tensorflow/tfjs-core';
import type { EmbeddingSource } from '../source.ts';
import { random } from './random.ts';

export const pitfallSigmoid: EmbeddingSource = {
  name: 'pitfall-sigmoid',
  key: (ctx) => `pitfall-sigmoid|${random.key(ctx)}`,
  async build(ctx) {
    const W = await random.build(ctx); // [V, d]
    const E = tf.sigmoid(W) as tf.Tensor2D; // [V, d], every entry in (0, 1)
    W.dispose();
    return E;
  },
  async rowsAlone(ctx, ids) {
    const rows = (await random.rowsAlone?.(ctx, ids)) ?? null; // [T, d]
    if (!rows) return null;
    const E = tf.sigmoid(rows) as tf.Tensor2D; // [T, d]
    rows.dispose();
    return E;
  },
};
