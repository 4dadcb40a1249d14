// No positional encoding — the contrast case. X = E, so the model sees a bag of tokens: shuffling the words
// permutes the rows of X and nothing else, and attention without a mask cannot tell word order.
import * as tf from '@tensorflow/tfjs-core';
import type { Scheme } from './scheme.ts';

export const none: Scheme = {
  name: 'none',
  kind: 'additive',
  compute({ positions, d }) {
    return { pe: tf.zeros([positions.length, d]) }; // [P, d]
  },
};
