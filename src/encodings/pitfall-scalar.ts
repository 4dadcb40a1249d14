// PITFALL — the "scalar" positional encoding of some tutorials, which wrongly attribute it to BERT (Devlin et
// al. 2019); BERT in fact learns a table, see learned.ts. No paper. With N = max_len (params.positions):
//   PE[p, i] = sin(πp/N) + cos(πp/N)   for every dimension i = 0…d−1, position p from 0.
// No pairs, no base, no layout; sin/cos come from numerics/trig.ts (πp/N is p·1/(2N) turns).
// It FAILS: all d dimensions are the same number, so the encoding is one scalar smeared across the vector;
// and that scalar, √2·sin(πp/N + π/4), is not unique: positions p and N/2 − p get identical rows (p = 0 and
// p = N/2 both give 1), so the model cannot tell them apart. (p and N − p do not collide: their rows differ
// by 2cos(πp/N).)
import * as tf from '@tensorflow/tfjs-core';
import { cosSinTable } from '../numerics/trig.ts';
import type { Scheme } from './scheme.ts';

export const pitfallScalar: Scheme = {
  name: 'pitfall-scalar',
  kind: 'additive',
  compute({ positions, d }, { positions: maxLen }) {
    return tf.tidy(() => {
      const cossin = cosSinTable(positions, [1 / (2 * maxLen)]); // [P, 2]: cos, sin of the angle πp/N
      return { pe: tf.tile(tf.sum(cossin, 1, true), [1, d]) }; // [P, 1] → [P, d]
    });
  },
};
