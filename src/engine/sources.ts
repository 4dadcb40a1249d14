// Where a run's tokens and token table come from: the tokenizer (loaded lazily with its vocabulary) or the
// embedding source's own vocabulary, and the table E [V, d] from the embedding source registry
// (embeddings/registry.ts). Tables are uploaded to the device once and kept, keyed by everything that defines
// them, so a keystroke only gathers rows.
import * as tf from '@tensorflow/tfjs-core';
import { bufferProblem, deviceLimits } from './limits.ts';
import type { RunSpec } from '../protocol/specs.ts';
import { loadTokenizer } from '../tokenizers/registry.ts';
import type { FetchData, Tokenizer } from '../tokenizers/tokenizer.ts';
import { getEmbeddingSource } from '../embeddings/registry.ts';
import type { RowChunk, TableContext, TokenSource } from '../embeddings/source.ts';
import type { CheckpointStore } from './checkpoint.ts';
import { MsgError, msg } from '../protocol/msg.ts';

export type { TokenSource } from '../embeddings/source.ts';
export { MAX_RANDOM_TABLE_BYTES } from '../embeddings/sources/random.ts';

export class Sources {
  private tableKey = '';
  private table: tf.Tensor2D | null = null;
  private readonly fetchData: FetchData;
  private readonly checkpoint: CheckpointStore;

  constructor(fetchData: FetchData, checkpoint: CheckpointStore) {
    this.fetchData = fetchData;
    this.checkpoint = checkpoint;
  }

  async tokens(spec: RunSpec): Promise<TokenSource> {
    const own = getEmbeddingSource(spec.embedding).tokens;
    if (own) return own(this.fetchData);
    const tok: Tokenizer = await loadTokenizer(spec.tokenizer, this.fetchData);
    return {
      key: spec.tokenizer,
      vocabSize: tok.vocabSize,
      tokenize: (text) => tok.tokenize(text, spec.special),
      piece: (id) => tok.piece(id),
    };
  }

  private pending: { key: string; table: Promise<tf.Tensor2D> } | null = null;

  /**
   * E for the text's ids [T, d]: rows gathered from the cached table, or, where the source can draw rows alone
   * and the whole table cannot be built (a random table over a 262k vocabulary at a large d), just the text's
   * rows. Whole-table views (neighbours, quantisation, vocabulary projections) still need tokenTable.
   */
  async embed(spec: RunSpec, source: TokenSource, ids: Int32Array): Promise<tf.Tensor2D> {
    const alone = await getEmbeddingSource(spec.embedding).rowsAlone?.(this.context(spec, source), ids);
    if (alone) return alone;
    const table = await this.tokenTable(spec, source);
    return tf.tidy(() => tf.gather(table, tf.tensor1d(ids, 'int32')) as tf.Tensor2D); // [T, d]
  }

  /**
   * The [V, d] token table for a spec, cached on the device. Concurrent callers (a run and a projection) share
   * one build, so neither can dispose a table the other is still using.
   */
  async tokenTable(spec: RunSpec, source: TokenSource): Promise<tf.Tensor2D> {
    const ctx = this.context(spec, source);
    const key = getEmbeddingSource(spec.embedding).key(ctx);
    if (key === this.tableKey && this.table) return this.table;
    if (this.pending?.key !== key) {
      const table = getEmbeddingSource(spec.embedding)
        .build(ctx)
        .then((next) => {
          if (next.shape[1] !== spec.d) {
            const width = next.shape[1];
            next.dispose();
            throw new MsgError(msg('err.tableWidth', { table: spec.embedding, width, d: spec.d }));
          }
          this.table?.dispose();
          this.table = next;
          this.tableKey = key;
          return next;
        });
      this.pending = { key, table };
      table.then(
        () => {
          if (this.pending?.table === table) this.pending = null;
        },
        () => {
          if (this.pending?.table === table) this.pending = null;
        },
      );
    }
    return this.pending.table;
  }

  private context(spec: RunSpec, tokens: TokenSource): TableContext {
    return {
      spec,
      tokens,
      fetchData: this.fetchData,
      checkpointTensor: (name) => this.checkpoint.tensor(name),
      checkpointShape: (name) => this.checkpoint.shape(name),
      checkpointRows: (name, ids) => this.checkpoint.rows(name, ids),
      checkpointChunks: (name, chunkRows) => this.checkpoint.chunks(name, chunkRows),
      checkpointGeneration: this.checkpoint.generation,
      tooBig: (rows, cols, what, fix) => bufferProblem(rows, cols, deviceLimits(), what, fix),
    };
  }

  /**
   * The whole table as chunks of rows read from its file, when the source streams it because it cannot be held
   * whole; null when tokenTable() gives the whole table.
   */
  streamed(spec: RunSpec, source: TokenSource, chunkRows: number): AsyncIterable<RowChunk> | null {
    return getEmbeddingSource(spec.embedding).chunks?.(this.context(spec, source), chunkRows) ?? null;
  }

  /** The cached table, if the last run built one (for neighbours, quantisation and projections). */
  current(): tf.Tensor2D | null {
    return this.table;
  }

  dispose(): void {
    this.table?.dispose();
    this.table = null;
    this.tableKey = '';
  }
}
