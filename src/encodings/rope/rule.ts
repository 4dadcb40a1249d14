// The shape every RoPE frequency rule shares (one rule per file beside this one), after Hugging Face
// transformers' src/transformers/modeling_rope_utils.py, where each _compute_*_parameters(config, device, seq_len)
// returns (inv_freq, attention_factor). Here a rule is a pure float64 function of the rotated width and the spec.
import type { RopeParams } from '../../protocol/rope.ts';

/** What a rule reads: the RoPE parameters, the base θ (HF rope_theta) and the table's length. */
export type RopeRuleInput = RopeParams & { base: number; positions: number };

export interface RopeFrequencies {
  /** θ′_i in radians per position for pair i = 0…dim/2−1. */
  invFreq: Float64Array;
  /** a: the cos and sin tables are multiplied by it (HF attention_scaling). */
  attentionFactor: number;
}

/** dim: the rotated width (HF dim = int(head_dim · partial_rotary_factor)); an even integer. */
export type RopeRule = (dim: number, p: RopeRuleInput) => RopeFrequencies;

/** HF's default inverse frequencies: 1 / base^(2i/dim) for i = 0…dim/2−1, in float64. */
export function baseInvFreq(dim: number, base: number): Float64Array {
  const out = new Float64Array(dim / 2);
  for (let i = 0; i < dim / 2; i++) out[i] = 1 / Math.pow(base, (2 * i) / dim);
  return out;
}
