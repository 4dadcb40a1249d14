// One run: tokenise → embed → encode → stream. The worker owns one Pipeline; it keeps the token table on the
// GPU between runs (keyed by its parameters) so a keystroke only gathers rows, never re-uploads the table.
import * as tf from '@tensorflow/tfjs-core';
import type { Check, FromEngine, Matrix, Token } from '../protocol/messages.ts';
import { LIMITS, validateSpec, type RunSpec } from '../protocol/specs.ts';
import { getTokenizer } from '../tokenizers/registry.ts';
import { getScheme } from '../encodings/registry.ts';
import { randomTable } from '../embeddings/random.ts';
import { readOwned } from './read.ts';
import { disposeLab, staticKey, staticNames, staticViews, textViews } from './lab.ts';

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
  /** The last static checks, resent with every run because they are tiny. */
  private staticChecks: { key: string; checks: Check[] } | null = null;

  /**
   * Runs one spec, posting tokens and then each matrix as soon as it is read back. `cached` is the static
   * key of the text-independent views the client already holds; those are not recomputed or resent.
   */
  async run(
    runId: number,
    spec: RunSpec,
    post: Post,
    isStale: () => boolean,
    cached: string | null = null,
  ): Promise<void> {
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
        // Rotary and bias schemes add nothing at the input: their PE is zero and their tensors live in lab.ts.
        const pe =
          scheme.kind === 'additive'
            ? scheme.compute({ positions, d, seed: spec.seed }, spec.params).pe // [T, d]
            : tf.zeros([T, d]); // [T, d]
        const X = tf.add(E, pe); // [T, d]
        return { E, PE: pe, X };
      });
    }

    const names = ['embeddings', 'pe', 'input'];
    const emit = async (matrix: Matrix) => {
      check();
      post({ type: 'matrix', runId, matrix });
    };
    try {
      const send = async (name: string, title: string, t: tf.Tensor | undefined, rowLabels: string[]) => {
        const data = t ? await readOwned(t) : new Float32Array(0);
        await emit({ name, title, shape: [T, d], data, rowLabels });
      };
      await send('embeddings', 'Token embeddings', tensors?.E, labels);
      await send('pe', 'Positional encoding', tensors?.PE, labels);
      await send('input', 'Input (token + position)', tensors?.X, labels);

      const key = staticKey(spec);
      if (key !== cached || this.staticChecks?.key !== key) {
        this.staticChecks = { key, checks: await staticViews(spec, emit, key) };
      }
      names.push(...staticNames(spec));
      const checks = [...this.staticChecks.checks];
      if (tensors) {
        const lab = await textViews(spec, tensors.E, labels, emit);
        names.push(...lab.names);
        checks.push(...lab.checks);
      }
      check();
      post({ type: 'checks', runId, scheme: spec.pe, checks });
    } finally {
      if (tensors) tf.dispose(tensors);
    }
    post({ type: 'done', runId, ms: performance.now() - t0, numTensors: tf.memory().numTensors, names });
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
    disposeLab();
    this.table?.dispose();
    this.table = null;
    this.tableKey = '';
  }
}
