// The shipped GloVe table against published facts about GloVe 6B 100-d: the file's leading words and values,
// colour-word neighbours, the king − man + woman ≈ queen analogy, and [UNK] as the mean of the other rows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FetchData, Vocab } from '../tokenizers/tokenizer.ts';
import { splitWords } from '../tokenizers/word.ts';
import { glove } from './glove.ts';
import type { ShippedTable } from './shipped.ts';

const DATA = fileURLToPath(new URL('../../public/data/', import.meta.url));
const fromDisk: FetchData = async (file) => new Uint8Array(await readFile(join(DATA, file)));

let table: ShippedTable;
let vocab: Vocab;
const D = 100;

beforeAll(async () => {
  ({ table, vocab } = await glove.load(fromDisk));
});

const row = (i: number) => table.data.subarray(i * D, (i + 1) * D);

/** Cosine similarity in float64. */
function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return ab / Math.sqrt(aa * bb);
}

/** The n words (rows 1…20000) nearest to v by cosine, leaving out `exclude`. */
function nearest(v: ArrayLike<number>, n: number, exclude: string[]): string[] {
  const scored: [string, number][] = [];
  for (let i = 1; i < table.rows; i++) {
    if (!exclude.includes(vocab.pieces[i])) scored.push([vocab.pieces[i], cosine(v, row(i))]);
  }
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);
}

/** Half the float16 spacing at x: the most that rounding to float16 can move it. */
const halfUlp = (x: number) => 2 ** (Math.max(Math.floor(Math.log2(Math.abs(x) || 2 ** -14)), -14) - 11);

describe('glove-100d table and vocabulary', () => {
  test('has 20,001 rows of 100, with [UNK] at row 0 and the vocabulary in row order', () => {
    expect([table.rows, table.cols, vocab.size]).toEqual([20_001, 100, 20_001]);
    expect([glove.rows, glove.dimension, glove.tokenizer]).toEqual([20_001, 100, 'word']);
    expect(vocab.pieces[0]).toBe('[UNK]');
  });

  test('starts with the leading words of the frequency-ordered GloVe 6B file (the , . of to and in)', () => {
    // glove.6B.100d.txt begins: the , . of to and in a " 's for - that on is … (the package omits a and 's)
    expect(vocab.pieces.slice(1, 8)).toEqual(['the', ',', '.', 'of', 'to', 'and', 'in']);
    expect(vocab.pieces.slice(8, 12)).toEqual(['"', 'for', '-', 'that']);
  });

  test('rows hold the published GloVe 6B 100-d values, to float16 rounding', () => {
    // First three and last component of each vector, and its L2 norm, from glove.6B.100d as the package ships it.
    const published: [string, number[], number, number][] = [
      ['the', [-0.038194, -0.24487, 0.72812], 0.27062, 5.821154],
      ['red', [-0.30017, 0.50145, -0.12753], -0.48525, 5.89871273],
      ['king', [-0.32307, -0.87616, 0.21977], -0.98878, 6.11760043],
    ];
    for (const [word, head, last, norm] of published) {
      const r = row(vocab.id(word));
      [...head, last].forEach((x, j) => {
        const got = j < 3 ? r[j] : r[D - 1];
        expect(Math.abs(got - x)).toBeLessThanOrEqual(halfUlp(x));
      });
      // each component moves by at most 2^-11 of itself, so the norm does too
      expect(Math.abs(Math.hypot(...r) - norm)).toBeLessThanOrEqual(2 ** -11 * norm);
    }
  });

  test('the 10 nearest neighbours of "red" by cosine include yellow, blue and green', () => {
    const top = nearest(row(vocab.id('red')), 10, ['red']);
    expect(top).toEqual(expect.arrayContaining(['yellow', 'blue', 'green']));
  });

  test('king − man + woman is nearest to queen (top 3, inputs left out)', () => {
    const [k, m, w] = ['king', 'man', 'woman'].map((x) => row(vocab.id(x)));
    const v = Array.from(k, (x, j) => x - m[j] + w[j]);
    expect(nearest(v, 3, ['king', 'man', 'woman'])).toContain('queen');
  });

  test('[UNK] is the mean of the 20,000 word rows, within the float16 rounding of every term', () => {
    const n = table.rows - 1;
    for (let j = 0; j < D; j++) {
      let mean = 0;
      let slack = 0; // the source mean differs from the mean of the stored rows by at most the mean rounding
      for (let i = 1; i <= n; i++) {
        mean += table.data[i * D + j] / n;
        slack += halfUlp(table.data[i * D + j]) / n;
      }
      const unk = table.data[j];
      expect(Math.abs(unk - mean)).toBeLessThanOrEqual(slack + halfUlp(unk) + 1e-12);
    }
  });

  test('the word tokenizer with this vocabulary gives row ids, lower-cased, and [UNK] for unknown words', () => {
    const tokens = vocab.lookup('The Red King zzzqqq', splitWords('The Red King zzzqqq'));
    expect(tokens.map((t) => vocab.pieces[t.id])).toEqual(['the', 'red', 'king', '[UNK]']);
    expect(tokens[0].id).toBe(1);
    expect(tokens[3].unknown).toBe(true);
  });
});
