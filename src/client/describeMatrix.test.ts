// The heatmaps' text alternative states facts read off the numbers, checked here on matrices built by hand.
import { describe, expect, test } from 'vitest';
import { describeMatrix } from './describeMatrix.ts';

const m = (data: number[], shape: [number, number], rowLabels?: string[]) => ({
  name: 'input' as const,
  title: 'X',
  shape,
  data: Float32Array.from(data),
  rowLabels,
});

describe('describeMatrix', () => {
  test('gives shape, range, mean and the largest magnitude with its row label and column', () => {
    expect(describeMatrix(m([1, -4, 3, 2], [2, 2], ['the', 'cat']))).toBe(
      'X: 2 × 2, values from -4.000 to 3.000, mean 0.500. Largest magnitude -4.000 at row 0 (the), column 1.',
    );
  });

  test('names a dominant diagonal, as in a position-similarity matrix', () => {
    expect(describeMatrix(m([3, 1, 0, 1, 3, 1, 0, 1, 3], [3, 3]))).toContain(
      'Each row is largest on the diagonal.',
    );
  });

  test('counts rows that repeat an earlier row, as the same token at two positions does without positions', () => {
    expect(describeMatrix(m([1, 2, 3, 4, 1, 2, 1, 2], [4, 2]))).toContain(
      '2 rows repeat an earlier row exactly.',
    );
  });

  test('an empty matrix says so', () => {
    expect(describeMatrix(m([], [0, 4]))).toBe('X: empty.');
  });
});

describe('describeMatrix in Chinese', () => {
  test('the same facts, the numbers unchanged, in the Chinese frame', () => {
    expect(describeMatrix(m([1, -4, 3, 2], [2, 2], ['the', 'cat']), 'zh')).toBe(
      'X：2 × 2，取值从 -4.000 到 3.000，均值 0.500。绝对值最大的是 -4.000，位于第 0 行（the）第 1 列。',
    );
  });
});
