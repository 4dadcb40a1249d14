// RoPE rule "longrope" — Ding et al. 2024, "LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens"
// (Phi-3), as Hugging Face transformers' src/transformers/modeling_rope_utils.py _compute_longrope_parameters:
//   ext = long_factor if seq_len > original else short_factor   (one divisor per pair; seq_len = `positions`)
//   inv_freq_i = 1 / (ext_i · base^(2i/dim))
//   attention_factor = the one given, else 1 when factor ≤ 1, else √(1 + ln(factor) / ln(original)).
// HF derives factor from max_position_embeddings / original_max_position_embeddings when the config has the
// latter (Phi-3); here factor is given directly, so give that ratio.
import { baseInvFreq, type RopeRule } from './rule.ts';

export const longropeRule: RopeRule = (dim, p) => {
  const ext = p.positions > p.originalContext ? p.longFactor : p.shortFactor;
  const invFreq = baseInvFreq(dim, p.base).map((f, i) => f / ext[i]);
  const fallback = p.factor <= 1 ? 1 : Math.sqrt(1 + Math.log(p.factor) / Math.log(p.originalContext));
  return { invFreq, attentionFactor: p.attentionFactor ?? fallback };
};
