// T5 base: relative-position buckets added to the attention logits (no position vector at the input).
// Published config: https://huggingface.co/google-t5/t5-base (config.json). Stored copies read: transformers' log
// of t5-base-config.json (find_string id 21524810087) and a quoted original (id 22452624186): d_model 768, d_kv 64,
// num_heads 12, relative_attention_num_buckets 32, vocab 32128. relative_attention_max_distance is absent from that
// config, so transformers' T5Config default, 128, applies. The encoder's buckets are bidirectional.
import type { ModelPreset } from './preset.ts';

export const t5Base: ModelPreset = {
  id: 't5-base',
  label: 'T5 base',
  hf: 'google-t5/t5-base',
  source: 'config.json as logged and quoted in stored copies (find_string ids 21524810087, 22452624186)',
  config: {
    d_model: 768,
    d_kv: 64,
    num_heads: 12,
    num_layers: 12,
    relative_attention_num_buckets: 32,
    vocab_size: 32128,
  },
  tokenizer: 't5',
  d: 768,
  pe: 't5',
  params: { heads: 12, buckets: 32, maxdist: 128, bidirectional: true },
};
