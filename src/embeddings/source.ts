// The one interface every token-embedding source implements (DESIGN.md: one source, one file): where E [V, d]
// comes from, under what key the device keeps it, and, for a source with its own vocabulary (GloVe), the tokens.
import type * as tf from '@tensorflow/tfjs-core';
import type { Token } from '../protocol/messages.ts';
import type { EmbeddingName, RunSpec } from '../protocol/specs.ts';
import type { FetchData } from '../tokenizers/tokenizer.ts';
import type { Msg } from '../protocol/msg.ts';

/** What the pipeline needs from a run's tokens: the tokens, the vocabulary size and a piece's text by id. */
export interface TokenSource {
  key: string;
  vocabSize: number;
  tokenize(text: string): Token[];
  piece(id: number): string;
}

/** Rows of a table as float32, row-major. */
export interface RowsOf {
  rows: number;
  cols: number;
  data: Float32Array;
}

/** Rows first … first + rows − 1 of a table of `total` rows, as [rows, cols] row-major. */
export interface RowChunk {
  first: number;
  rows: number;
  total: number;
  data: Float32Array;
}

/** What a source may use to build its table; the engine provides it (sources never import the engine). */
export interface TableContext {
  spec: RunSpec;
  tokens: TokenSource;
  fetchData: FetchData;
  /** A tensor of the user's checkpoint, read on first use. */
  checkpointTensor(name: string): Promise<RowsOf>;
  /** [rows, cols] of a 2-D checkpoint tensor from its header (nothing is read), or null. */
  checkpointShape(name: string): { rows: number; cols: number } | null;
  /** Rows `ids` of a checkpoint tensor [ids.length, cols], reading only those rows' bytes. */
  checkpointRows(name: string, ids: Int32Array): Promise<RowsOf>;
  /** A checkpoint tensor in chunks of at most `chunkRows` rows, read one chunk at a time. */
  checkpointChunks(name: string, chunkRows: number): AsyncIterable<RowChunk>;
  /** Changes with every checkpoint file, so keys built on it never mix two files. */
  checkpointGeneration: number;
  /** Why rows × cols float32 cannot live in one device buffer (naming the limit, saying `fix`), or null. */
  tooBig(rows: number, cols: number, what: Msg, fix: (maxRows: number, maxCols: number) => Msg): Msg | null;
}

export interface EmbeddingSource {
  name: EmbeddingName;
  /** Tokens from the source's own vocabulary instead of the spec's tokenizer (GloVe's 20k words). */
  tokens?(fetchData: FetchData): Promise<TokenSource>;
  /** Everything that defines the table: the device keeps one table per key. */
  key(ctx: TableContext): string;
  /** E [V, d] on the device; the caller owns it. */
  build(ctx: TableContext): Promise<tf.Tensor2D>;
  /**
   * The rows `ids` [T, d] without the whole table, when the source can draw rows alone and the whole table cannot
   * be built; null to gather from build()'s table. Async where the rows are read from a file.
   */
  rowsAlone?(ctx: TableContext, ids: Int32Array): tf.Tensor2D | null | Promise<tf.Tensor2D | null>;
  /**
   * The whole table as chunks of rows [≤ chunkRows, d] when it cannot be built whole but can be read piece by
   * piece (a checkpoint's table bigger than the device); null to use build(). Views of the whole vocabulary
   * (neighbours, quantisation) go through it.
   */
  chunks?(ctx: TableContext, chunkRows: number): AsyncIterable<RowChunk> | null;
}
