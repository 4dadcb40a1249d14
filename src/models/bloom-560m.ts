// BLOOM 560M: ALiBi (no position table; a per-head linear bias on attention logits). Published config:
// https://huggingface.co/bigscience/bloom-560m (config.json). Stored copies read: PaddleNLP's copy of
// bigscience/bloom-560m's config (find_string id 11249371992) and a pinned BLOOMZ-560m config (id 62051493365):
// n_embed 1024, n_layer 24, num_attention_heads 16, vocab 250880; no max_position_embeddings (ALiBi).
import type { ModelPreset } from './preset.ts';

export const bloom560m: ModelPreset = {
  id: 'bloom-560m',
  label: 'BLOOM 560M',
  hf: 'bigscience/bloom-560m',
  source: 'config.json as copied in stored sources (find_string ids 11249371992, 62051493365)',
  config: { n_embed: 1024, n_layer: 24, num_attention_heads: 16, vocab_size: 250880 },
  tokenizer: 'bloom',
  d: 1024,
  pe: 'alibi',
  params: { heads: 16 },
};
