// Byte-level BPE, shared by the GPT tokenizers (gpt2 = r50k_base, cl100k_base, o200k_base). The ids come from
// gpt-tokenizer's encoders; each id's bytes come from the same package's rank table (rank = id: a string for a piece
// that is valid UTF-8, else its raw bytes). Conventions:
// - Text that looks like a special token (<|endoftext|>) is encoded as ordinary text, like tiktoken's
//   encode_ordinary, so no input can make the encoder throw.
// - A lone surrogate is encoded as U+FFFD (3 bytes), as TextEncoder and utf8Offsets count it.
// - Token.text is the piece written the way GPT-2's vocab.json writes it: every byte through the byte-to-unicode
//   map, so a leading space shows as Ġ and a newline as Ċ.
// - A text with a run of 512 or more non-space (or space) characters may hold a pre-token long enough to make
//   gpt-tokenizer's quadratic merge take seconds; such a text is encoded by bpeMerge.ts instead (same ids).
// - byteStart/byteEnd are the piece's exact UTF-8 bytes. start/end widen to the whole characters those bytes
//   touch, so two tokens that split one character (an emoji over two pieces) share that character's span.
import type { Token } from '../protocol/messages.ts';
import type { TokenizerName } from '../protocol/specs.ts';
import { encodeOrdinary, rankMap } from './bpeMerge.ts';
import { nextBoundary, utf8Offsets, type Tokenizer } from './tokenizer.ts';

/** gpt-tokenizer's rank table: index = id; a string piece, or the bytes of a piece that is not valid UTF-8. */
export type RankTable = readonly (string | readonly number[])[];

/** The part of a gpt-tokenizer encoding that is used here. */
export interface BpeEncoder {
  encode(text: string, options: { disallowedSpecial: Set<string> }): number[];
}

/**
 * GPT-2's bytes_to_unicode: the printable bytes ! … ~, ¡ … ¬ and ® … ÿ stand for themselves; the other 68 bytes map,
 * in byte order, to U+0100, U+0101, … (so 0x0A → Ċ U+010A and 0x20 → Ġ U+0120).
 */
export const BYTE_TO_UNICODE: readonly string[] = (() => {
  const out: string[] = [];
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    out.push(String.fromCharCode(printable ? b : 256 + shifted++));
  }
  return out;
})();

/** The bytes of piece `id`, or none for an id outside the table. */
export function pieceBytes(ranks: RankTable, id: number): Uint8Array {
  const v = ranks[id];
  if (v === undefined) return new Uint8Array(0);
  return typeof v === 'string' ? new TextEncoder().encode(v) : Uint8Array.from(v);
}

/** A piece's bytes written through BYTE_TO_UNICODE. */
export function byteLevelText(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += BYTE_TO_UNICODE[b];
  return s;
}

/** Any pre-token longer than 1,025 code units holds a run of 512 non-space or space characters. */
const LONG_RUN = /\S{512}|\s{512}/u;

/** What one GPT encoding is made of. */
export interface ByteLevelSpec {
  name: TokenizerName;
  /** Ids 0…vocabSize−1: mergeable ranks and special tokens (tiktoken's n_vocab). */
  vocabSize: number;
  encoder: BpeEncoder;
  ranks: RankTable;
  /** The encoding's pre-token split regex (global, unicode). */
  split: RegExp;
  /** Special tokens by id, as tiktoken defines them: only piece() shows them; the text never produces them. */
  specials: Readonly<Record<number, string>>;
}

export function byteLevelBpe({ name, vocabSize, encoder, ranks, split, specials }: ByteLevelSpec): Tokenizer {
  const ordinary = { disallowedSpecial: new Set<string>() };
  let byBytes: Map<string, number> | null = null; // built the first time a long run needs it
  const encode = (text: string): number[] => {
    if (!LONG_RUN.test(text)) return encoder.encode(text, ordinary);
    byBytes ??= rankMap(ranks);
    return encodeOrdinary(text, split, byBytes);
  };
  // id → [display text, byte length], filled as ids are met.
  const pieces = new Map<number, [string, number]>();
  const info = (id: number): [string, number] => {
    let p = pieces.get(id);
    if (!p) {
      const bytes = pieceBytes(ranks, id);
      p = [byteLevelText(bytes), bytes.length];
      pieces.set(id, p);
    }
    return p;
  };

  return {
    name,
    vocabSize,
    tokenize(text: string): Token[] {
      const ids = encode(text);
      const off = utf8Offsets(text);
      const n = text.length;
      const totalBytes = off[n];
      const out: Token[] = [];
      let byte = 0;
      let s = 0; // a code-point boundary with off[s] ≤ byte
      for (const id of ids) {
        const [pieceText, length] = info(id);
        const byteStart = Math.min(byte, totalBytes);
        const byteEnd = Math.min(byte + length, totalBytes);
        byte += length;
        // start: the character holding the first byte; end: the boundary after the character holding the last.
        while (s < n && off[nextBoundary(text, s)] <= byteStart) s = nextBoundary(text, s);
        let e = s;
        while (e < n && off[e] < byteEnd) e = nextBoundary(text, e);
        out.push({ text: pieceText, id, start: s, end: e, byteStart, byteEnd, unknown: false });
      }
      return out;
    },
    piece: (id) => (ranks[id] !== undefined ? info(id)[0] : (specials[id] ?? `#${id}`)),
  };
}
