// Windowed grapheme segmentation against Intl.Segmenter run over the whole string.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { graphemes } from './graphemes.ts';

const whole = (text: string) =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => [
    s.index,
    s.segment,
  ]);

/** Strings rich in clusters that span several code points: ZWJ emoji, flags, combining marks, Hangul jamo, CR LF. */
const clustery = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        'a',
        ' ',
        '\r',
        '\n',
        '\u0301',
        '\u200d',
        '👩',
        '🇫',
        '🇷',
        '\ufe0f',
        '🏽',
        '\u1100',
        '\u1161',
        '\u11a8',
        '\u0600',
        '\ud800',
      ),
    },
  ),
  maxLength: 80,
});

describe('graphemes', () => {
  test('property: windows of 2 to 12 code units give exactly the clusters of one pass over the whole string', () => {
    fc.assert(
      fc.property(clustery, fc.integer({ min: 2, max: 12 }), (text, window) => {
        expect(graphemes(text, window).map((s) => [s.start, s.piece])).toEqual(whole(text));
      }),
      { numRuns: 1000 },
    );
  });

  test('property: ASCII-only text (CR LF pairs included) gives the clusters of one pass over the whole string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '~'), maxLength: 60 }),
        fc.integer({ min: 2, max: 9 }),
        (text, w) => {
          expect(graphemes(text, w).map((s) => [s.start, s.piece])).toEqual(whole(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('spans tile the text and each piece is its slice', () => {
    const text = 'e\u0301👩\u200d👩\u200d👧🇫🇷\r\nx';
    const spans = graphemes(text, 3);
    expect(spans.map((s) => s.piece)).toEqual(['e\u0301', '👩\u200d👩\u200d👧', '🇫🇷', '\r\n', 'x']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.piece);
  });

  test('a cluster longer than the window (a letter with 600 combining marks) stays one cluster', () => {
    const text = `a${'\u0301'.repeat(600)}b`;
    expect(graphemes(text, 16).map((s) => s.end)).toEqual([601, 602]);
  });
});
