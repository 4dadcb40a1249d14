// Rotary position embedding (RoPE) — Su et al. 2021, "RoFormer: Enhanced Transformer with Rotary Position
// Embedding", §3.4. Convention: θ_i = base^(−2i/n) for pair i = 0…n/2−1 of the n rotated dimensions of a head
// (base 10000 in the paper, 500000 in Llama 3); position p counts from 0. R_p turns every pair (a, b)
// counter-clockwise by +p·θ_i:
//   x'_a = x_a·cos(pθ_i) − x_b·sin(pθ_i),   x'_b = x_a·sin(pθ_i) + x_b·cos(pθ_i)
//   interleaved (the paper, GPT-J, Meta's Llama code): pair i = dimensions (2i, 2i+1)
//   half (rotate-half: GPT-NeoX, Hugging Face Llama):   pair i = dimensions (i, i + n/2)
// Nothing is added to X: q and k are rotated, so ⟨R_m q, R_n k⟩ = ⟨R_{m−n} q, k⟩ depends on m − n only.
// Issue #15: θ′_i comes from the chosen frequency rule (rope/registry.ts, Hugging Face's modeling_rope_utils.py)
// and the tables are what the model multiplies q and k by, cos(pθ′_i)·a and sin(pθ′_i)·a, a being the rule's
// attention factor. n = int(head_dim · rotary_pct) (head_dim defaults to d): only a head's first n dimensions
// rotate (partial rotary, GPT-NeoX), the rest pass unchanged, as in HF's apply_rotary_pos_emb.
// compute() returns the angle tables cos/sin [P, n/2]; rotate() applies them. sin/cos come from numerics/trig.ts
// (angles reduced exactly from θ′/2π in float64), never the GPU's own sin.
import * as tf from '@tensorflow/tfjs-core';
import { sinCosTable } from '../numerics/trig.ts';
import type { EncodingParams, Layout } from '../protocol/specs.ts';
import { ropeWidth } from '../protocol/rope.ts';
import type { Scheme } from './scheme.ts';
import { getRopeRule } from './rope/registry.ts';
import { ropeContextViews } from './ropeViews.ts';

export const rope: Scheme = {
  name: 'rope',
  kind: 'rotary',
  compute({ positions, d }, params) {
    const { rotaryDim } = ropeWidth(params, d);
    const { invFreq, attentionFactor: a } = getRopeRule(params.ropeType)(rotaryDim, params);
    const turns = invFreq.map((f) => f / (2 * Math.PI)); // float64 turns per position
    return tf.tidy(() => {
      const { cos, sin } = sinCosTable(positions, turns); // [P, n/2] each: cos(pθ′_i), sin(pθ′_i)
      if (a === 1) return { cos, sin };
      return { cos: tf.mul(cos, a), sin: tf.mul(sin, a) }; // [P, n/2] each, times a
    });
  },
  // The context-extension views (frequencies, wavelengths, q·k against offset, angles): float64, from the rule.
  staticViews: (_out, ctx) => ropeContextViews(ctx),
};

/** The attention factor a the cos and sin tables carry (1 for most rules), for model width d. */
export function ropeAttentionFactor(params: EncodingParams, d: number): number {
  const { rotaryDim } = ropeWidth(params, d);
  return getRopeRule(params.ropeType)(rotaryDim, params).attentionFactor;
}

/** Turns each pair (a, b) by the angle whose cos and sin are given (broadcast against a and b). */
function turn(a: tf.Tensor, b: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const ra = tf.sub(tf.mul(a, cos), tf.mul(b, sin)); // same shape as a
  const rb = tf.add(tf.mul(a, sin), tf.mul(b, cos)); // same shape as a
  return [ra, rb];
}

/** Rotates the last axis (width n = 2·pairs) of x in the given layout; cos and sin broadcast against its pairs. */
function rotatePairs(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor, layout: Layout): tf.Tensor {
  const shape = x.shape;
  const n = shape[shape.length - 1];
  if (layout === 'half') {
    const [a, b] = tf.split(x, 2, -1); // [..., n/2] each: dimensions i and i + n/2
    return tf.concat(turn(a, b, cos, sin), -1); // [..., n]
  }
  const pairs = tf.reshape(x, [...shape.slice(0, -1), n / 2, 2]); // [..., n/2, 2]: dimensions 2i, 2i + 1
  const [a, b] = tf.unstack(pairs, shape.length); // [..., n/2] each
  return tf.reshape(tf.stack(turn(a, b, cos, sin), shape.length), shape); // [..., n/2, 2] → [..., n]
}

/**
 * R_p x for every row: row t of x (a query or key at the position of row t of the tables) is rotated by
 * cos/sin row t. x is [T, w]; cos and sin are [T, n/2] from compute(); the result is [T, w].
 * Without headDim the whole row is one head and every pair rotates (n = w). With headDim, x holds w/headDim
 * heads side by side, and the first n dimensions of each head rotate while the rest pass unchanged.
 */
export function rotate(
  x: tf.Tensor2D,
  cos: tf.Tensor2D,
  sin: tf.Tensor2D,
  layout: Layout,
  headDim?: number,
): tf.Tensor2D {
  const [T, w] = x.shape;
  const n = 2 * cos.shape[1];
  if (w % 2 !== 0) throw new Error(`RoPE needs an even width (got ${w})`);
  if (headDim === undefined && n !== w) {
    throw new Error(
      `RoPE tables are [${cos.shape}] and [${sin.shape}]; x is [${x.shape}], so they need d/2 = ${w / 2} columns`,
    );
  }
  const hd = headDim ?? w;
  if (w % hd !== 0 || n > hd || sin.shape[1] !== cos.shape[1]) {
    throw new Error(`RoPE tables [${cos.shape}] do not fit x [${x.shape}] with head_dim ${hd}`);
  }
  return tf.tidy(() => {
    if (n === w) return rotatePairs(x, cos, sin, layout) as tf.Tensor2D; // [T, w]
    const heads = tf.reshape(x, [T, w / hd, hd]); // [T, H, head_dim]
    const [c, s] = [tf.expandDims(cos, 1), tf.expandDims(sin, 1)]; // [T, 1, n/2] each
    const rotated = rotatePairs(tf.slice(heads, [0, 0, 0], [T, w / hd, n]), c, s, layout); // [T, H, n]
    const parts = n < hd ? [rotated, tf.slice(heads, [0, 0, n], [T, w / hd, hd - n])] : [rotated]; // pass [T, H, hd − n]
    return tf.reshape(tf.concat(parts, 2), [T, w]) as tf.Tensor2D; // [T, H, head_dim] → [T, w]
  });
}
