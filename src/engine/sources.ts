// Where a run's tokens and token table come from: the tokenizer (loaded lazily with its vocabulary), and the
// table E [V, d] — random, shipped (GloVe, USE-lite), or a tensor of the user's checkpoint. Tables are uploaded
// to the GPU once and kept, keyed by everything that defines them, so a keystroke only gathers rows.
import * as tf from '@tensorflow/tfjs-core';
import { bufferProblem, deviceLimits } from './limits.ts';
import type { Token } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';
import { loadTokenizer } from '../tokenizers/registry.ts';
import type { FetchData, Tokenizer } from '../tokenizers/tokenizer.ts';
import { splitWords } from '../tokenizers/word.ts';
import { randomRows, randomTable } from '../embeddings/random.ts';
import { glove, loadGloveVocab } from '../embeddings/glove.ts';
import { useLite } from '../embeddings/use.ts';
import type { CheckpointStore } from './checkpoint.ts';

/** Largest random table generated (o200k × 2048 would be 1.6 GB, past SwiftShader's 1 GiB buffers). */
export const MAX_RANDOM_TABLE_BYTES = 512 * 2 ** 20;

/** What the pipeline needs from a source: tokens, the vocabulary size and a piece's text by id. */
export interface TokenSource {
  key: string;
  vocabSize: number;
  tokenize(text: string): Token[];
  piece(id: number): string;
}

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
    if (spec.embedding === 'glove-100d') {
      // GloVe pairs with the word tokenizer's splitting, looked up in GloVe's own 20k vocabulary.
      const vocab = await loadGloveVocab(this.fetchData);
      return {
        key: 'glove-word',
        vocabSize: vocab.size,
        tokenize: (text) => vocab.lookup(text, splitWords(text)),
        piece: (id) => vocab.pieces[id] ?? `#${id}`,
      };
    }
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
   * E for the text's ids [T, d]: rows gathered from the cached table, or, for a random table too large to build
   * (a 262k vocabulary at a large d), the text's rows drawn alone (randomRows: the same numbers the whole table
   * would hold). Whole-table views (neighbours, quantisation, vocabulary projections) still need tokenTable.
   */
  async embed(spec: RunSpec, source: TokenSource, ids: Int32Array): Promise<tf.Tensor2D> {
    if (spec.embedding === 'random' && this.randomTableProblem(spec, source)) {
      const rows = randomRows(ids, source.vocabSize, spec.d, spec.seed, spec.init);
      return tf.tensor2d(rows, [ids.length, spec.d]); // [T, d]
    }
    const table = await this.tokenTable(spec, source);
    return tf.tidy(() => tf.gather(table, tf.tensor1d(ids, 'int32')) as tf.Tensor2D); // [T, d]
  }

  /** Why the whole random table cannot be built (size cap or the GPU's buffer limit), or null. */
  private randomTableProblem(spec: RunSpec, source: TokenSource): string | null {
    const bytes = source.vocabSize * spec.d * 4;
    if (bytes > MAX_RANDOM_TABLE_BYTES) {
      const dMax = Math.floor(MAX_RANDOM_TABLE_BYTES / 4 / source.vocabSize / 2) * 2;
      return `A random ${spec.tokenizer} table of ${source.vocabSize.toLocaleString('en')} × ${spec.d} would take ${(bytes / 2 ** 20).toFixed(0)} MiB of GPU memory, over the ${MAX_RANDOM_TABLE_BYTES / 2 ** 20} MiB limit; views of the whole table need d ≤ ${dMax}.`;
    }
    return bufferProblem(
      source.vocabSize,
      spec.d,
      deviceLimits(),
      `A random ${spec.tokenizer} table`,
      (_, maxD) => `views of the whole table need d ≤ ${Math.floor(maxD / 2) * 2}`,
    );
  }

  /**
   * The [V, d] token table for a spec, cached on the device. Concurrent callers (a run and a projection) share
   * one build, so neither can dispose a table the other is still using.
   */
  async tokenTable(spec: RunSpec, source: TokenSource): Promise<tf.Tensor2D> {
    const key = this.keyOf(spec, source);
    if (key === this.tableKey && this.table) return this.table;
    if (this.pending?.key !== key) {
      const table = this.build(spec, source).then((next) => {
        if (next.shape[1] !== spec.d) {
          const width = next.shape[1];
          next.dispose();
          throw new Error(
            `The ${spec.embedding} table is ${width} wide but d = ${spec.d}; set d to ${width}.`,
          );
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

  private keyOf(spec: RunSpec, source: TokenSource): string {
    switch (spec.embedding) {
      case 'random':
        return `random|${source.key}|${source.vocabSize}|${spec.d}|${spec.seed}|${spec.init}`;
      case 'checkpoint':
        return `ckpt|${this.checkpoint.generation}|${spec.checkpoint.token}`;
      default:
        return spec.embedding;
    }
  }

  private async build(spec: RunSpec, source: TokenSource): Promise<tf.Tensor2D> {
    switch (spec.embedding) {
      case 'random': {
        const over = this.randomTableProblem(spec, source);
        if (over) throw new Error(over);
        return randomTable(source.vocabSize, spec.d, spec.seed, spec.init); // [V, d]
      }
      case 'glove-100d': {
        const { table } = await glove.load(this.fetchData);
        return tf.tensor2d(table.data, [table.rows, table.cols]); // [20001, 100]
      }
      case 'use-lite': {
        const { table } = await useLite.load(this.fetchData);
        return tf.tensor2d(table.data, [table.rows, table.cols]); // [8002, 256]
      }
      case 'checkpoint': {
        const name = spec.checkpoint.token;
        if (!name) throw new Error('Choose the checkpoint tensor to use as the token table.');
        const t = await this.checkpoint.tensor(name);
        if (t.rows < source.vocabSize) {
          throw new Error(
            `"${name}" has ${t.rows} rows but the ${spec.tokenizer} tokenizer has ${source.vocabSize} ids; pick the tokenizer this checkpoint was trained with.`,
          );
        }
        const over = bufferProblem(
          t.rows,
          t.cols,
          deviceLimits(),
          `The token table "${name}"`,
          () => 'this browser cannot hold it on the GPU; try another browser or a smaller model',
        );
        if (over) throw new Error(over);
        return tf.tensor2d(t.data, [t.rows, t.cols]); // [V, d]
      }
      default: {
        const never: never = spec.embedding;
        throw new Error(`unknown embedding: ${String(never)}`);
      }
    }
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
