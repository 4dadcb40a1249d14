// The SentencePiece unigram tokenizer of the Universal Sentence Encoder lite (Cer et al. 2018), as its tfjs port
// runs it (@tensorflow-models/universal-sentence-encoder, and @energetic-ai/embeddings which ships the same
// vocabulary): NFKC-normalise, prefix ▁ (U+2581) and write every ASCII space as ▁, then the Viterbi segmentation of
// unigram.ts over the 8,000 scored pieces. Ids are vocabulary line numbers 0…7999; ids 0…5 are reserved (0 is
// the unknown piece, 1…5 are <s>, </s> and three extra ids) and never matched as text. Where the vocabulary lists a
// piece twice, the later id wins, as in the port; seven pieces with a colon have no score in the source and score 0
// (the port adds null as 0; vocab.mjs writes 0). The unknown piece shows as <unk>. Spans: NFKC runs per grapheme cluster (merged where normalising
// them apart would differ), and a token covers the source of every cluster it draws a character from; the leading
// ▁ has no source, so a token made of it alone has an empty span at 0.
// The vocabulary is public/data/use-lite-vocab.tsv (line i = "piece<TAB>score" of id i), written by
// scripts/data/vocab.mjs.
import type { Token } from '../protocol/messages.ts';
import { graphemes } from './graphemes.ts';
import { utf8Offsets, type FetchData, type Tokenizer } from './tokenizer.ts';
import { PieceTrie, UNKNOWN_ID, viterbi } from './unigram.ts';

export const USE_VOCAB_FILE = 'use-lite-vocab.tsv';
export const USE_VOCAB_SIZE = 8000;
const RESERVED = 6;
export const SPACE_MARK = '\u2581';

/** NFKC-normalised text as symbols (code points, spaces as ▁), each with the source span it came from. */
export function normalizeForUse(text: string): { symbols: string[]; starts: number[]; ends: number[] } {
  const symbols = [SPACE_MARK];
  const starts = [0];
  const ends = [0];
  const emit = (norm: string, start: number, end: number) => {
    for (const ch of norm) {
      symbols.push(ch === ' ' ? SPACE_MARK : ch);
      starts.push(start);
      ends.push(end);
    }
  };
  // An ASCII character followed by another (or by the end) is its own NFKC form and composes with nothing.
  const plain = (i: number) =>
    text.charCodeAt(i) < 0x80 && (i + 1 === text.length || text.charCodeAt(i + 1) < 0x80);
  for (let i = 0; i < text.length;) {
    if (plain(i)) {
      emit(text[i], i, i + 1);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !plain(j)) j++;
    for (const [start, end, norm] of nfkcChunks(text, i, j)) emit(norm, start, end);
    i = j;
  }
  return { symbols, starts, ends };
}

/** text[from, to) cut into grapheme clusters, each NFKC-normalised alone unless that differs from normalising it
 * together with the previous one (then the two are one chunk): [start, end, NFKC text][]. */
function nfkcChunks(text: string, from: number, to: number): [number, number, string][] {
  const chunks: [number, number, string][] = [];
  for (const { piece, start, end } of graphemes(text.slice(from, to))) {
    const norm = piece.normalize('NFKC');
    const prev = chunks[chunks.length - 1];
    if (prev) {
      const joined = text.slice(prev[0], from + end).normalize('NFKC');
      if (joined !== prev[2] + norm) {
        prev[1] = from + end;
        prev[2] = joined;
        continue;
      }
    }
    chunks.push([from + start, from + end, norm]);
  }
  return chunks;
}

export function sentencePieceFromUseVocab(pieces: readonly (readonly [string, number])[]): Tokenizer {
  const trie = new PieceTrie();
  for (let id = RESERVED; id < pieces.length; id++) trie.insert(pieces[id][0], pieces[id][1], id);

  return {
    name: 'use',
    vocabSize: pieces.length,
    tokenize(text: string): Token[] {
      if (text.length === 0) return [];
      const { symbols, starts, ends } = normalizeForUse(text);
      const off = utf8Offsets(text);
      return viterbi(symbols, trie).map(({ id, a, b }) => {
        const start = starts[a];
        const end = ends[b - 1];
        const unknown = id === UNKNOWN_ID;
        const piece = unknown ? '<unk>' : pieces[id][0];
        return { text: piece, id, start, end, byteStart: off[start], byteEnd: off[end], unknown };
      });
    },
    piece: (id) => (id === UNKNOWN_ID ? '<unk>' : (pieces[id]?.[0] ?? `#${id}`)),
  };
}

/** Parses "piece<TAB>score" lines. */
export function parseUseVocab(tsv: string): [string, number][] {
  const lines = tsv.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    const tab = line.lastIndexOf('\t');
    const score = Number(line.slice(tab + 1));
    if (tab < 0 || !Number.isFinite(score))
      throw new Error(`${USE_VOCAB_FILE} line ${i + 1} is not "piece<TAB>score"`);
    return [line.slice(0, tab), score];
  });
}

export async function load(fetchData: FetchData): Promise<Tokenizer> {
  const pieces = parseUseVocab(new TextDecoder().decode(await fetchData(USE_VOCAB_FILE)));
  if (pieces.length !== USE_VOCAB_SIZE) {
    throw new Error(`${USE_VOCAB_FILE}: ${pieces.length} pieces, expected ${USE_VOCAB_SIZE}`);
  }
  return sentencePieceFromUseVocab(pieces);
}
