import fc from 'fast-check';
import { expect, test } from 'vitest';
import { utf8Length } from './utf8.ts';

test('utf8Length equals TextEncoder’s byte count on any string, lone surrogates included (5,000 inputs)', () => {
  const enc = new TextEncoder();
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
        maxLength: 3,
      }),
      (a, b) => {
        const s = a + b + a;
        expect(utf8Length(s)).toBe(enc.encode(s).length);
      },
    ),
    { numRuns: 5000 },
  );
  // Published sizes: "é" is 2 bytes, "€" 3, "😀" 4 (RFC 3629 §3).
  expect(utf8Length('é€😀')).toBe(9);
});
