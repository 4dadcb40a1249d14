// Llama 3.2 1B: RoPE base 500,000, head_dim 64, the llama3 rule with factor 32. Published config:
// https://huggingface.co/meta-llama/Llama-3.2-1B (config.json). Stored copy read: a docstring quoting
// Llama-3.2-1B's config.json verbatim (find_string id 54039165147).
import type { ModelPreset } from './preset.ts';

export const llama32_1b: ModelPreset = {
  id: 'llama-3.2-1b',
  label: 'Llama 3.2 1B',
  hf: 'meta-llama/Llama-3.2-1B',
  source: 'config.json as quoted in a stored copy (find_string id 54039165147)',
  config: {
    head_dim: 64,
    hidden_size: 2048,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    max_position_embeddings: 131072,
    rope_theta: 500000.0,
    rope_scaling: {
      factor: 32.0,
      high_freq_factor: 4.0,
      low_freq_factor: 1.0,
      original_max_position_embeddings: 8192,
      rope_type: 'llama3',
    },
    tie_word_embeddings: true,
    vocab_size: 128256,
  },
  tokenizer: 'llama3',
  d: 2048,
  pe: 'rope',
  params: {
    heads: 32,
    headDim: 64,
    base: 500000,
    layout: 'half',
    ropeType: 'llama3',
    factor: 32,
    lowFreqFactor: 1,
    highFreqFactor: 4,
    originalContext: 8192,
  },
};
