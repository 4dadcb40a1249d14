// One run: tokenise → embed → encode → stream. The worker owns one Pipeline; it keeps the token table on the
// GPU between runs (keyed by its parameters) so a keystroke only gathers rows, never re-uploads the table.
import * as tf from '@tensorflow/tfjs-core';
import type { FromEngine, Matrix, Token } from '../protocol/messages.ts';
import { LIMITS, validateSpec, type RunSpec } from '../protocol/specs.ts';
import { getTokenizer } from '../tokenizers/registry.ts';
import { getScheme } from '../encodings/registry.ts';
import { randomTable } from '../embeddings/random.ts';

export type Post = (msg: FromEngine) => void;

/** Thrown (and swallowed by the caller) when a newer run has superseded this one. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export class Pipeline {
  private tableKey = '';
  private table: tf.Tensor2D | null = null;

  /** Runs one spec, posting tokens and then each matrix as soon as it is read back. */
  async run(runId: number, spec: RunSpec, post: Post, isStale: () => boolean): Promise<void> {
    const t0 = performance.now();
    const problem = validateSpec(spec);
    if (problem) throw new Error(problem);
    const check = () => {
      if (isStale()) throw new Cancelled();
    };

    const tokenizer = getTokenizer(spec.tokenizer);
    const tokens = tokenizer.tokenize(spec.text).slice(0, LIMITS.maxTokens);
    post({ type: 'tokens', runId, tokens, vocabSize: tokenizer.vocabSize });
    check();

    const { d } = spec;
    const T = tokens.length;
    const labels = tokens.map((t) => t.text);
    const scheme = getScheme(spec.pe);

    let tensors: { E: tf.Tensor2D; PE: tf.Tensor; X: tf.Tensor } | null = null;
    if (T > 0) {
      const table = this.tokenTable(tokenizer.vocabSize, d, spec.seed, spec.tokenizer);
      tensors = tf.tidy(() => {
        const ids = tf.tensor1d(
          Int32Array.from(tokens, (t: Token) => t.id),
          'int32',
        ); // [T]
        const gathered = tf.gather(table, ids); // [T, d]
        const E = (spec.scaleEmbeddings ? tf.mul(gathered, Math.sqrt(d)) : gathered) as tf.Tensor2D; // [T, d]
        const positions = Float64Array.from(tokens, (_, p) => p);
        const { pe } = scheme.compute({ positions, d, seed: spec.seed }, spec.params); // [T, d]
        const X = tf.add(E, pe); // [T, d]
        return { E, PE: pe, X };
      });
    }

    try {
      const send = async (name: string, title: string, t: tf.Tensor | undefined, rowLabels: string[]) => {
        const data = t ? ((await t.data()) as Float32Array) : new Float32Array(0);
        check();
        const matrix: Matrix = { name, title, shape: [T, d], data, rowLabels };
        post({ type: 'matrix', runId, matrix });
      };
      await send('embeddings', 'Token embeddings', tensors?.E, labels);
      await send('pe', 'Positional encoding', tensors?.PE, labels);
      await send('input', 'Input (token + position)', tensors?.X, labels);
    } finally {
      if (tensors) tf.dispose(tensors);
    }
    post({ type: 'done', runId, ms: performance.now() - t0, numTensors: tf.memory().numTensors });
  }

  private tokenTable(V: number, d: number, seed: number, vocab: string): tf.Tensor2D {
    const key = `${vocab}|${V}|${d}|${seed}`;
    if (key !== this.tableKey || !this.table) {
      this.table?.dispose();
      this.table = randomTable(V, d, seed); // [V, d], kept across runs
      this.tableKey = key;
    }
    return this.table;
  }

  dispose(): void {
    this.table?.dispose();
    this.table = null;
    this.tableKey = '';
  }
}
