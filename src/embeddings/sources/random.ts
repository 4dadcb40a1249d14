// Source 'random': a seeded N(0, 1) or Xavier-uniform table over the tokenizer's whole vocabulary (random.ts),
// refused with the largest d that fits when it would not fit in memory or in one device buffer.
import * as tf from '@tensorflow/tfjs-core';
import { randomRows, randomTable } from '../random.ts';
import type { EmbeddingSource, TableContext } from '../source.ts';
import { MsgError, msg, type Msg } from '../../protocol/msg.ts';

/** Largest random table generated (o200k × 2048 would be 1.6 GB, past SwiftShader's 1 GiB buffers). */
export const MAX_RANDOM_TABLE_BYTES = 512 * 2 ** 20;

/** Why the whole random table cannot be built (the size cap or the device's buffer limit), or null. */
function wholeTableProblem({ spec, tokens, tooBig }: TableContext): Msg | null {
  const V = tokens.vocabSize;
  const bytes = V * spec.d * 4;
  if (bytes > MAX_RANDOM_TABLE_BYTES) {
    const dMax = Math.floor(MAX_RANDOM_TABLE_BYTES / 4 / V / 2) * 2;
    return msg('err.randomTooBig', {
      tokenizer: spec.tokenizer,
      rows: V,
      d: spec.d,
      mib: Math.round(bytes / 2 ** 20),
      limit: MAX_RANDOM_TABLE_BYTES / 2 ** 20,
      dMax,
    });
  }
  return tooBig(V, spec.d, msg('what.randomTable', { tokenizer: spec.tokenizer }), (_, maxD) =>
    msg('fix.wholeTable', { d: Math.floor(maxD / 2) * 2 }),
  );
}

export const random: EmbeddingSource = {
  name: 'random',
  key: ({ spec, tokens }) => `random|${tokens.key}|${tokens.vocabSize}|${spec.d}|${spec.seed}|${spec.init}`,
  async build(ctx) {
    const over = wholeTableProblem(ctx);
    if (over) throw new MsgError(over);
    const { spec, tokens } = ctx;
    return randomTable(tokens.vocabSize, spec.d, spec.seed, spec.init); // [V, d]
  },
  // Row i of the table is draws i·d … i·d + d − 1 of the seeded stream, so the text's rows need no table.
  rowsAlone(ctx, ids) {
    if (!wholeTableProblem(ctx)) return null;
    const { spec, tokens } = ctx;
    const rows = randomRows(ids, tokens.vocabSize, spec.d, spec.seed, spec.init);
    return tf.tensor2d(rows, [ids.length, spec.d]); // [T, d]
  },
};
