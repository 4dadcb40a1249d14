// Character tokenizer: one token per user-perceived character (Unicode grapheme cluster, graphemes.ts),
// so an emoji ZWJ sequence or a letter with combining marks stays one token. White space is a token too, as in
// character-level language models. The vocabulary is printable ASCII plus every character of the bundled corpus;
// anything else is [UNK] (id 0).
import corpus from './corpus.txt?raw';
import type { Token } from '../protocol/messages.ts';
import { graphemes } from './graphemes.ts';
import { Vocab, byFrequency, type Tokenizer } from './tokenizer.ts';

const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
export const charVocab = new Vocab([...ascii, ...byFrequency(graphemes(corpus).map((g) => g.piece))]);

export const char: Tokenizer = {
  name: 'char',
  vocabSize: charVocab.size,
  tokenize(text: string): Token[] {
    return charVocab.lookup(text, graphemes(text));
  },
  piece: (id) => charVocab.piece(id),
};
