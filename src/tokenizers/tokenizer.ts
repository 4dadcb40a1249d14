// The interface every tokenizer implements, and the small helpers they share.
import type { Token } from '../protocol/messages.ts';
import type { TokenizerName } from '../protocol/specs.ts';

export interface Tokenizer {
  name: TokenizerName;
  vocabSize: number;
  /**
   * Tokens covering the text in order; start/end are UTF-16 offsets into `text`. `special` (default true): add the
   * special tokens the tokenizer adds by default (BERT's [CLS]/[SEP], Gemma's <bos>); false: none.
   */
  tokenize(text: string, special?: boolean): Token[];
  /** The vocabulary's spelling of an id, as Token.text writes it; `#id` for an id with none. */
  piece(id: number): string;
}

/** A vocabulary table: id → piece and piece → id, with [UNK] at id 0. */
export class Vocab {
  static readonly UNK = '[UNK]';
  readonly pieces: string[];
  private readonly ids = new Map<string, number>();

  constructor(pieces: Iterable<string>) {
    this.pieces = [Vocab.UNK];
    for (const p of pieces) {
      if (p === Vocab.UNK || this.ids.has(p)) continue;
      this.ids.set(p, this.pieces.length);
      this.pieces.push(p);
    }
  }

  get size(): number {
    return this.pieces.length;
  }

  /** The piece of an id, or `#id` outside the table. */
  piece(id: number): string {
    return this.pieces[id] ?? `#${id}`;
  }

  /** The id of a piece, or 0 ([UNK]) when it is not in the table. */
  id(piece: string): number {
    return this.ids.get(piece) ?? 0;
  }

  /** Tokens for pre-split pieces of `text` with their spans; pieces outside the table become [UNK]. */
  lookup(text: string, spans: Iterable<Span>): Token[] {
    const bytes = utf8Offsets(text);
    const out: Token[] = [];
    for (const { piece, start, end } of spans) {
      const id = this.id(piece);
      out.push({
        text: piece,
        id,
        start,
        end,
        byteStart: bytes[start],
        byteEnd: bytes[end],
        unknown: id === 0,
      });
    }
    return out;
  }
}

/** A piece of the input and its UTF-16 span. */
export interface Span {
  piece: string;
  start: number;
  end: number;
}

/** Pieces ordered by descending count, ties broken by code-unit order, so the table is deterministic. */
export function byFrequency(items: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(it, (counts.get(it) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
}

/** The UTF-16 index just after the code point at `i` (a surrogate pair counts as one). */
export function nextBoundary(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
    const n = text.charCodeAt(i + 1);
    if (n >= 0xdc00 && n < 0xe000) return i + 2;
  }
  return i + 1;
}

/** UTF-8 byte offset of every UTF-16 offset 0…text.length (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Offsets(text: string): Uint32Array {
  const out = new Uint32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = b;
    const c = text.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const n = text.charCodeAt(i + 1);
      if (n >= 0xdc00 && n < 0xe000) {
        out[i + 1] = b; // the low half starts inside the same 4-byte character
        b += 4;
        i++;
        continue;
      }
      b += 3;
    } else b += 3;
  }
  out[text.length] = b;
  return out;
}

/**
 * Reads a shipped data file, public/data/<file>, as bytes. The worker fetches it from the app's own origin (with
 * progress); Node tests read it from disk. Tokenizers and embedding sources that need data take one of these.
 */
export type FetchData = (file: string) => Promise<Uint8Array>;
