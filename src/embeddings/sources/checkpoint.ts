// Source 'checkpoint': the token table the user picked from their own file (only that tensor's bytes are read).
import * as tf from '@tensorflow/tfjs-core';
import type { EmbeddingSource } from '../source.ts';

export const checkpoint: EmbeddingSource = {
  name: 'checkpoint',
  key: ({ spec, checkpointGeneration }) => `ckpt|${checkpointGeneration}|${spec.checkpoint.token}`,
  async build({ spec, tokens, checkpointTensor, tooBig }) {
    const name = spec.checkpoint.token;
    if (!name) throw new Error('Choose the checkpoint tensor to use as the token table.');
    const t = await checkpointTensor(name);
    if (t.rows < tokens.vocabSize) {
      throw new Error(
        `"${name}" has ${t.rows} rows but the ${spec.tokenizer} tokenizer has ${tokens.vocabSize} ids; pick the tokenizer this checkpoint was trained with.`,
      );
    }
    const fix = () => 'this browser cannot hold it on the GPU; try another browser or a smaller model';
    const over = tooBig(t.rows, t.cols, `The token table "${name}"`, fix);
    if (over) throw new Error(over);
    return tf.tensor2d(t.data, [t.rows, t.cols]); // [V, d]
  },
};
