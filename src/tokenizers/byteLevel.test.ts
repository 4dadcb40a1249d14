// The GPT byte-level BPE tokenizers (gpt2 = r50k_base, cl100k_base, o200k_base): ids against published ids,
// GPT-2's byte-to-unicode spelling, decoding, and byte/character spans checked with TextEncoder.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { BYTE_TO_UNICODE } from './byteLevel.ts';
import { load as loadCl100k } from './cl100k.ts';
import { load as loadGpt2 } from './gpt2.ts';
import { load as loadO200k } from './o200k.ts';
import type { Tokenizer } from './tokenizer.ts';

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The inverse of GPT-2's byte-to-unicode map, built here from its definition (printable bytes, then 256 + n). */
const unicodeToByte = new Map<string, number>();
{
  let n = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    unicodeToByte.set(String.fromCodePoint(printable ? b : 256 + n++), b);
  }
}
/** A token's bytes, decoded from its GPT-2-style text. */
const bytesOf = (pieceText: string) => Uint8Array.from([...pieceText], (c) => unicodeToByte.get(c) ?? -1);

let gpt2: Tokenizer;
let cl100k: Tokenizer;
let o200k: Tokenizer;
beforeAll(async () => {
  [gpt2, cl100k, o200k] = await Promise.all([loadGpt2(), loadCl100k(), loadO200k()]);
});
const ids = (t: Tokenizer, s: string) => t.tokenize(s).map((x) => x.id);

describe('byte-to-unicode map', () => {
  test('space is Ġ (U+0120), newline Ċ (U+010A), ! is itself, and soft hyphen 0xAD is Ń (U+0143)', () => {
    expect(BYTE_TO_UNICODE[0x20]).toBe('Ġ');
    expect(BYTE_TO_UNICODE[0x0a]).toBe('Ċ');
    expect(BYTE_TO_UNICODE[0x21]).toBe('!');
    // 0xAD is the 68th byte GPT-2 does not print: 33 below !, 34 from DEL to NBSP, then 0xAD.
    expect(BYTE_TO_UNICODE[0xad]).toBe(String.fromCodePoint(0x100 + 33 + 34));
  });

  test('maps the 256 bytes to 256 distinct single characters', () => {
    expect(new Set(BYTE_TO_UNICODE).size).toBe(256);
    BYTE_TO_UNICODE.forEach((c, b) => expect(unicodeToByte.get(c)).toBe(b));
  });
});

