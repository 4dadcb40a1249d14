// BERT's WordPiece tokenizer, bert-base-uncased (Devlin et al. 2019): BasicTokenizer (bertBasic.ts), then greedy
// longest-match-first WordPiece over each word, with ## marking a piece that continues a word. A word longer than
// 100 characters, or one with any stretch no piece matches, is a single [UNK] (id 100). The output starts with [CLS]
// (101) and ends with [SEP] (102); those two have empty spans, at the start and the end of the text (special = false
// leaves them out).
// The vocabulary is public/data/bert-base-uncased-vocab.txt (line i = piece of id i), written by
// scripts/data/vocab.mjs.
import type { Token } from '../protocol/messages.ts';
import { basicTokenize, type BasicWord } from './bertBasic.ts';
import { utf8Offsets, type FetchData, type Tokenizer } from './tokenizer.ts';

export const BERT_VOCAB_FILE = 'bert-base-uncased-vocab.txt';
export const BERT_VOCAB_SIZE = 30522;
const MAX_CHARS_PER_WORD = 100;

/** A piece of a word: vocabulary id and the word's characters [a, b) it covers; null when the word is [UNK]. */
export type WordPieces = { id: number; piece: string; a: number; b: number }[] | null;

/** Greedy longest-match-first WordPiece of one word's characters. */
export function wordPiece(
  chars: readonly string[],
  ids: ReadonlyMap<string, number>,
  maxPiece: number,
): WordPieces {
  const n = chars.length;
  if (n > MAX_CHARS_PER_WORD) return null;
  const out: NonNullable<WordPieces> = [];
  let a = 0;
  while (a < n) {
    let found: { id: number; piece: string; b: number } | null = null;
    for (let b = Math.min(n, a + maxPiece); b > a; b--) {
      const piece = (a > 0 ? '##' : '') + chars.slice(a, b).join('');
      const id = ids.get(piece);
      if (id !== undefined) {
        found = { id, piece, b };
        break;
      }
    }
    if (!found) return null;
    out.push({ id: found.id, piece: found.piece, a, b: found.b });
    a = found.b;
  }
  return out;
}

export function bertFromVocab(pieces: readonly string[]): Tokenizer {
  const ids = new Map<string, number>();
  let maxPiece = 1;
  pieces.forEach((p, id) => {
    if (!ids.has(p)) ids.set(p, id);
    maxPiece = Math.max(maxPiece, [...p.replace(/^##/, '')].length);
  });
  const idOf = (p: string) => {
    const id = ids.get(p);
    if (id === undefined) throw new Error(`BERT vocabulary has no ${p}`);
    return id;
  };
  const [cls, sep, unk] = [idOf('[CLS]'), idOf('[SEP]'), idOf('[UNK]')];

  return {
    name: 'bert',
    vocabSize: pieces.length,
    tokenize(text: string, special = true): Token[] {
      const off = utf8Offsets(text);
      const token = (text: string, id: number, start: number, end: number): Token => ({
        text,
        id,
        start,
        end,
        byteStart: off[start],
        byteEnd: off[end],
        unknown: id === unk,
      });
      const out: Token[] = [token('[CLS]', cls, 0, 0)];
      const words: BasicWord[] = basicTokenize(text);
      for (const w of words) {
        const wp = wordPiece(w.chars, ids, maxPiece);
        if (wp === null) out.push(token('[UNK]', unk, w.starts[0], w.ends[w.chars.length - 1]));
        else for (const p of wp) out.push(token(p.piece, p.id, w.starts[p.a], w.ends[p.b - 1]));
      }
      out.push(token('[SEP]', sep, text.length, text.length));
      return special ? out : out.slice(1, -1);
    },
    piece: (id) => pieces[id] ?? `#${id}`,
  };
}

/** Reads the vocabulary (one piece per line) through fetchData and builds the tokenizer. */
export async function load(fetchData: FetchData): Promise<Tokenizer> {
  const lines = new TextDecoder().decode(await fetchData(BERT_VOCAB_FILE)).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== BERT_VOCAB_SIZE) {
    throw new Error(`${BERT_VOCAB_FILE}: ${lines.length} pieces, expected ${BERT_VOCAB_SIZE}`);
  }
  return bertFromVocab(lines);
}
