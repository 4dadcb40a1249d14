// Mistral 7B v0.3: RoPE base 1,000,000, head_dim 4096/32 = 128 (no head_dim key), no scaling, no sliding window.
// Published config: https://huggingface.co/mistralai/Mistral-7B-v0.3 (config.json). No verbatim stored copy was
// found; the values are from a stored field-by-field check of that config.json (find_string id 53379639956) and a
// second stored summary (id 67469849292): hidden 4096, heads 32, kv heads 8, rope_theta 1000000.0, vocab 32768,
// sliding_window null, max_position_embeddings 32768.
import type { ModelPreset } from './preset.ts';

export const mistral7bV03: ModelPreset = {
  id: 'mistral-7b-v0.3',
  label: 'Mistral 7B v0.3',
  hf: 'mistralai/Mistral-7B-v0.3',
  source: 'field-by-field check of config.json in stored notes (find_string ids 53379639956, 67469849292)',
  config: {
    hidden_size: 4096,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    max_position_embeddings: 32768,
    rope_theta: 1000000.0,
    sliding_window: null,
    vocab_size: 32768,
  },
  tokenizer: 'mistral',
  d: 4096,
  pe: 'rope',
  params: { heads: 32, headDim: 128, base: 1000000, layout: 'half', ropeType: 'default' },
};
