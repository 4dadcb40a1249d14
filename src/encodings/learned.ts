// Learned absolute positional embeddings — GPT-2 (Radford et al. 2019, "Language Models are Unsupervised
// Multitask Learners") and BERT (Devlin et al. 2019, "BERT: Pre-training of Deep Bidirectional Transformers").
// Convention: a trainable table W_pos ∈ R^{max_len × d}; the token at position p (from 0) gets X = E + W_pos[p].
// No sin/cos, no base, no layout: the table's geometry is whatever training makes of it. Shown here as
// initialised, before training: every entry ~ N(0, 0.02²), GPT-2's initializer_range (BERT uses the same 0.02).
// A trained table (SchemeInput.table, e.g. GPT-2's wpe) replaces the initialisation row for row.
// Determinism: row p is a function of (seed, p, d) alone, never of how many rows were asked for. Each row
// reads its own window of ROW_STRIDE draws from the counter-based stream of numerics/rng.ts, so rows never
// share a draw, and row p at width d is the first d entries of row p at any larger width (columns past 2048 come
// from further per-segment streams).
import * as tf from '@tensorflow/tfjs-core';
import { normals } from '../numerics/rng.ts';
import { LIMITS } from '../protocol/specs.ts';
import { compareWithSinusoidal } from './learnedCompare.ts';
import type { Scheme } from './scheme.ts';

/** Standard deviation of the initial table (GPT-2 and BERT initializer_range). */
export const LEARNED_INIT_STD = 0.02;

/** The counter step of uniforms() in numerics/rng.ts: one draw advances the state by this much. */
const STREAM_STEP = 0x9e3779b9;
/**
 * Draws reserved for each row segment, so that rows p and p + 1 never overlap: frozen at 2048 (the old widest d),
 * because p · ROW_STRIDE must stay below 2^32 for every p < LIMITS.maxPositions (2^20 · 2048 = 2^31; LIMITS.dMax =
 * 8192 would wrap at p = 2^19 and repeat rows). Wider rows read further segments of 2048 from their own streams.
 */
const ROW_STRIDE = 2048;

/** Scrambles the user's seed so that the table does not reuse the token-embedding stream of the same seed. */
function scramble(seed: number): number {
  let h = Math.imul((seed | 0) ^ 0x2545f491, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function learnedRow(seed: number, p: number, d: number): Float32Array {
  const row = new Float32Array(d); // [d] ~ N(0, 0.02²)
  for (let s = 0; s * ROW_STRIDE < d; s++) {
    // Segment 0 is the row as it always was; segment s > 0 (d > 2048) reads a stream of its own seed.
    const base = s === 0 ? scramble(seed) : scramble(seed ^ Math.imul(s, 0x27d4eb2d));
    const rowSeed = (base + Math.imul(p * ROW_STRIDE, STREAM_STEP)) | 0;
    const part = normals(Math.min(ROW_STRIDE, d - s * ROW_STRIDE), rowSeed);
    for (let i = 0; i < part.length; i++) row[s * ROW_STRIDE + i] = part[i] * LEARNED_INIT_STD;
  }
  return row;
}

export const learned: Scheme = {
  name: 'learned',
  kind: 'additive',
  usesTable: true,
  staticViews: (_out, ctx) => compareWithSinusoidal(ctx),
  compute({ positions, d, seed, table }) {
    if (d > LIMITS.dMax) throw new Error(`d_model ${d} exceeds ${LIMITS.dMax}, the widest learned table`);
    const P = positions.length;
    const data = new Float32Array(P * d); // [P, d] row-major
    for (let r = 0; r < P; r++) {
      const p = positions[r];
      if (table) {
        // A trained table knows nothing past its last row: say so instead of inventing values.
        if (!Number.isInteger(p) || p < 0 || p >= table.rows) {
          throw new Error(
            `position ${p} is past the loaded learned table, which has ${table.rows} positions`,
          );
        }
        data.set(table.data.subarray(p * d, (p + 1) * d), r * d);
        continue;
      }
      if (!Number.isInteger(p) || p < 0 || p >= LIMITS.maxPositions) {
        throw new Error(`position ${p} is outside the learned table 0…${LIMITS.maxPositions - 1}`);
      }
      data.set(learnedRow(seed, p, d), r * d);
    }
    return tf.tidy(() => ({ pe: tf.tensor2d(data, [P, d]) })); // [P, d]
  },
};
