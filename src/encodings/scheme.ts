// The one interface every positional-encoding scheme implements (DESIGN.md: one scheme, one file).
import type * as tf from '@tensorflow/tfjs-core';
import type { EncodingName, EncodingParams } from '../protocol/specs.ts';

export type SchemeKind = 'additive' | 'rotary' | 'bias';

export interface SchemeInput {
  /** Integer positions to encode, each in [0, 8192). */
  positions: ArrayLike<number>;
  d: number;
  seed: number;
}

export interface Scheme {
  name: EncodingName;
  kind: SchemeKind;
  /** Named tensors; additive schemes return at least `pe` [P, d]. The caller owns (and disposes) them. */
  compute(input: SchemeInput, params: EncodingParams): Record<string, tf.Tensor>;
}

/** Frequencies of the d/2 sinusoid pairs in turns per position: base^(−2i/d) / 2π, in float64. */
export function pairTurns(d: number, base: number): Float64Array {
  const out = new Float64Array(d / 2);
  for (let i = 0; i < d / 2; i++) out[i] = Math.pow(base, (-2 * i) / d) / (2 * Math.PI);
  return out;
}
