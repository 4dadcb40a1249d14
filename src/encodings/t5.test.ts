// T5 relative position bias (Raffel et al. 2020): buckets against an exact-arithmetic reimplementation.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type EncodingParams } from '../protocol/specs.ts';
import { t5, t5Bucket } from './t5.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/**
 * The same bucketing written another way: no logarithms, exact integers. For a distance n ≥ e (e = exact
 * buckets), T5's bucket is e + ⌊(B − e)·ln(n/e) / ln(maxDist/e)⌋, i.e. e + the largest k with
 * (maxDist/e)^k ≤ (n/e)^(B−e), i.e. maxDist^k · e^(B−e−k) ≤ n^(B−e), capped at B − 1.
 */
function referenceBucket(offset: number, bidirectional: boolean, buckets: number, maxDist: number): number {
  const perSide = bidirectional ? Math.floor(buckets / 2) : buckets;
  const side = bidirectional && offset > 0 ? perSide : 0; // keys after the query use the upper half
  const distance = bidirectional ? Math.abs(offset) : Math.max(0, -offset); // causal: future keys → 0
  const exact = Math.floor(perSide / 2);
  if (distance < exact) return side + distance;
  const L = perSide - exact;
  const [n, e, D] = [BigInt(distance), BigInt(exact), BigInt(maxDist)];
  const nPowL = n ** BigInt(L);
  let k = 0;
  while (k < L - 1 && D ** BigInt(k + 1) * e ** BigInt(L - k - 1) <= nPowL) k++;
  return side + exact + k;
}

const params = (over: Partial<EncodingParams>): EncodingParams => ({ ...DEFAULT_SPEC.params, ...over });

describe('T5 relative position buckets', () => {
  for (const bidirectional of [true, false]) {
    test(`${bidirectional ? 'bidirectional' : 'causal'} buckets for offsets −200…200 (32 buckets, max distance 128) match an exact-integer reimplementation`, () => {
      for (let o = -200; o <= 200; o++)
        expect(t5Bucket(o, bidirectional, 32, 128)).toBe(referenceBucket(o, bidirectional, 32, 128));
    });
  }

  for (const [buckets, bidirectional, maxDist] of [
    [64, true, 256],
    [128, false, 1024],
    [256, true, 8192],
    [16, true, 64],
    [9, false, 128],
  ] as const) {
    test(`${buckets} ${bidirectional ? 'bidirectional' : 'causal'} buckets with max distance ${maxDist} match the reimplementation for offsets −2000…2000`, () => {
      for (let o = -2000; o <= 2000; o++) {
        expect(t5Bucket(o, bidirectional, buckets, maxDist)).toBe(
          referenceBucket(o, bidirectional, buckets, maxDist),
        );
      }
    });
  }

  test('bidirectional spot values: 0 → 0, −1 → 1, +1 → 17, −7 → 7, −8 → 8, −16 → 10, −200 → 15, +200 → 31', () => {
    const b = (o: number) => t5Bucket(o, true, 32, 128);
    expect([0, -1, 1, -7, -8, -16, -200, 200].map(b)).toEqual([0, 1, 17, 7, 8, 10, 15, 31]);
  });

  test('causal spot values: keys after the query all share bucket 0; −15 → 15, −16 → 16, −200 → 31', () => {
    const b = (o: number) => t5Bucket(o, false, 32, 128);
    expect([0, 1, 200, -1, -15, -16, -200].map(b)).toEqual([0, 0, 0, 1, 15, 16, 31]);
  });

  test('offsets at or beyond max distance share the last bucket of their side', () => {
    for (const o of [128, 129, 1000, 8191]) {
      expect(t5Bucket(-o, true, 32, 128)).toBe(15);
      expect(t5Bucket(o, true, 32, 128)).toBe(31);
      expect(t5Bucket(-o, false, 32, 128)).toBe(31);
    }
  });

  test('degenerate settings still give a valid bucket index (0 … buckets − 1)', () => {
    for (const [buckets, maxDist] of [
      [2, 128],
      [3, 2],
      [32, 2],
      [32, 8],
    ]) {
      for (const bidirectional of [true, false]) {
        for (let o = -300; o <= 300; o++) {
          const v = t5Bucket(o, bidirectional, buckets, maxDist);
          expect(Number.isInteger(v) && v >= 0 && v < buckets).toBe(true);
        }
      }
    }
  });
});

