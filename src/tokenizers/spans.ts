// Spans of tokens whose pieces are known only as bytes of the *normalized* text (a Hugging Face tokenizer.json
// may normalize first: Qwen applies NFC, Gemma writes spaces as ▁). Conventions, as byteLevel.ts:
// - byteStart/byteEnd are UTF-8 offsets into the original text. Where normalization left a stretch unchanged they
//   are the piece's exact bytes; inside a grapheme that normalization changed they widen to the whole grapheme.
// - start/end (UTF-16) widen to the whole characters those bytes touch, so two tokens that split one character
//   (an emoji over two byte pieces) share that character's span.
// - A piece of no bytes (a special token the tokenizer adds, like <bos>) has an empty span where it stands.
import { graphemes } from './graphemes.ts';
import { nextBoundary, utf8Offsets } from './tokenizer.ts';

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** A stretch of the text: original bytes [ob0, ob1) became normalized bytes [nb0, nb1); same: unchanged. */
interface Stretch {
  ob0: number;
  ob1: number;
  nb0: number;
  nb1: number;
  same: boolean;
}

/** The normalized text and its stretches; one unchanged stretch when normalization is the identity. */
export function normalizeWithMap(text: string, normalize: ((s: string) => string) | null) {
  const bytes = utf8Offsets(text);
  const total = bytes[text.length];
  if (!normalize || normalize(text) === text) {
    return { normalized: text, stretches: [{ ob0: 0, ob1: total, nb0: 0, nb1: total, same: true }] };
  }
  // Normalizers work within a grapheme (NFC composes a base with its marks; ▁ replaces a space), so each
  // grapheme is normalized on its own and unchanged neighbours are merged.
  const stretches: Stretch[] = [];
  let normalized = '';
  let nb = 0;
  for (const g of graphemes(text)) {
    const n = normalize(g.piece);
    const ob0 = bytes[g.start];
    const ob1 = bytes[g.end];
    const nLen = n === g.piece ? ob1 - ob0 : utf8Length(n);
    const same = n === g.piece;
    const last = stretches[stretches.length - 1];
    if (same && last?.same) {
      last.ob1 = ob1;
      last.nb1 = nb + nLen;
    } else stretches.push({ ob0, ob1, nb0: nb, nb1: nb + nLen, same });
    normalized += n;
    nb += nLen;
  }
  return { normalized, stretches };
}

export interface PieceSpan {
  start: number;
  end: number;
  byteStart: number;
  byteEnd: number;
}

/**
 * Spans of consecutive pieces of `lengths[i]` normalized bytes each, over the original `text`. Pieces come in text
 * order; their lengths add up to the normalized text's UTF-8 length (any excess is clamped at the end).
 */
export function spansOf(
  text: string,
  stretches: readonly Stretch[],
  lengths: readonly number[],
): PieceSpan[] {
  const off = utf8Offsets(text);
  const n = text.length;
  const totalNorm = stretches.length ? stretches[stretches.length - 1].nb1 : 0;
  let k = 0; // the stretch holding the current normalized byte
  const at = (nb: number, isEnd: boolean): number => {
    while (k < stretches.length - 1 && stretches[k].nb1 <= nb && !(isEnd && stretches[k].nb1 === nb)) k++;
    const s = stretches[k];
    if (!s) return 0;
    if (s.same) return s.ob0 + Math.min(nb - s.nb0, s.ob1 - s.ob0);
    if (nb <= s.nb0) return s.ob0;
    return isEnd || nb >= s.nb1 ? s.ob1 : s.ob0;
  };
  const out: PieceSpan[] = [];
  let nb = 0;
  let c = 0; // a code-point boundary with off[c] ≤ the current byte
  for (const len of lengths) {
    const a = Math.min(nb, totalNorm);
    const b = Math.min(nb + len, totalNorm);
    nb += len;
    const byteStart = at(a, false);
    const byteEnd = b > a ? Math.max(byteStart, at(b, true)) : byteStart;
    while (c < n && off[nextBoundary(text, c)] <= byteStart) c = nextBoundary(text, c);
    let e = c;
    while (e < n && off[e] < byteEnd) e = nextBoundary(text, e);
    out.push({ start: b > a ? c : Math.min(c, e), end: e, byteStart, byteEnd });
  }
  return out;
}
