// Property tests of every tokenizer on hostile text (issue 8): emoji ZWJ sequences, combining marks, RTL text,
// zero-width and control characters, NUL, lone surrogates, look-alikes of special tokens, and long runs. For each
// generated text: no throw, ids in range, tokens in order, and the tokens cover the input — each tokenizer by its
// own published rule for what it may leave out (checked here against references computed another way: TextEncoder,
// a whole-text Intl.Segmenter, GPT-2's bytes_to_unicode table rebuilt from its definition). 1,500 texts per
// tokenizer, 10,500 in all.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Token } from '../protocol/messages.ts';
import { TOKENIZERS, type TokenizerName } from '../protocol/specs.ts';
import { loadTokenizer } from './registry.ts';
import { readPublicData } from './testData.ts';
import type { Tokenizer } from './tokenizer.ts';

const RUNS = 1_500;

const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const control = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((u) => String.fromCharCode(u));

/** One piece of hostile text; texts are runs of these. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\u1680'),
  },
  { weight: 2, arbitrary: fc.constantFrom('👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍💻', '🇯🇵', '❤️', '🧑‍🤝‍🧑', '👋🏿') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'e\u0301',
      'a\u0308\u0323',
      '\u0301',
      '\u0301\u0301',
      'Z\u0351\u036b\u0343',
      'İ',
      'ß',
      'ﬁ',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('שלום', 'مرحبا', 'עברית123', '\u202e', '\u200f', '\u061c', 'ﷺ') },
  { weight: 2, arbitrary: fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad') },
  { weight: 1, arbitrary: lone },
  { weight: 1, arbitrary: control },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<|endoftext|>',
      '<|fim_prefix|>',
      '[CLS]',
      '[SEP]',
      '[UNK]',
      '##ing',
      '▁',
      '<unk>',
      'Ġ',
      '\ufffd',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('東京', '日本語のテキスト', '한국어', 'ไทย', '𠀋') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Mostly short mixed texts; one in fifty is a run of 512–700 copies of a piece (byteLevel's long-run path). */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 49, arbitrary: fc.array(piece, { maxLength: 24 }).map((ps) => ps.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'ab', '😀', ' ', 'é', '\u0000', '漢'), fc.integer({ min: 512, max: 700 }))
      .map(([p, n]) => p.repeat(n)),
  },
);

/** UTF-8 bytes of a text as the engine counts them: TextEncoder writes each lone surrogate as U+FFFD. */
const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;

/** GPT-2 encoder.py bytes_to_unicode, inverted: printable bytes stand for themselves, the rest are 256 + k. */
const UNICODE_TO_BYTE: ReadonlyMap<string, number> = (() => {
  const keep = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  const map = new Map<string, number>();
  let k = 0;
  for (let b = 0; b < 256; b++) map.set(String.fromCodePoint(keep(b) ? b : 256 + k++), b);
  return map;
})();

/** Plain checks (thousands of tokens per run): throws the first broken rule, which fast-check then shrinks. */
function need(ok: boolean, what: string, token?: Token): void {
  if (!ok) throw new Error(`${what}${token ? ` at ${JSON.stringify(token)}` : ''}`);
}

/** Code points of the text with their UTF-16 offsets. */
function codePoints(text: string): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    out.push({ ch, at: i });
    i += ch.length;
  }
  return out;
}

/** UTF-16 offsets covered by some token's span. */
function covered(text: string, tokens: readonly Token[]): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const t of tokens) for (let i = t.start; i < t.end; i++) mask[i] = true;
  return mask;
}

/** The common contract: ids in range, spans inside the text, ordered; bytes consistent with the spans. */
function basics(text: string, tokens: readonly Token[], vocabSize: number, byteExact: boolean): void {
  let prev = { start: 0, end: 0 };
  for (const t of tokens) {
    need(Number.isInteger(t.id) && t.id >= 0 && t.id < vocabSize, 'id out of range', t);
    need(0 <= t.start && t.start <= t.end && t.end <= text.length, 'span outside the text', t);
    need(t.start >= prev.start && t.end >= prev.end, 'out of order', t);
    if (!byteExact) {
      need(
        t.byteStart === utf8Length(text.slice(0, t.start)),
        'byteStart is not the UTF-8 offset of start',
        t,
      );
      need(t.byteEnd === utf8Length(text.slice(0, t.end)), 'byteEnd is not the UTF-8 offset of end', t);
    }
    prev = t;
  }
}

