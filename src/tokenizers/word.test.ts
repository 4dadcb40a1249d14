// The word tokenizer: lower-cased words and single punctuation marks, [UNK] for words outside the corpus vocabulary.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import corpus from './corpus.txt?raw';
import { Vocab } from './tokenizer.ts';
import { word, wordVocab } from './word.ts';

const texts = (s: string) => word.tokenize(s).map((t) => t.text);

/** Distinct pieces of the (ASCII) corpus, split here with a plain ASCII pattern independent of word.ts. */
const corpusPieces = new Set(corpus.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*|[^\sa-z0-9]/g));

/** Arbitrary strings: any code points, plus lone surrogates that a pasted or truncated string can carry. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '\t', '\u00a0', "'", '’', '.', '\u0301') },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  ),
  maxLength: 60,
});

describe('word tokenizer', () => {
  test('a sentence splits into lower-cased words and a separate full stop', () => {
    expect(texts('The cat sat on the mat.')).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat', '.']);
  });

  test('a word outside the vocabulary maps to [UNK]: id 0 and unknown: true, keeping its own text', () => {
    expect(corpusPieces.has('zyzzyva')).toBe(false);
    const [the, unk, sat] = word.tokenize('The zyzzyva sat');
    expect(unk).toMatchObject({ text: 'zyzzyva', id: 0, unknown: true });
    expect(wordVocab.pieces[0]).toBe(Vocab.UNK);
    expect(Vocab.UNK).toBe('[UNK]');
    for (const t of [the, sat]) {
      expect(t.unknown).toBe(false);
      expect(t.id).toBeGreaterThan(0);
    }
  });

  test('every word and mark of the bundled corpus is in the vocabulary, each with its own id', () => {
    const ids = new Set<number>();
    for (const piece of corpusPieces) {
      const [t] = word.tokenize(piece);
      expect(t.text).toBe(piece);
      expect(t.unknown).toBe(false);
      ids.add(t.id);
    }
    expect(ids.size).toBe(corpusPieces.size);
    expect(ids.has(0)).toBe(false);
    // [UNK] plus one row per distinct corpus piece
    expect(word.vocabSize).toBe(corpusPieces.size + 1);
  });

  test('upper and lower case map to the same lower-cased token', () => {
    const [a, b, c] = word.tokenize('THE The the');
    expect([a.text, b.text, c.text]).toEqual(['the', 'the', 'the']);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
  });

  test('each punctuation mark is a token of its own', () => {
    expect(texts('Hello, world! (Yes)... "ok"')).toEqual([
      'hello',
      ',',
      'world',
      '!',
      '(',
      'yes',
      ')',
      '.',
      '.',
      '.',
      '"',
      'ok',
      '"',
    ]);
  });

  test("apostrophes inside a word keep it whole: don't, model's, it’s", () => {
    expect(texts("don't model's it’s 'quoted'")).toEqual(["don't", "model's", 'it’s', "'", 'quoted', "'"]);
  });

  test('letters of any script form words; unknown ones are [UNK]', () => {
    const tokens = word.tokenize('Café naïve 東京 Ωmega');
    expect(tokens.map((t) => t.text)).toEqual(['café', 'naïve', '東京', 'ωmega']);
    for (const t of tokens) expect(t).toMatchObject({ id: 0, unknown: true });
  });

  test('start and end point at the source of each token: text.slice(start, end), lower-cased, is the token', () => {
    const text = '  The quick brown fox,\njumps!  ';
    const tokens = word.tokenize(text);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [2, 5],
      [6, 11],
      [12, 17],
      [18, 21],
      [21, 22],
      [23, 28],
      [28, 29],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.text);
  });

  test('empty and all-white-space text gives no tokens', () => {
    expect(word.tokenize('')).toEqual([]);
    expect(word.tokenize(' \n\t\u00a0 ')).toEqual([]);
  });

  test('property: any string tokenizes without throwing into ordered spans that cover every non-space character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = word.tokenize(text);
        let prevEnd = 0;
        let gaps = '';
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(prevEnd);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.text);
          expect(Number.isInteger(t.id) && t.id >= 0 && t.id < word.vocabSize).toBe(true);
          expect(t.unknown).toBe(t.id === 0);
          gaps += text.slice(prevEnd, t.start);
          prevEnd = t.end;
        }
        gaps += text.slice(prevEnd);
        expect(gaps).toMatch(/^\s*$/u);
      }),
      { numRuns: 500 },
    );
  });
});
