// Llama 2 7B: RoPE with base 10,000, no scaling, head_dim 4096/32 = 128, rotate-half as Hugging Face applies it.
// Published config: https://huggingface.co/meta-llama/Llama-2-7b-hf (config.json). Stored copy read: a test fixture
// quoting meta-llama/Llama-2-7b-hf's config (find_string id 20337672980): hidden 4096, heads 32, kv heads 32,
// max_position_embeddings 4096, rope_scaling null, vocab 32000. rope_theta is absent, so LlamaConfig's default 10000.
import type { ModelPreset } from './preset.ts';

export const llama2_7b: ModelPreset = {
  id: 'llama-2-7b',
  label: 'Llama 2 7B',
  hf: 'meta-llama/Llama-2-7b-hf',
  source: 'config.json as quoted in a stored copy (find_string id 20337672980)',
  config: {
    hidden_size: 4096,
    num_attention_heads: 32,
    num_key_value_heads: 32,
    max_position_embeddings: 4096,
    rope_scaling: null,
    vocab_size: 32000,
  },
  tokenizer: 'llama2',
  d: 4096,
  pe: 'rope',
  params: { heads: 32, headDim: 128, base: 10000, layout: 'half', ropeType: 'default' },
};
