// BERT base, uncased: learned absolute positions (512) plus token-type embeddings. Published config:
// https://huggingface.co/google-bert/bert-base-uncased (config.json). Stored copy read: transformers' log of
// bert-base-uncased-config.json (find_string id 37884162170): hidden 768, heads 12, max_position_embeddings 512,
// type_vocab_size 2, vocab 30522.
import type { ModelPreset } from './preset.ts';

export const bertBaseUncased: ModelPreset = {
  id: 'bert-base-uncased',
  label: 'BERT base (uncased)',
  hf: 'google-bert/bert-base-uncased',
  source: 'config.json as logged in a stored copy (find_string id 37884162170)',
  config: {
    hidden_size: 768,
    num_attention_heads: 12,
    num_hidden_layers: 12,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: 30522,
  },
  tokenizer: 'bert',
  d: 768,
  pe: 'learned',
  params: { heads: 12, positions: 512 },
};
