// RoPE rule "default" — Su et al. 2021 (RoFormer), as Hugging Face transformers'
// src/transformers/modeling_rope_utils.py _compute_default_rope_parameters (commit 0044e3b3 and later):
//   inv_freq_i = 1 / base^(2i/dim), i = 0…dim/2−1;  attention_factor = 1.
import { baseInvFreq, type RopeRule } from './rule.ts';

export const defaultRule: RopeRule = (dim, { base }) => ({
  invFreq: baseInvFreq(dim, base),
  attentionFactor: 1,
});
