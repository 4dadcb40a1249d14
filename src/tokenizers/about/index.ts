// What the UI and the protocol know about each tokenizer, as data (no tf, no tokenizer code): its label, its
// vocabulary size, the rows of the model table it indexes, its licence and source, and the shipped embedding table
// it pairs with. The typed map has one entry per name in TOKENIZERS, so a missing entry is a type error.
import type { EmbeddingName, TokenizerName } from '../../protocol/specs.ts';
import { MODERN } from './modern.ts';

export interface TokenizerAbout {
  /** The picker's label. */
  label: string;
  /** Ids 0…vocabSize−1 (the rows of a random table); null where the table is built from the bundled corpus. */
  vocabSize: number | null;
  /** Rows of the model's token table whose ids this tokenizer makes (config vocab_size): a checkpoint with this
   * many rows is guessed to use this tokenizer. Absent when no shipped model is known by its rows. */
  checkpointRows?: number;
  /** Licence of the vocabulary or tokenizer data. */
  licence: string;
  /** Where the vocabulary comes from. */
  source: string;
  /** The special tokens added by default (URL key special=1), as the tokenizer's own files define them. */
  specials: string;
  /** A shipped embedding table whose rows are this tokenizer's ids, and its width. */
  pairsWith?: { embedding: EmbeddingName; d: number };
}

export const TOKENIZER_ABOUT: { readonly [K in TokenizerName]: TokenizerAbout } = {
  word: {
    label: 'word (vocabulary table)',
    vocabSize: null,
    licence: 'project corpus (src/tokenizers/corpus.txt)',
    source: 'lower-cased words of the bundled corpus',
    specials: 'none',
    pairsWith: { embedding: 'glove-100d', d: 100 },
  },
  char: {
    label: 'char (graphemes)',
    vocabSize: null,
    licence: 'project corpus (src/tokenizers/corpus.txt)',
    source: 'printable ASCII and the graphemes of the bundled corpus',
    specials: 'none',
  },
  gpt2: {
    label: 'GPT-2 BPE (r50k)',
    vocabSize: 50257,
    checkpointRows: 50257,
    licence: 'MIT (gpt-tokenizer; OpenAI tiktoken)',
    source: 'gpt-tokenizer r50k_base',
    specials: 'none',
  },
  cl100k: {
    label: 'cl100k (GPT-4)',
    vocabSize: 100277,
    licence: 'MIT (gpt-tokenizer; OpenAI tiktoken)',
    source: 'gpt-tokenizer cl100k_base',
    specials: 'none',
  },
  o200k: {
    label: 'o200k (GPT-4o)',
    vocabSize: 200019,
    licence: 'MIT (gpt-tokenizer; OpenAI tiktoken)',
    source: 'gpt-tokenizer o200k_base',
    specials: 'none',
  },
  bert: {
    label: 'BERT WordPiece',
    vocabSize: 30522,
    checkpointRows: 30522,
    licence: 'Apache-2.0',
    source: 'bert-base-uncased vocab.txt (public/data)',
    specials: '[CLS] first, [SEP] last',
  },
  use: {
    label: 'SentencePiece (USE-lite)',
    vocabSize: 8000,
    checkpointRows: 8002,
    licence: 'Apache-2.0',
    source: 'Universal Sentence Encoder lite SentencePiece model (public/data)',
    specials: 'none',
    pairsWith: { embedding: 'use-lite', d: 256 },
  },
  ...MODERN,
};

/** What a shipped table fixes: its tokenizer and its width. Random and checkpoint tables fix neither. */
export const EMBEDDING_REQUIRES: Partial<Record<EmbeddingName, { tokenizer: TokenizerName; d: number }>> =
  Object.fromEntries(
    (Object.entries(TOKENIZER_ABOUT) as [TokenizerName, TokenizerAbout][]).flatMap(([tokenizer, a]) =>
      a.pairsWith ? [[a.pairsWith.embedding, { tokenizer, d: a.pairsWith.d }]] : [],
    ),
  );

/** The tokenizer whose model table has `rows` rows, if one is known (for a checkpoint's token table). */
export function tokenizerForRows(rows: number): TokenizerName | undefined {
  const hit = (Object.entries(TOKENIZER_ABOUT) as [TokenizerName, TokenizerAbout][]).find(
    ([, a]) => a.checkpointRows === rows,
  );
  return hit?.[0];
}
