// RoPE rule "dynamic" (dynamic NTK scaling, /u/bloc97 and /u/emozilla), as Hugging Face transformers'
// src/transformers/modeling_rope_utils.py _compute_dynamic_ntk_parameters:
//   L = max(seq_len, original)   (HF: seq_len if seq_len > max_position_embeddings else max_position_embeddings)
//   base′ = base · (factor·L/original − (factor − 1))^(dim/(dim−2));  inv_freq_i = 1 / base′^(2i/dim);  a = 1.
// Here seq_len is the table's length (`positions`) and original is original_context (HF max_position_embeddings).
import { baseInvFreq, type RopeRule } from './rule.ts';

export const dynamicRule: RopeRule = (dim, { base, factor, originalContext, positions }) => {
  const L = Math.max(positions, originalContext);
  const scaled = base * Math.pow((factor * L) / originalContext - (factor - 1), dim / (dim - 2));
  return { invFreq: baseInvFreq(dim, scaled), attentionFactor: 1 };
};
