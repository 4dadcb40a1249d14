// Source 'checkpoint': the token table the user picked from their own files (only that tensor's bytes are read).
// A table bigger than Embedscope holds whole (Llama 3's 128,256 × 4,096 is 2 GiB as float32) is never read
// whole: a text's rows are read alone (rowsAlone), views of the whole vocabulary stream it in chunks (chunks).
import * as tf from '@tensorflow/tfjs-core';
import type { EmbeddingSource, TableContext } from '../source.ts';
import { MsgError, msg, type Msg } from '../../protocol/msg.ts';

/** Largest checkpoint token table held whole on the device, as float32. */
export const MAX_CHECKPOINT_TABLE_BYTES = 512 * 2 ** 20;

function chosen({ spec }: TableContext): string {
  const name = spec.checkpoint.token;
  if (!name) throw new MsgError(msg('err.chooseToken'));
  return name;
}

function checkRows(ctx: TableContext, name: string, rows: number): void {
  if (rows < ctx.tokens.vocabSize) {
    throw new MsgError(
      msg('err.tokenRows', { name, rows, tokenizer: ctx.spec.tokenizer, ids: ctx.tokens.vocabSize }),
    );
  }
}

/** Why the chosen table is not held whole (naming its size and the limit), or null when it can be. */
export function wholeTableProblem(ctx: TableContext, name: string): Msg | null {
  const shape = ctx.checkpointShape(name);
  if (!shape) return null;
  const { rows, cols } = shape;
  const bytes = rows * cols * 4;
  if (bytes > MAX_CHECKPOINT_TABLE_BYTES) {
    return msg('err.checkpointWhole', {
      name,
      rows,
      cols,
      mib: Math.round(bytes / 2 ** 20),
      limit: MAX_CHECKPOINT_TABLE_BYTES / 2 ** 20,
    });
  }
  return ctx.tooBig(rows, cols, msg('what.tokenTable', { name }), () => msg('fix.rowByRow'));
}

export const checkpoint: EmbeddingSource = {
  name: 'checkpoint',
  key: ({ spec, checkpointGeneration }) => `ckpt|${checkpointGeneration}|${spec.checkpoint.token}`,
  async build(ctx) {
    const name = chosen(ctx);
    const over = wholeTableProblem(ctx, name);
    if (over) throw new MsgError(msg('err.streamOnly', { reason: over }));
    const t = await ctx.checkpointTensor(name);
    checkRows(ctx, name, t.rows);
    return tf.tensor2d(t.data, [t.rows, t.cols]); // [V, d]
  },
  // Rows of a row-major table are contiguous: read just the byte ranges of the text's rows.
  async rowsAlone(ctx, ids) {
    const name = chosen(ctx);
    if (!wholeTableProblem(ctx, name)) return null;
    const shape = ctx.checkpointShape(name);
    if (shape) checkRows(ctx, name, shape.rows);
    const t = await ctx.checkpointRows(name, ids);
    return tf.tensor2d(t.data, [t.rows, t.cols]); // [T, d]
  },
  chunks(ctx, chunkRows) {
    const name = chosen(ctx);
    if (!wholeTableProblem(ctx, name)) return null;
    return ctx.checkpointChunks(name, chunkRows);
  },
};