describe('GPT byte-level BPE tokenizers', () => {
  test('"hello world": GPT-2 [31373, 995], cl100k [15339, 1917], o200k [24912, 2375]', () => {
    expect(ids(gpt2, 'hello world')).toEqual([31373, 995]);
    expect(ids(cl100k, 'hello world')).toEqual([15339, 1917]);
    expect(ids(o200k, 'hello world')).toEqual([24912, 2375]);
  });

  test('GPT-2 writes " world" as Ġworld and a newline as Ċ (id 198), as in its vocab.json', () => {
    expect(gpt2.tokenize('hello world').map((t) => t.text)).toEqual(['hello', 'Ġworld']);
    expect(gpt2.tokenize('\n')).toEqual([
      { text: 'Ċ', id: 198, start: 0, end: 1, byteStart: 0, byteEnd: 1, unknown: false },
    ]);
  });

  // OpenAI Cookbook, "How to count tokens with tiktoken": token integers and token bytes per encoding.
  test('"antidisestablishmentarianism" and "2 + 2 = 4" give the ids of the OpenAI Cookbook (r50k, cl100k)', () => {
    const word = 'antidisestablishmentarianism';
    expect(ids(gpt2, word)).toEqual([415, 29207, 44390, 3699, 1042]);
    expect(gpt2.tokenize(word).map((t) => t.text)).toEqual(['ant', 'idis', 'establishment', 'arian', 'ism']);
    expect(ids(cl100k, word)).toEqual([519, 85342, 34500, 479, 8997, 2191]);
    expect(ids(gpt2, '2 + 2 = 4')).toEqual([17, 1343, 362, 796, 604]);
    expect(ids(cl100k, '2 + 2 = 4')).toEqual([17, 489, 220, 17, 284, 220, 19]);
    expect(ids(cl100k, 'tiktoken is great!')).toEqual([83, 1609, 5963, 374, 2294, 0]);
  });

  test('"お誕生日おめでとう": ids and token bytes of the OpenAI Cookbook, pieces splitting characters', () => {
    const text = 'お誕生日おめでとう';
    const r50k = gpt2.tokenize(text);
    expect(r50k.map((t) => t.id)).toEqual([
      2515, 232, 45739, 243, 37955, 33768, 98, 2515, 232, 1792, 223, 30640, 30201, 29557,
    ]);
    expect(r50k.map((t) => hex(bytesOf(t.text)))).toEqual([
      'e381',
      '8a',
      'e8aa',
      '95',
      'e7949f',
      'e697',
      'a5',
      'e381',
      '8a',
      'e382',
      '81',
      'e381a7',
      'e381a8',
      'e38186',
    ]);
    const cl = cl100k.tokenize(text);
    expect(cl.map((t) => t.id)).toEqual([33334, 45918, 243, 21990, 9080, 33334, 62004, 16556, 78699]);
    expect(cl.map((t) => hex(bytesOf(t.text)))).toEqual([
      'e3818a',
      'e8aa',
      '95',
      'e7949f',
      'e697a5',
      'e3818a',
      'e38281',
      'e381a7',
      'e381a8e38186',
    ]);
    // 誕 (3 bytes) is split 2 + 1: both pieces span the whole character; the bytes do not overlap.
    expect(cl.slice(1, 3).map((t) => [t.start, t.end, t.byteStart, t.byteEnd])).toEqual([
      [1, 2, 3, 5],
      [1, 2, 5, 6],
    ]);
  });

  // gpt-tokenizer 4.0.0, src/GptEncoding.test.ts: ids it checks for each encoding (tiktoken's ids).
  test('"hello 👋 world 🌍" and "This is some text" give the ids of gpt-tokenizer\'s own tests', () => {
    expect(ids(gpt2, 'hello 👋 world 🌍')).toEqual([31373, 50169, 233, 995, 12520, 234, 235]);
    expect(ids(cl100k, 'hello 👋 world 🌍')).toEqual([15339, 62904, 233, 1917, 11410, 234, 235]);
    expect(ids(o200k, 'hello 👋 world 🌍')).toEqual([24912, 61138, 233, 2375, 130321, 235]);
    expect(ids(gpt2, 'This is some text')).toEqual([1212, 318, 617, 2420]);
    expect(ids(cl100k, 'This is some text')).toEqual([2028, 374, 1063, 1495]);
    expect(ids(o200k, 'This is some text')).toEqual([2500, 382, 1236, 2201]);
    expect(ids(o200k, 'indivisible')).toEqual([521, 349, 181386]);
  });

  test('an emoji split over two GPT-2 pieces: each keeps its own bytes, both spans cover the emoji', () => {
    const tokens = gpt2.tokenize('hello 👋 world');
    // ' ' + first 3 bytes of 👋 (F0 9F 91), then its last byte (8B).
    expect(
      tokens.slice(1, 3).map((t) => [t.id, hex(bytesOf(t.text)), t.start, t.end, t.byteStart, t.byteEnd]),
    ).toEqual([
      [50169, '20f09f91', 5, 8, 5, 9],
      [233, '8b', 6, 8, 9, 10],
    ]);
  });

  test('text that looks like a special token is ordinary text; piece() still names the special ids', () => {
    const tokens = gpt2.tokenize('<|endoftext|>');
    expect(tokens.map((t) => t.id)).not.toContain(50256);
    // GPT-2's vocab.json: "<|endoftext|>": 50256; tiktoken: cl100k 100257, o200k 199999.
    expect([gpt2.piece(50256), cl100k.piece(100257), o200k.piece(199999)]).toEqual(
      Array(3).fill('<|endoftext|>'),
    );
    expect(tokens.map((t) => t.text).join('')).toBe('<|endoftext|>');
  });

  test('vocabSize bounds every id the rank table holds (tiktoken n_vocab: 50,257, 100,277, 200,019)', async () => {
    const tables = await Promise.all([
      import('gpt-tokenizer/bpeRanks/r50k_base'),
      import('gpt-tokenizer/bpeRanks/cl100k_base'),
      import('gpt-tokenizer/bpeRanks/o200k_base'),
    ]);
    [gpt2, cl100k, o200k].forEach((t, i) =>
      expect(tables[i].default.length).toBeLessThanOrEqual(t.vocabSize),
    );
    expect([gpt2, cl100k, o200k].map((t) => t.vocabSize)).toEqual([50257, 100277, 200019]);
  });

  const anyText = fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(' ', 'the', '\n', '👋', '🇫🇷', 'é', '\u0301', '誕', "'s", '  '),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
    ),
    maxLength: 40,
  });

  test.each([
    ['gpt2', () => gpt2],
    ['cl100k', () => cl100k],
    ['o200k', () => o200k],
  ])(
    'property (%s): bytes tile the UTF-8 text, the pieces decode to it, spans are the characters they touch',
    (_, get) => {
      const tok = get();
      fc.assert(
        fc.property(anyText, (text) => {
          const tokens = tok.tokenize(text);
          const all = utf8(text);
          let byte = 0;
          let prev = { start: 0, end: 0 };
          const decoded: number[] = [];
          for (const t of tokens) {
            expect(t.byteStart).toBe(byte);
            const own = bytesOf(t.text);
            expect(hex(all.slice(t.byteStart, t.byteEnd))).toBe(hex(own));
            decoded.push(...own);
            byte = t.byteEnd;
            // start: the character holding the first byte; end: the one holding the last (TextEncoder, per prefix).
            const before = utf8(text.slice(0, t.start)).length;
            const charAtStart = String.fromCodePoint(text.codePointAt(t.start) ?? 0).length;
            expect(before).toBeLessThanOrEqual(t.byteStart);
            expect(utf8(text.slice(0, t.start + charAtStart)).length).toBeGreaterThan(t.byteStart);
            const pair = /[\ud800-\udbff][\udc00-\udfff]$/.test(text.slice(0, t.end));
            expect(utf8(text.slice(0, t.end)).length).toBeGreaterThanOrEqual(t.byteEnd);
            expect(utf8(text.slice(0, t.end - (pair ? 2 : 1))).length).toBeLessThan(t.byteEnd);
            expect(t.start).toBeGreaterThanOrEqual(prev.start);
            expect(t.end).toBeGreaterThanOrEqual(prev.end);
            expect(t.start >= prev.end || t.byteStart > utf8(text.slice(0, t.start)).length).toBe(true);
            expect(t.id).toBeLessThan(tok.vocabSize);
            prev = t;
          }
          expect(byte).toBe(all.length);
          expect(new TextDecoder().decode(Uint8Array.from(decoded))).toBe(new TextDecoder().decode(all));
        }),
        { numRuns: 200 },
      );
    },
  );
});
