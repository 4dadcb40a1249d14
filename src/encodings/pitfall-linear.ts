// PITFALL — the "linear" positional encoding of some tutorials. No paper: it is a mis-copy of Vaswani et al.
// 2017, §3.5, with the sin/cos dropped and the exponent 2i/d turned into i/d:
//   PE[p, i] = p / base^(i/d)   for every dimension i = 0…d−1 (base 10000), position p from 0.
// No sin/cos, no pairs, no layout.
// It FAILS: it is unbounded and grows linearly in p (dimension 0 is p itself), so at large p it swamps the
// token embedding (entries ~N(0, 1)): X = E + PE is dominated by position and the token is all but erased.
// Every row is also a multiple of the same vector (base^(−i/d))_i, so rows differ only by scale.
import * as tf from '@tensorflow/tfjs-core';
import type { Scheme } from './scheme.ts';

export const pitfallLinear: Scheme = {
  name: 'pitfall-linear',
  kind: 'additive',
  compute({ positions, d }, { base }) {
    const P = positions.length;
    const inverse = new Float32Array(d); // base^(−i/d), in float64 before rounding
    for (let i = 0; i < d; i++) inverse[i] = Math.pow(base, -i / d);
    return tf.tidy(() => {
      const p = tf.tensor2d(Float32Array.from(positions), [P, 1]); // [P, 1]
      return { pe: tf.mul(p, tf.tensor2d(inverse, [1, d])) }; // [P, d]
    });
  },
};
