// Source 'use-lite': the Universal Sentence Encoder lite token table (use.ts), rows = the 'use' tokenizer's ids.
import * as tf from '@tensorflow/tfjs-core';
import { useLite } from '../use.ts';
import type { EmbeddingSource } from '../source.ts';

export const useSource: EmbeddingSource = {
  name: 'use-lite',
  key: () => 'use-lite',
  async build({ fetchData }) {
    const { table } = await useLite.load(fetchData);
    return tf.tensor2d(table.data, [table.rows, table.cols]); // [8002, 256]
  },
};