/** Per tokenizer: what "the tokens cover the input" means, by that tokenizer's published rule. */
const coverage: Record<TokenizerName, (text: string, tokens: readonly Token[]) => void> = {
  // Words and single symbols; only white space (JavaScript \s) is left between them, and tokens never overlap.
  word(text, tokens) {
    let at = 0;
    for (const t of tokens) {
      need(/^\s*$/u.test(text.slice(at, t.start)), 'left out something other than white space', t);
      need(t.start >= at, 'overlaps the previous token', t);
      need(t.text === text.slice(t.start, t.end).toLowerCase(), 'is not its source, lower-cased', t);
      need(!/\s/u.test(t.text), 'holds white space', t);
      at = t.end;
    }
    need(/^\s*$/u.test(text.slice(at)), 'left out something other than white space at the end');
  },
  // One token per grapheme cluster, back to back, exactly as a whole-text Intl.Segmenter cuts the text.
  char(text, tokens) {
    const segments = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
    expect(tokens.map((t) => [t.start, t.end, t.text])).toEqual(
      segments.map((s) => [s.index, s.index + s.segment.length, s.segment]),
    );
  },
  gpt2: byteLevelCoverage,
  cl100k: byteLevelCoverage,
  o200k: byteLevelCoverage,
  // [CLS] … [SEP]; between them, only what BERT's BasicTokenizer deletes is left out: white space, NUL, U+FFFD,
  // control/format/unassigned/surrogate characters (category C), and characters that are nothing but accents once
  // lower-cased and NFD-stripped of non-spacing marks. (NUL is in category C.)
  bert(text, tokens) {
    const [first, last] = [tokens[0], tokens[tokens.length - 1]];
    need(
      first.text === '[CLS]' && first.start === 0 && first.end === 0,
      'does not open with [CLS] at 0',
      first,
    );
    need(
      last.text === '[SEP]' && last.start === text.length && last.end === text.length,
      'no [SEP] at end',
      last,
    );
    const mask = covered(text, tokens.slice(1, -1));
    for (const { ch, at } of codePoints(text)) {
      if (mask[at]) continue;
      const accentsOnly =
        ch
          .toLowerCase()
          .normalize('NFD')
          .replace(/\p{Mn}/gu, '') === '';
      need(/^[\p{White_Space}\p{C}\ufffd]$/u.test(ch) || accentsOnly, `left out ${JSON.stringify(ch)}`);
    }
  },
  // SentencePiece drops nothing: every character is inside some token (NFKC never deletes a character).
  use(text, tokens) {
    need(text !== '' || tokens.length === 0, 'tokens for an empty text');
    const gap = covered(text, tokens).indexOf(false);
    need(gap < 0, `left out character ${gap}`);
  },
  llama3: byteLevelCoverage,
  'deepseek-v3': byteLevelCoverage,
  // NFC first, so the pieces are the bytes of the normalized text; nothing is dropped.
  qwen3: tiledCoverage,
  // <bos> first (empty span at 0), then SentencePiece BPE with byte fallback over the text: nothing is dropped.
  gemma3(text, tokens) {
    need(tokens[0]?.text === '<bos>' && tokens[0].end === 0, 'does not open with <bos> at 0', tokens[0]);
    tiledCoverage(text, tokens.slice(1));
  },
};

/** Every character lies in some token; byte spans run back to back (a split character shared) to the text's end. */
function tiledCoverage(text: string, tokens: readonly Token[]): void {
  const gap = covered(text, tokens).indexOf(false);
  need(gap < 0, `left out character ${gap}`);
  let at = 0;
  for (const t of tokens) {
    need(t.byteStart <= at && t.byteEnd >= at, 'bytes not back to back', t);
    need(utf8Length(text.slice(0, t.start)) <= t.byteStart, 'span starts after its bytes', t);
    need(utf8Length(text.slice(0, t.end)) >= t.byteEnd, 'span ends before its bytes', t);
    at = t.byteEnd;
  }
  need(at === utf8Length(text), 'bytes stop before the end of the text');
}

/** Byte-level BPE: the pieces, mapped back through bytes_to_unicode, are the text's UTF-8 bytes, back to back. */
function byteLevelCoverage(text: string, tokens: readonly Token[]): void {
  const bytes: number[] = [];
  let at = 0;
  for (const t of tokens) {
    need(t.byteStart === at, 'bytes not back to back', t);
    for (const ch of t.text) bytes.push(UNICODE_TO_BYTE.get(ch) ?? -1);
    at = t.byteEnd;
    need(bytes.length === at, 'piece length is not byteEnd − byteStart', t);
    // The character span holds the piece's bytes: it starts at or before them and ends at or after them.
    need(utf8Length(text.slice(0, t.start)) <= t.byteStart, 'span starts after its bytes', t);
    need(utf8Length(text.slice(0, t.end)) >= t.byteEnd, 'span ends before its bytes', t);
  }
  expect(Uint8Array.from(bytes)).toEqual(encoder.encode(text));
}

test('the rebuilt bytes_to_unicode reads Ġ as a space and Ċ as a newline, as GPT-2 vocab.json writes them', () => {
  // Published fact: GPT-2's vocab.json spells " the" as "Ġthe" and "\n" as "Ċ" (U+0120, U+010A).
  expect(UNICODE_TO_BYTE.get('\u0120')).toBe(0x20);
  expect(UNICODE_TO_BYTE.get('\u010a')).toBe(0x0a);
  expect(UNICODE_TO_BYTE.get('!')).toBe(0x21);
  expect(new Set(UNICODE_TO_BYTE.values()).size).toBe(256);
});

const all = new Map<TokenizerName, Tokenizer>();
// Loading the tokenizer.json tokenizers (Gemma 3's is 33 MB of JSON) takes seconds on a shared machine.
beforeAll(async () => {
  for (const name of TOKENIZERS) all.set(name, await loadTokenizer(name, readPublicData));
}, 120_000);

describe.each(TOKENIZERS)('%s tokenizer on generated hostile text (property)', (name) => {
  test('never throws; ids are in range; tokens are in order and cover the input by its rule', () => {
    const tok = all.get(name) as Tokenizer;
    const byteExact = !['word', 'char', 'bert', 'use'].includes(name);
    fc.assert(
      fc.property(hostileText, (text) => {
        const tokens = tok.tokenize(text);
        basics(text, tokens, tok.vocabSize, byteExact);
        coverage[name](text, tokens);
      }),
      { numRuns: RUNS },
    );
  });
});
