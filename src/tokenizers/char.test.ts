// The character tokenizer: one token per grapheme cluster (user-perceived character), white space included.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import corpus from './corpus.txt?raw';
import { char } from './char.ts';

const texts = (s: string) => char.tokenize(s).map((t) => t.text);

/** Arbitrary strings: any code points, combining marks, ZWJ, regional indicators and lone surrogates. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom(' ', '\r', '\n', '\u0301', '\u200d', '🇫', '🇷', '👩', '\ufe0f') },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  ),
  maxLength: 60,
});

describe('character tokenizer', () => {
  test('plain ASCII gives one token per character, spaces included', () => {
    expect(texts('a cat.')).toEqual(['a', ' ', 'c', 'a', 't', '.']);
  });

  test('the family emoji 👩‍👩‍👧 (three emoji joined by ZWJ) is one token spanning all 8 code units', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';
    const tokens = char.tokenize(`a${family}b`);
    expect(tokens.map((t) => t.text)).toEqual(['a', family, 'b']);
    expect(tokens[1]).toMatchObject({ start: 1, end: 9 });
  });

  test('e followed by a combining acute accent (U+0301) is one token', () => {
    const e = 'e\u0301';
    expect(texts(`caf${e}!`)).toEqual(['c', 'a', 'f', e, '!']);
  });

  test('a flag (two regional indicators) and CR LF are one token each', () => {
    expect(texts('\u{1F1EB}\u{1F1F7}x\r\ny')).toEqual(['\u{1F1EB}\u{1F1F7}', 'x', '\r\n', 'y']);
  });

  test('every printable ASCII character is in the vocabulary, each with its own id', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const tokens = char.tokenize(ascii);
    expect(tokens).toHaveLength(95);
    for (const t of tokens) expect(t.unknown).toBe(false);
    expect(new Set(tokens.map((t) => t.id)).size).toBe(95);
    expect(tokens.some((t) => t.id === 0)).toBe(false);
  });

  test('the newline of the corpus is known; a character in neither ASCII nor the corpus is [UNK] with id 0', () => {
    expect(corpus.includes('\n')).toBe(true);
    expect(char.tokenize('\n')[0].unknown).toBe(false);
    expect(corpus.includes('𓀀')).toBe(false);
    expect(char.tokenize('𓀀')[0]).toMatchObject({ text: '𓀀', id: 0, unknown: true, start: 0, end: 2 });
  });

  test('positions are consecutive: each token starts where the previous one ended', () => {
    const text = 'Hé\u0301llo 👋🏽 wörld';
    const tokens = char.tokenize(text);
    expect(tokens[0].start).toBe(0);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBe(tokens[i - 1].end);
    expect(tokens[tokens.length - 1].end).toBe(text.length);
    // 'H', 'é' (e + U+0301), 'l', 'l', 'o', ' ', waving hand with skin tone, ' ', 'w', 'ö', 'r', 'l', 'd'
    expect(tokens).toHaveLength(13);
  });

  test('empty text gives no tokens', () => {
    expect(char.tokenize('')).toEqual([]);
  });

  test('property: any string tokenizes without throwing, and the spans, in order, reproduce the text exactly', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = char.tokenize(text);
        let prevEnd = 0;
        for (const t of tokens) {
          expect(t.start).toBe(prevEnd);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(Number.isInteger(t.id) && t.id >= 0 && t.id < char.vocabSize).toBe(true);
          expect(t.unknown).toBe(t.id === 0);
          prevEnd = t.end;
        }
        expect(prevEnd).toBe(text.length);
        expect(tokens.map((t) => t.text).join('')).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
