// Word tokenizer: lower-cased words and single punctuation marks, looked up in a vocabulary table built from a
// small bundled corpus (corpus.txt, written for this project). Words not in the table map to [UNK] (id 0) —
// the 词汇表 / 未知词 (vocabulary / unknown word) design of classic word-level models.
import corpus from './corpus.txt?raw';
import type { Token } from '../protocol/messages.ts';
import { Vocab, byFrequency, type Span, type Tokenizer } from './tokenizer.ts';

// A word is letters/marks/digits, optionally joined by apostrophes (don't, it's); anything else that is not
// white space is a token of its own.
const PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function splitWords(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index ?? 0;
    out.push({ piece: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return out;
}

export const wordVocab = new Vocab(byFrequency(splitWords(corpus).map((w) => w.piece)));

export const word: Tokenizer = {
  name: 'word',
  vocabSize: wordVocab.size,
  tokenize(text: string): Token[] {
    return wordVocab.lookup(text, splitWords(text));
  },
  piece: (id) => wordVocab.piece(id),
};
