// Llama 3.1 8B: RoPE base 500,000 with the llama3 frequency rule (factor 8, low 1, high 4, original 8192).
// Published config: https://huggingface.co/meta-llama/Llama-3.1-8B (config.json). Stored copy read: a fixture
// reproducing Llama-3.1-8B-Instruct's config.json (find_string id 69387401676); the base model shares these keys.
import type { ModelPreset } from './preset.ts';

export const llama31_8b: ModelPreset = {
  id: 'llama-3.1-8b',
  label: 'Llama 3.1 8B',
  hf: 'meta-llama/Llama-3.1-8B',
  source: 'config.json (Instruct) as quoted in a stored copy (find_string id 69387401676)',
  config: {
    hidden_size: 4096,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    max_position_embeddings: 131072,
    rope_theta: 500000.0,
    rope_scaling: {
      factor: 8.0,
      high_freq_factor: 4.0,
      low_freq_factor: 1.0,
      original_max_position_embeddings: 8192,
      rope_type: 'llama3',
    },
    vocab_size: 128256,
  },
  tokenizer: 'llama3',
  d: 4096,
  pe: 'rope',
  params: {
    heads: 32,
    headDim: 128,
    base: 500000,
    layout: 'half',
    ropeType: 'llama3',
    factor: 8,
    lowFreqFactor: 1,
    highFreqFactor: 4,
    originalContext: 8192,
  },
};
