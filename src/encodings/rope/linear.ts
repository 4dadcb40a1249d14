// RoPE rule "linear" (position interpolation; Chen et al. 2023 and /u/kaiokendev), as Hugging Face
// transformers' src/transformers/modeling_rope_utils.py _compute_linear_scaling_rope_parameters:
//   inv_freq_i = (1 / base^(2i/dim)) / factor — dividing every frequency equals dividing every position;
//   attention_factor = 1.
import { baseInvFreq, type RopeRule } from './rule.ts';

export const linearRule: RopeRule = (dim, { base, factor }) => ({
  invFreq: baseInvFreq(dim, base).map((f) => f / factor),
  attentionFactor: 1,
});
