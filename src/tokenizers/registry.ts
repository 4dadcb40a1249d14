// The typed map of tokenizers: a missing entry is a type error, an unknown name throws.
import type { TokenizerName } from '../protocol/specs.ts';
import type { Tokenizer } from './tokenizer.ts';
import { word } from './word.ts';
import { char } from './char.ts';

const tokenizers: { [K in TokenizerName]: Tokenizer } = { word, char };

export function getTokenizer(name: string): Tokenizer {
  if (Object.prototype.hasOwnProperty.call(tokenizers, name)) return tokenizers[name as TokenizerName];
  throw new Error(`unknown tokenizer: ${name}`);
}
