// RoPE rule "ntk" (static NTK-aware scaling, /u/bloc97), as Hugging Face transformers'
// src/transformers/modeling_rope_utils.py _compute_ntk_parameters (stored at commit 0044e3b3):
//   base′ = base · factor^(dim/(dim−2));  inv_freq_i = 1 / base′^(2i/dim);  attention_factor = 1.
// Pair 0 keeps its frequency and the last pair, i = dim/2−1, is divided by exactly factor.
import { baseInvFreq, type RopeRule } from './rule.ts';

export const ntkRule: RopeRule = (dim, { base, factor }) => ({
  invFreq: baseInvFreq(dim, base * Math.pow(factor, dim / (dim - 2))),
  attentionFactor: 1,
});
