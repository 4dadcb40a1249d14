// Source 'checkpoint': the token table the user picked from their own files (only that tensor's bytes are read).
// A table bigger than Embedscope holds whole (Llama 3's 128,256 × 4,096 is 2 GiB as float32) is never read
// whole: a text's rows are read alone (rowsAlone), views of the whole vocabulary stream it in chunks (chunks).
import * as tf from '@tensorflow/tfjs-core';
import type { EmbeddingSource, TableContext } from '../source.ts';

/** Largest checkpoint token table held whole on the device, as float32. */
export const MAX_CHECKPOINT_TABLE_BYTES = 512 * 2 ** 20;

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MiB`;

function chosen({ spec }: TableContext): string {
  const name = spec.checkpoint.token;
  if (!name) throw new Error('Choose the checkpoint tensor to use as the token table.');
  return name;
}

function checkRows(ctx: TableContext, name: string, rows: number): void {
  if (rows < ctx.tokens.vocabSize) {
    throw new Error(
      `"${name}" has ${rows} rows but the ${ctx.spec.tokenizer} tokenizer has ${ctx.tokens.vocabSize} ids; pick the tokenizer this checkpoint was trained with.`,
    );
  }
}

/** Why the chosen table is not held whole (naming its size and the limit), or null when it can be. */
export function wholeTableProblem(ctx: TableContext, name: string): string | null {
  const shape = ctx.checkpointShape(name);
  if (!shape) return null;
  const { rows, cols } = shape;
  const bytes = rows * cols * 4;
  if (bytes > MAX_CHECKPOINT_TABLE_BYTES) {
    return (
      `The token table "${name}" (${rows.toLocaleString('en')} × ${cols.toLocaleString('en')}, ${mib(bytes)} as ` +
      `float32) is larger than the ${mib(MAX_CHECKPOINT_TABLE_BYTES)} Embedscope holds whole`
    );
  }
  return ctx.tooBig(rows, cols, `The token table "${name}"`, () => 'it is read row by row instead');
}

export const checkpoint: EmbeddingSource = {
  name: 'checkpoint',
  key: ({ spec, checkpointGeneration }) => `ckpt|${checkpointGeneration}|${spec.checkpoint.token}`,
  async build(ctx) {
    const name = chosen(ctx);
    const over = wholeTableProblem(ctx, name);
    if (over) throw new Error(`${over}; only the text's rows and streamed views can use it.`);
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
