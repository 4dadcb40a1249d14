// The one interface every positional-encoding scheme implements (DESIGN.md: one scheme, one file).
import type * as tf from '@tensorflow/tfjs-core';
import type { Check, Matrix } from '../protocol/messages.ts';
import type { EncodingName, EncodingParams, RunSpec } from '../protocol/specs.ts';

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
 *   rotary:   { cossin: [P, n] } — the angle tables side by side, cos in columns 0…n/2−1 and sin in n/2…n−1
 *             (n = d unless a partial rotary narrows it); rotate.ts applies them to q/k.
 *   bias:     { bias: [H, P, P] } — added to attention scores, bias[h, i, j] for query i and key j;
 *             ALiBi adds { slopes: [H] }, T5 adds { buckets: [P, P] } (bucket index of offset j − i, as float32).
 */
export interface Scheme {
  name: EncodingName;
  kind: SchemeKind;
  compute(input: SchemeInput, params: EncodingParams): Record<string, tf.Tensor>;
  /**
   * The scheme reads SchemeInput.table when one is loaded (a checkpoint's or the trainer's position table).
   * additive only; model/ trains such a table as its parameter wpe [L, d] instead of calling compute().
   */
  usesTable?: boolean;
  /**
   * additive schemes whose rows satisfy PE(p)·PE(q) = g(p − q) for a g known in closed form (the sinusoid): g over
   * offsets 0…n−1 in float64. Every window of n consecutive positions then has the position similarity
   * S[i, j] = g(|i − j|) (analysis/similarity.ts's toeplitz), without the [n, d]·[d, n] product.
   */
  offsetSimilarity?(n: number, d: number, params: EncodingParams): Float64Array;
  /**
   * Views of its own beside those every scheme of its kind gets (engine/views/), text-independent: `out` is
   * compute() over positions 0…N−1. Returns the invariant checks they support.
   */
  staticViews?(out: Record<string, tf.Tensor>, ctx: ViewContext): Promise<Check[]>;
  /** Views of its own that depend on the text: `out` is compute() over positions 0…T−1. */
  textViews?(out: Record<string, tf.Tensor>, ctx: ViewContext): Promise<void>;
}

/** What a scheme's own views are given: the run, the sizes, and how to read a tensor back and send a view. */
export interface ViewContext {
  spec: RunSpec;
  /** Rows of the static tables (positions 0…N−1). */
  N: number;
  /** Tokens of the text (0 for static views). */
  T: number;
  tokenLabels: string[];
  /** The loaded or trained table the scheme used, if any. */
  table?: { rows: number; data: Float32Array };
  /** Reads a tensor back into an array the caller owns (never dataSync: it destroys the WebGPU device). */
  read(t: tf.Tensor): Promise<Float32Array>;
  /** Sends one view to the client (checks first for a newer run); the title defaults to the view's own. */
  emit(m: Omit<Matrix, 'title'> & { title?: string }): Promise<void>;
}

/** Frequencies of the d/2 sinusoid pairs in turns per position: base^(−2i/d) / 2π, in float64. */
export function pairTurns(d: number, base: number): Float64Array {
  const out = new Float64Array(d / 2);
  for (let i = 0; i < d / 2; i++) out[i] = Math.pow(base, (-2 * i) / d) / (2 * Math.PI);
  return out;
}
