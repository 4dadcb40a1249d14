// BERT's BasicTokenizer (Devlin et al. 2019; google-research/bert tokenization.py, as in Hugging Face's
// BertTokenizer with do_lower_case): the step before WordPiece. Per input code point:
// - clean: drop NUL, U+FFFD and control/format/unassigned/surrogate characters (category C*, except \t \n \r);
//   white space (\t \n \r and Unicode White_Space) separates words;
// - CJK ideographs (the ranges of BERT's _is_chinese_char) become words of their own;
// - lower-case, then strip accents: NFD and drop non-spacing marks (Mn). Lower-casing is per code point (so Σ is
//   always σ), as Hugging Face's fast tokenizer does;
// - punctuation (ASCII symbols and category P*) becomes words of its own.
// Each normalised character keeps the UTF-16 span of the input code point it came from, so a word maps back to
// the text even when normalisation changed its length. Text that looks like [CLS] is read as ordinary text.

/** A word after normalisation: its characters (code points), each with the span of its source code point. */
export interface BasicWord {
  chars: string[];
  starts: number[];
  ends: number[];
}

const CJK_RANGES = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b73f],
  [0x2b740, 0x2b81f],
  [0x2b820, 0x2ceaf],
  [0xf900, 0xfaff],
  [0x2f800, 0x2fa1f],
] as const;

export function isCjk(cp: number): boolean {
  for (const [lo, hi] of CJK_RANGES) if (cp >= lo && cp <= hi) return true;
  return false;
}

export function isPunctuation(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (
    (cp >= 33 && cp <= 47) ||
    (cp >= 58 && cp <= 64) ||
    (cp >= 91 && cp <= 96) ||
    (cp >= 123 && cp <= 126)
  ) {
    return true;
  }
  return /^\p{P}$/u.test(ch);
}

const DROP = 0;
const SPACE = 1;
const PUNCT = 2;
const OTHER = 3;
type Kind = typeof DROP | typeof SPACE | typeof PUNCT | typeof OTHER;

/** How the cleaning step treats a code point, before normalisation. */
export function kindOf(ch: string): Kind {
  if (ch === '\t' || ch === '\n' || ch === '\r' || ch === ' ') return SPACE;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0 || cp === 0xfffd || /^\p{C}$/u.test(ch)) return DROP;
  if (/^\p{White_Space}$/u.test(ch)) return SPACE;
  return isPunctuation(ch) ? PUNCT : OTHER;
}

const ASCII_KIND: Kind[] = Array.from({ length: 128 }, (_, c) => kindOf(String.fromCharCode(c)));

/** Lower-case and strip accents (NFD, then drop Mn). */
export function normalizeChar(ch: string): string {
  const cp = ch.charCodeAt(0);
  if (ch.length === 1 && cp < 0x80) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
  return ch
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

export function basicTokenize(text: string): BasicWord[] {
  const words: BasicWord[] = [];
  let word: BasicWord = { chars: [], starts: [], ends: [] };
  const flush = () => {
    if (word.chars.length > 0) words.push(word);
    word = { chars: [], starts: [], ends: [] };
  };
  const single = (ch: string, start: number, end: number) => {
    flush();
    words.push({ chars: [ch], starts: [start], ends: [end] });
  };

  const push = (ch: string, start: number, end: number) => {
    word.chars.push(ch);
    word.starts.push(start);
    word.ends.push(end);
  };

  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i];
    const start = i;
    i += ch.length;
    const kind = cp < 0x80 ? ASCII_KIND[cp] : kindOf(ch);
    if (kind === DROP) continue;
    if (kind === SPACE) {
      flush();
      continue;
    }
    if (cp < 0x80) {
      if (kind === PUNCT) single(ch, start, i);
      else push(normalizeChar(ch), start, i);
      continue;
    }
    const cjk = isCjk(cp);
    if (cjk) flush();
    for (const n of normalizeChar(ch)) {
      if (isPunctuation(n)) single(n, start, i);
      else push(n, start, i);
    }
    if (cjk) flush();
  }
  flush();
  return words;
}
