// The Compare tab's pure numbers on small matrices worked by hand.
import { describe, expect, test } from 'vitest';
import { block, lookBack, normalise, offsetDeviation, profileOf } from './compare.ts';

// M = [[4, 2, 0], [2, 1, 1], [0, 1, 9]] (a Gram matrix: diagonal 4, 1, 9)
const M = Float32Array.from([4, 2, 0, 2, 1, 1, 0, 1, 9]);

describe('compare numbers', () => {
  test('a Gram matrix becomes cosines M[m,j]/√(M[m,m]·M[j,j]); a bias is divided by its largest magnitude', () => {
    const S = normalise(M, 3, 'gram');
    // by hand: 2/√(4·1) = 1, 0, 1/√(1·9) = 1/3
    expect(Array.from(S)).toEqual([1, 1, 0, 1, 1, 1 / 3, 0, 1 / 3, 1]);
    const B = normalise(Float32Array.from([0, -2, -4, -2]), 2, 'bias');
    expect(Array.from(B)).toEqual([0, -0.5, -1, -0.5]);
    expect(Array.from(normalise(new Float32Array(4), 2, 'gram'))).toEqual([0, 0, 0, 0]);
  });

  test('the profile averages the pairs k apart; the look-back reads the last row backwards', () => {
    const S = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // k = 0: (1 + 5 + 9)/3; k = 1: S[1,0], S[2,1] = (4 + 8)/2; k = 2: S[2,0] = 7
    expect(Array.from(profileOf(S, 3, 3))).toEqual([5, 6, 7]);
    expect(Array.from(lookBack(S, 3, 2))).toEqual([9, 8, 7]);
    expect(Array.from(lookBack(S, 3, 1))).toEqual([5, 4]);
    expect(Array.from(block(S, 3, 2))).toEqual([1, 2, 4, 5]);
  });

  test('the offset deviation is 0 for a Toeplitz matrix and the largest gap otherwise', () => {
    const toeplitz = Float64Array.from([1, 9, 9, 2, 1, 9, 3, 2, 1]);
    expect(offsetDeviation(toeplitz, 3, 3)).toBe(0);
    const off = Float64Array.from([1, 0, 0, 2, 1.5, 0, 3, 2, 1]); // S[1,1] = 1.5 vs S[0,0] = 1
    expect(offsetDeviation(off, 3, 3)).toBe(0.5);
  });
});
