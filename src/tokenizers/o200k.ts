// o200k_base: the tokenizer of GPT-4o, GPT-4.1, GPT-5 and the o-series (OpenAI tiktoken).
// Byte-level BPE with gpt-tokenizer's o200k_base encoder; the shared logic is in byteLevel.ts. The encoder and
// its rank table load lazily, in their own chunk, the first time this tokenizer is picked.
import { byteLevelBpe } from './byteLevel.ts';
import type { Tokenizer } from './tokenizer.ts';

/** Ids 0…200018: the mergeable ranks plus special tokens (tiktoken's n_vocab 200019). */
export const VOCAB_SIZE = 200019;

/** Special tokens (tiktoken, openai_public.py); never produced from text. */
const SPECIALS = { 199999: '<|endoftext|>', 200018: '<|endofprompt|>' };

export async function load(): Promise<Tokenizer> {
  const [encoding, ranks, params] = await Promise.all([
    import('gpt-tokenizer/encoding/o200k_base'),
    import('gpt-tokenizer/bpeRanks/o200k_base'),
    import('gpt-tokenizer/encodingParams/constants'),
  ]);
  return byteLevelBpe({
    name: 'o200k',
    vocabSize: VOCAB_SIZE,
    encoder: encoding.default,
    ranks: ranks.default,
    split: params.O200K_TOKEN_SPLIT_REGEX,
    specials: SPECIALS,
  });
}
