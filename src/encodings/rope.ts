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
// compute() returns the angle tables as one [P, n] tensor, cos(pθ′_i)·a in columns 0…n/2−1 and sin(pθ′_i)·a in
// n/2…n−1 (one fused kernel writes both: a tfjs program has one output); rotate.ts applies it. sin/cos come from
// numerics/trig.ts (angles reduced exactly from θ′/2π in float64), never the GPU's own sin.
import * as tf from '@tensorflow/tfjs-core';
import { cosSinTable } from '../numerics/trig.ts';
import type { EncodingParams } from '../protocol/specs.ts';
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
      const cossin = cosSinTable(positions, turns); // [P, n]: cos(pθ′_i) | sin(pθ′_i)
      return { cossin: a === 1 ? cossin : tf.mul(cossin, a) }; // [P, n], times a
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
