// Spans over a normalized text, on hand-worked cases: UTF-8 lengths and offsets counted by hand.
import { describe, expect, test } from 'vitest';
import { normalizeWithMap, spansOf } from './spans.ts';

describe('spans of pieces of the normalized text', () => {
  test('identity: pieces of 1, 4 (an emoji split 2 + 2) and 1 bytes over "a😀b"', () => {
    const text = 'a😀b'; // UTF-8: a 1, 😀 4, b 1; UTF-16: a 0, 😀 1–3, b 3
    const { stretches } = normalizeWithMap(text, null);
    expect(spansOf(text, stretches, [1, 2, 2, 1])).toEqual([
      { start: 0, end: 1, byteStart: 0, byteEnd: 1 },
      { start: 1, end: 3, byteStart: 1, byteEnd: 3 },
      { start: 1, end: 3, byteStart: 3, byteEnd: 5 },
      { start: 3, end: 4, byteStart: 5, byteEnd: 6 },
    ]);
  });

  test('NFC: "e + combining acute" becomes é (2 bytes, was 3); a piece of it widens to the grapheme', () => {
    const text = 'xe\u0301y'; // original UTF-8: x 1, e 1, U+0301 2, y 1
    const { normalized, stretches } = normalizeWithMap(text, (s) => s.normalize('NFC'));
    expect(normalized).toBe('x\u00e9y');
    // pieces of the normalized text: "x" 1, "é" 2, "y" 1
    expect(spansOf(text, stretches, [1, 2, 1])).toEqual([
      { start: 0, end: 1, byteStart: 0, byteEnd: 1 },
      { start: 1, end: 3, byteStart: 1, byteEnd: 4 },
      { start: 3, end: 4, byteStart: 4, byteEnd: 5 },
    ]);
  });

  test('spaces written as ▁ (3 bytes each, was 1): "a b" as pieces "a" and "▁b" maps back to [0, 1) and [1, 3)', () => {
    const text = 'a b';
    const { normalized, stretches } = normalizeWithMap(text, (s) => s.replaceAll(' ', '\u2581'));
    expect(normalized).toBe('a\u2581b');
    expect(spansOf(text, stretches, [1, 4])).toEqual([
      { start: 0, end: 1, byteStart: 0, byteEnd: 1 },
      { start: 1, end: 3, byteStart: 1, byteEnd: 3 },
    ]);
  });

  test('a piece of no bytes (an added <bos>) has an empty span where it stands', () => {
    const text = 'hi';
    const { stretches } = normalizeWithMap(text, null);
    expect(spansOf(text, stretches, [0, 2])).toEqual([
      { start: 0, end: 0, byteStart: 0, byteEnd: 0 },
      { start: 0, end: 2, byteStart: 0, byteEnd: 2 },
    ]);
  });
});
