// The one interface every positional-encoding scheme implements (DESIGN.md: one scheme, one file).
import type * as tf from '@tensorflow/tfjs-core';
import type { EncodingName, EncodingParams } from '../protocol/specs.ts';

export type SchemeKind = 'additive' | 'rotary' | 'bias';

export interface SchemeInput {
  /** Integer positions to encode, each in [0, 8192). */
  positions: ArrayLike<number>;
  d: number;
  seed: number;
  /** learned: a trained table [rows, d] (from a checkpoint or the in-browser trainer) used instead of the init. */
  table?: { rows: number; data: Float32Array };
}

/**
 * What compute() returns, by kind (the caller owns and disposes every tensor):
 *   additive: { pe: [P, d] } — added to the token embeddings.
 *   rotary:   { cos: [P, d/2], sin: [P, d/2] } — angle tables; rope.ts exports rotate() to apply them to q/k.
 *   bias:     { bias: [H, P, P] } — added to attention scores, bias[h, i, j] for query i and key j;
 *             ALiBi adds { slopes: [H] }, T5 adds { buckets: [P, P] } (bucket index of offset j − i, as float32).
 */
export interface Scheme {
  name: EncodingName;
  kind: SchemeKind;
  /** additive only: the table is a model parameter (model/ trains it from a seeded init instead of compute()). */
  trainable?: boolean;
  compute(input: SchemeInput, params: EncodingParams): Record<string, tf.Tensor>;
}

/** Frequencies of the d/2 sinusoid pairs in turns per position: base^(−2i/d) / 2π, in float64. */
export function pairTurns(d: number, base: number): Float64Array {
  const out = new Float64Array(d / 2);
  for (let i = 0; i < d / 2; i++) out[i] = Math.pow(base, (-2 * i) / d) / (2 * Math.PI);
  return out;
}
