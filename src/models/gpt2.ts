// GPT-2 (124M): learned absolute positions, 1,024 of them. Published config: https://huggingface.co/openai-community/gpt2
// (config.json). Stored copy read: a verbatim config.json quoted in a docstring (find_string id 37850187079), and
// transformers' download log of gpt2-config.json (id 35066829175): n_embd 768, n_head 12, n_positions 1024, vocab 50257.
import type { ModelPreset } from './preset.ts';

export const gpt2: ModelPreset = {
  id: 'gpt2',
  label: 'GPT-2 (124M)',
  hf: 'openai-community/gpt2',
  source: 'config.json as quoted in stored copies (find_string ids 37850187079, 35066829175)',
  config: { n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, n_ctx: 1024, vocab_size: 50257 },
  tokenizer: 'gpt2',
  d: 768,
  pe: 'learned',
  params: { heads: 12, positions: 1024 },
};
