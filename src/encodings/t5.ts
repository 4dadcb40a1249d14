// T5 relative position bias — Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
// Text-to-Text Transformer" (JMLR), §2.1. Nothing is added at the input: each head h adds a learned scalar
// b_h[bucket(j − i)] to the score of query i and key j. relative_position = memory − query = j − i.
// bucket() is Mesh TF's / Hugging Face's _relative_position_bucket: n = −(j − i);
//   bidirectional: num_buckets //= 2, add num_buckets when n < 0 (key after query), then n = |n|;
//   causal: n = max(n, 0), so every key after the query shares bucket 0;
//   max_exact = num_buckets // 2; n < max_exact keeps its own bucket; larger n gets
//   max_exact + int(log(n / max_exact) / log(max_distance / max_exact) · (num_buckets − max_exact)),
//   clamped to num_buckets − 1 (distances ≥ max_distance share the last bucket).
// The log step is evaluated in float32 as the original does (float64 would move exact boundaries such as
// 9 causal buckets at n = 8 one bucket down). The bias table [num_buckets, H] is learned in T5; here it is a
// seeded N(0, 1) table, as initialised, before training. No sin/cos, no base, no layout.
import * as tf from '@tensorflow/tfjs-core';
import { normals } from '../numerics/rng.ts';
import { sendHeadBiases } from './biasViews.ts';
import type { Scheme } from './scheme.ts';

const f32 = Math.fround;

/** T5's _relative_position_bucket for relative_position = j − i (key minus query). */
export function t5Bucket(
  relativePosition: number,
  bidirectional: boolean,
  numBuckets: number,
  maxDistance: number,
): number {
  let n = -relativePosition;
  let ret = 0;
  let nb = numBuckets;
  if (bidirectional) {
    nb = Math.floor(nb / 2);
    if (n < 0) ret += nb;
    n = Math.abs(n);
  } else {
    n = Math.max(n, 0);
  }
  const maxExact = Math.floor(nb / 2);
  if (n < maxExact) return ret + n;
  const ratio = f32(f32(Math.log(f32(n / maxExact))) / f32(Math.log(maxDistance / maxExact))); // float32
  const large = maxExact + Math.trunc(f32(ratio * (nb - maxExact)));
  // NaN (max_exact = 0 or max_distance = max_exact) or a negative bucket (max_distance < max_exact) has no
  // meaning in the original either; clamp so that the bucket is always a valid row of the bias table.
  return ret + (Number.isNaN(large) ? nb - 1 : Math.max(0, Math.min(large, nb - 1)));
}

/** Scrambles the user's seed so that the bias table does not reuse the token-embedding stream. */
function scramble(seed: number): number {
  let h = Math.imul((seed | 0) ^ 0x5f3759df, 0xcc9e2d51);
  h = Math.imul(h ^ (h >>> 15), 0x1b873593);
  return (h ^ (h >>> 16)) | 0;
}

export const t5: Scheme = {
  name: 't5',
  kind: 'bias',
  compute({ positions, seed }, { heads, buckets: numBuckets, maxdist, bidirectional }) {
    const P = positions.length;
    let lo = 0;
    let hi = 0;
    for (let r = 0; r < P; r++) {
      lo = r === 0 ? positions[r] : Math.min(lo, positions[r]);
      hi = r === 0 ? positions[r] : Math.max(hi, positions[r]);
    }
    const R = hi - lo; // every offset j − i lies in −R…R
    const lookup = new Int32Array(2 * R + 1); // bucket of offset o at index o + R
    for (let o = -R; o <= R; o++) lookup[o + R] = t5Bucket(o, bidirectional, numBuckets, maxdist);
    const table = normals(numBuckets * heads, scramble(seed)); // [num_buckets, H] ~ N(0, 1)
    return tf.tidy(() => {
      const keys = tf.tensor2d(Float32Array.from(positions), [1, P]); // [1, P] position of key j
      const offset = tf.sub(keys, tf.reshape(keys, [P, 1])); // [P, P] j − i, exact integers
      const index = tf.cast(tf.add(offset, R), 'int32'); // [P, P] in 0…2R
      const bucket = tf.gather(tf.tensor1d(lookup, 'int32'), index); // [P, P] int32
      const perHead = tf.gather(tf.tensor2d(table, [numBuckets, heads]), bucket); // [P, P, H]
      const bias = tf.transpose(perHead, [2, 0, 1]); // [H, P, P]
      return { buckets: tf.cast(bucket, 'float32'), bias }; // [P, P], [H, P, P]
    });
  },
  async textViews({ buckets, bias }, ctx) {
    const { T, tokenLabels } = ctx;
    await ctx.emit({
      name: 't5-buckets',
      shape: [T, T],
      data: await ctx.read(buckets),
      rowLabels: tokenLabels,
      colLabels: tokenLabels,
      colors: 'sequential',
    });
    await sendHeadBiases(bias, 'T5', ctx);
  },
};
