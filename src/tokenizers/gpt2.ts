// GPT-2's tokenizer, r50k_base (Radford et al. 2019: 50,257 tokens = 256 bytes + 50,000 merges + <|endoftext|>).
// Byte-level BPE with gpt-tokenizer's r50k_base encoder; the shared logic is in byteLevel.ts. The encoder and
// its rank table load lazily, in their own chunk, the first time this tokenizer is picked.
import { byteLevelBpe } from './byteLevel.ts';
import type { Tokenizer } from './tokenizer.ts';

/** Ids 0…50256: the mergeable ranks plus special tokens (tiktoken's n_vocab 50257). */
export const VOCAB_SIZE = 50257;

/** Special tokens (tiktoken, openai_public.py); never produced from text. */
const SPECIALS = { 50256: '<|endoftext|>' };

export async function load(): Promise<Tokenizer> {
  const [encoding, ranks, params] = await Promise.all([
    import('gpt-tokenizer/encoding/r50k_base'),
    import('gpt-tokenizer/bpeRanks/r50k_base'),
    import('gpt-tokenizer/encodingParams/constants'),
  ]);
  return byteLevelBpe({
    name: 'gpt2',
    vocabSize: VOCAB_SIZE,
    encoder: encoding.default,
    ranks: ranks.default,
    split: params.R50K_TOKEN_SPLIT_REGEX,
    specials: SPECIALS,
  });
}
