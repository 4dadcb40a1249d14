// cl100k_base: the tokenizer of GPT-3.5-turbo, GPT-4 and text-embedding-3 (OpenAI tiktoken).
// Byte-level BPE with gpt-tokenizer's cl100k_base encoder; the shared logic is in byteLevel.ts. The encoder and
// its rank table load lazily, in their own chunk, the first time this tokenizer is picked.
import { byteLevelBpe } from './byteLevel.ts';
import type { Tokenizer } from './tokenizer.ts';

/** Ids 0…100276: the mergeable ranks plus special tokens (tiktoken's n_vocab 100277). */
export const VOCAB_SIZE = 100277;

/** Special tokens (tiktoken, openai_public.py); never produced from text. */
const SPECIALS = {
  100257: '<|endoftext|>',
  100258: '<|fim_prefix|>',
  100259: '<|fim_middle|>',
  100260: '<|fim_suffix|>',
  100276: '<|endofprompt|>',
};

export async function load(): Promise<Tokenizer> {
  const [encoding, ranks, params] = await Promise.all([
    import('gpt-tokenizer/encoding/cl100k_base'),
    import('gpt-tokenizer/bpeRanks/cl100k_base'),
    import('gpt-tokenizer/encodingParams/constants'),
  ]);
  return byteLevelBpe({
    name: 'cl100k',
    vocabSize: VOCAB_SIZE,
    encoder: encoding.default,
    ranks: ranks.default,
    split: params.CL100K_TOKEN_SPLIT_REGEX,
    specials: SPECIALS,
  });
}
