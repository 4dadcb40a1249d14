// Shared helpers of tokenizer.ts: utf8Offsets against TextEncoder.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { utf8Offsets } from './tokenizer.ts';

const encoder = new TextEncoder();

/** Any code points (1–4 UTF-8 bytes), with lone surrogates mixed in. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom('a', 'é', '€', '😀', '\u0000', '\uffff', '\u{10ffff}') },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  ),
  maxLength: 50,
});

describe('utf8Offsets', () => {
  test('property: at every code-point boundary it equals the UTF-8 length TextEncoder gives for the prefix', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const off = utf8Offsets(text);
        expect(off).toHaveLength(text.length + 1);
        for (let i = 0; i <= text.length; i++) {
          const insidePair =
            /^[\udc00-\udfff]/.test(text.slice(i)) && /[\ud800-\udbff]$/.test(text.slice(0, i));
          // Inside a surrogate pair: the offset of the character the low half belongs to.
          const expected = encoder.encode(text.slice(0, insidePair ? i - 1 : i)).length;
          expect(off[i]).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('closed forms: a, é, €, 😀 take 1, 2, 3 and 4 bytes; a lone surrogate takes 3 (U+FFFD)', () => {
    expect(Array.from(utf8Offsets('aé€😀\ud800'))).toEqual([0, 1, 3, 6, 6, 10, 13]);
  });
});
