// Gemma 3 4B: two RoPE bases. Global layers (every 6th): rope_theta 1,000,000 with linear scaling factor 8; local
// sliding-window layers (window 1024): rope_local_base_freq 10,000, unscaled. head_dim 256 ≠ hidden 2560 / 8 heads.
// Published config: https://huggingface.co/google/gemma-3-4b-it (config.json, text_config). Stored copy read: an
// annotated copy of gemma-3-4b's text_config (find_string id 57027058932): hidden 2560, heads 8, kv heads 4,
// head_dim 256, vocab 262208, max_position_embeddings 131072, sliding_window 1024, sliding_window_pattern 6,
// rope_theta 1000000, rope_local_base_freq 10000. NOT confirmed from a stored 4B copy: rope_scaling
// {rope_type: linear, factor: 8}; it is read from stored Gemma 3 12B and 27B configs (ids 6893814787, 926331895),
// which the 4B shares to my knowledge. Check before relying on it.
import type { ModelPreset } from './preset.ts';

export const gemma3_4b: ModelPreset = {
  id: 'gemma-3-4b',
  label: 'Gemma 3 4B',
  hf: 'google/gemma-3-4b-it',
  source:
    'text_config as quoted in a stored copy (find_string id 57027058932); rope_scaling from the 12B/27B copies (unconfirmed for 4B)',
  config: {
    hidden_size: 2560,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    max_position_embeddings: 131072,
    sliding_window: 1024,
    sliding_window_pattern: 6,
    rope_theta: 1000000.0,
    rope_local_base_freq: 10000.0,
    rope_scaling: { factor: 8.0, rope_type: 'linear' },
    vocab_size: 262208,
  },
  tokenizer: 'gemma3',
  d: 2560,
  pe: 'rope',
  params: { heads: 8, headDim: 256, base: 1000000, layout: 'half', ropeType: 'linear', factor: 8 },
  paramsLabel: 'global layers',
  variants: [
    {
      label: 'local sliding-window layers',
      params: { heads: 8, headDim: 256, base: 10000, layout: 'half', ropeType: 'default' },
    },
  ],
};
