// Qwen3 8B: RoPE base 1,000,000, head_dim 128, no scaling in the published config (YaRN is an opt-in for longer
// contexts per the model card, not in config.json). Published config: https://huggingface.co/Qwen/Qwen3-8B
// (config.json). Stored copy read: a Qwen3Config built from Qwen3-8B's config.json (find_string id 56510789291).
import type { ModelPreset } from './preset.ts';

export const qwen3_8b: ModelPreset = {
  id: 'qwen3-8b',
  label: 'Qwen3 8B',
  hf: 'Qwen/Qwen3-8B',
  source: 'config.json as quoted in a stored copy (find_string id 56510789291)',
  config: {
    head_dim: 128,
    hidden_size: 4096,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    max_position_embeddings: 40960,
    rope_theta: 1000000.0,
    rope_scaling: null,
    vocab_size: 151936,
  },
  tokenizer: 'qwen3',
  d: 4096,
  pe: 'rope',
  params: { heads: 32, headDim: 128, base: 1000000, layout: 'half', ropeType: 'default' },
};