describe('T5 bias', () => {
  async function compute(positions: number[], over: Partial<EncodingParams>, seed = 1) {
    const p = params(over);
    const out = t5.compute({ positions, d: 8, seed }, p);
    const P = positions.length;
    expect(out.buckets.shape).toEqual([P, P]);
    expect(out.buckets.dtype).toBe('float32');
    expect(out.bias.shape).toEqual([p.heads, P, P]);
    const buckets = (await out.buckets.data()) as Float32Array;
    const bias = (await out.bias.data()) as Float32Array;
    tf.dispose(out);
    return { buckets, bias };
  }

  test('buckets[i, j] is the bucket of the offset j − i between the position values', async () => {
    const positions = [0, 1, 2, 9, 40, 300, 7, 150];
    const P = positions.length;
    for (const bidirectional of [true, false]) {
      const { buckets } = await compute(positions, { bidirectional });
      for (let i = 0; i < P; i++) {
        for (let j = 0; j < P; j++) {
          expect(buckets[i * P + j]).toBe(
            referenceBucket(positions[j] - positions[i], bidirectional, 32, 128),
          );
        }
      }
    }
  });

  test('each head adds one value per bucket: equal buckets give equal bias, different buckets different bias', async () => {
    const P = 160;
    const H = 4;
    const { buckets, bias } = await compute(
      Array.from({ length: P }, (_, p) => p),
      { heads: H },
    );
    for (let h = 0; h < H; h++) {
      const valueOf = new Map<number, number>();
      for (let k = 0; k < P * P; k++) {
        const v = bias[h * P * P + k];
        const seen = valueOf.get(buckets[k]);
        if (seen === undefined) valueOf.set(buckets[k], v);
        else expect(v).toBe(seen);
      }
      // Offsets −159…159 reach 31 of the 32 buckets: bucket 16 would be a key after the query at distance 0.
      expect(valueOf.size).toBe(31);
      expect(valueOf.has(16)).toBe(false);
      expect(new Set(valueOf.values()).size).toBe(31);
    }
  });

  test('the bias table is N(0, 1): over the reachable buckets of 256 × 64 heads, mean and standard deviation within 5 standard errors', async () => {
    const P = 260; // offsets ±259 reach every bucket that any offset reaches with max distance 128
    const { buckets, bias } = await compute(
      Array.from({ length: P }, (_, p) => p),
      { heads: 64, buckets: 256 },
    );
    const values: number[] = [];
    for (let h = 0; h < 64; h++) {
      const seen = new Set<number>();
      for (let k = 0; k < P * P; k++) {
        if (seen.has(buckets[k])) continue;
        seen.add(buckets[k]);
        values.push(bias[h * P * P + k]);
      }
    }
    const n = values.length;
    const reachable = new Set<number>();
    for (let o = -(P - 1); o < P; o++) reachable.add(referenceBucket(o, true, 256, 128));
    expect(n).toBe(reachable.size * 64);
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(std - 1)).toBeLessThan(5 / Math.sqrt(2 * n));
  });

  test('the same seed gives the same bias and a different seed a different one', async () => {
    const positions = [0, 1, 2, 3, 20];
    const a = await compute(positions, {}, 5);
    const b = await compute(positions, {}, 5);
    const c = await compute(positions, {}, 6);
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
    let same = 0;
    for (let k = 0; k < a.bias.length; k++) if (a.bias[k] === c.bias[k]) same++;
    expect(same).toBe(0);
  });

  test('the scheme is a bias and leaves no tensors behind', async () => {
    expect(t5.kind).toBe('bias');
    const before = tf.memory().numTensors;
    await compute([0, 1, 2, 3], { heads: 3 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
