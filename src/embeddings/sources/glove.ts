// Source 'glove-100d': GloVe 6B 100-d (glove.ts) with its own 20,000-word vocabulary, split as the word
// tokenizer splits.
import * as tf from '@tensorflow/tfjs-core';
import { splitWords } from '../../tokenizers/word.ts';
import { glove, loadGloveVocab } from '../glove.ts';
import type { EmbeddingSource } from '../source.ts';

export const gloveSource: EmbeddingSource = {
  name: 'glove-100d',
  async tokens(fetchData) {
    const vocab = await loadGloveVocab(fetchData);
    return {
      key: 'glove-word',
      vocabSize: vocab.size,
      tokenize: (text) => vocab.lookup(text, splitWords(text)),
      piece: (id) => vocab.pieces[id] ?? `#${id}`,
    };
  },
  key: () => 'glove-100d',
  async build({ fetchData }) {
    const { table } = await glove.load(fetchData);
    return tf.tensor2d(table.data, [table.rows, table.cols]); // [20001, 100]
  },
};
