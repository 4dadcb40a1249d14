// One run: tokenise → embed → encode → stream. The worker owns one Pipeline; it keeps the token table on the
// GPU between runs (keyed by its parameters) so a keystroke only gathers rows, never re-uploads the table.
import * as tf from '@tensorflow/tfjs-core';
import type { Check, FromEngine, Matrix, RunViews, Token } from '../protocol/messages.ts';
import { LIMITS, TRAINED_TABLE, validateSpec, type RunSpec } from '../protocol/specs.ts';
import { getScheme } from '../encodings/registry.ts';
import type { FetchData } from '../tokenizers/tokenizer.ts';
import { readOwned } from './read.ts';
import { range } from '../numerics/trig.ts';
import { ViewCache } from './views/cache.ts';
import { staticKey, staticViews, windowViews, type LearnedTable } from './views/static.ts';
import { poolBlock, type RowWindow } from '../protocol/window.ts';
import { blockMean, pooledLabels } from './views/bigTable.ts';
import { bufferProblem, deviceLimits } from './limits.ts';
import { textViews } from './views/text.ts';
import { FOUNDATION_VIEWS, VIEW_TITLES, type ViewName } from '../protocol/views.ts';
import { CheckpointStore } from './checkpoint.ts';
import { Sources, type TokenSource } from './sources.ts';
import { CellReader, inputRows } from './cells.ts';
import { MsgError, msg } from '../protocol/msg.ts';

export type Post = (msg: FromEngine) => void;

/** Texts longer than this announce their tokenisation (it takes a noticeable fraction of a second). */
const LONG_TEXT = 100_000;

/** Thrown (and swallowed by the caller) when a newer run has superseded this one. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A macrotask turn, so that messages already queued for the worker (a newer run, a cancel) are handled. */
const yieldToMessages = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How long the text must stay unchanged before the heavy text views (attention preview, RoPE q/k and scores,
 * per-head biases) start. Their kernels cannot be pre-empted once submitted, so a key typed while they run
 * waits for them; a person typing at 4 keys/s leaves 250 ms between keys, so none start mid-word.
 */
export const TEXT_VIEWS_AFTER_MS = 300;
/**
 * The lab's text views (attention preview with [d, d] weights and [T, T] scores, RoPE q/k, per-head biases) run for
 * d ≤ LAB_MAX on the first LAB_MAX tokens: at d = 8192 three [d, d] weights alone are 768 MiB, and [H, T, T] biases
 * at T = 8192 are 2 GiB.
 */
export const LAB_MAX = 2048;
const QUIET_SLICE_MS = 50;

export class Pipeline {
  readonly checkpoint = new CheckpointStore();
  readonly sources: Sources;
  /** The last static views' checks (resent with every run because they are tiny) and names, by key. */
  private staticChecks: { key: string; checks: Check[]; names: ViewName[] } | null = null;
  /** The lab views' weights and kept products, on the device between runs. */
  private readonly viewCache = new ViewCache();

  private readonly quietMs: number;
  /** Exact values of the last pooled E, PE and X, for the hover (engine/cells.ts). */
  readonly cells: CellReader;

  constructor(fetchData: FetchData, options: { quietMs?: number } = {}) {
    this.sources = new Sources(fetchData, this.checkpoint);
    this.quietMs = options.quietMs ?? TEXT_VIEWS_AFTER_MS;
    this.cells = new CellReader({
      tokens: (spec) => this.sources.tokens(spec),
      embed: (spec, source, ids) => this.sources.embed(spec, source, ids),
      learnedTable: (spec) => this.learnedTable(spec),
    });
  }

  private trained: { rows: number; cols: number; data: Float32Array; id: string } | null = null;

  /** Keeps the newest table trained in the browser (see TRAINED_TABLE). */
  setTrained(rows: number, d: number, data: Float32Array, id: string): void {
    this.trained = { rows, cols: d, data, id };
  }

  /** The checkpoint's (or the trainer's) position table when the spec asks for it as the learned scheme. */
  async learnedTable(spec: RunSpec): Promise<LearnedTable> {
    const name = spec.checkpoint.position;
    if (spec.pe !== 'learned' || !name) return null;
    if (name === TRAINED_TABLE && !this.trained) {
      throw new MsgError(msg('err.notTrained'));
    }
    const t = name === TRAINED_TABLE && this.trained ? this.trained : await this.checkpoint.tensor(name);
    if (t.cols !== spec.d) {
      throw new MsgError(msg('err.positionWidth', { name, cols: t.cols, d: spec.d }));
    }
    const id =
      name === TRAINED_TABLE && this.trained ? this.trained.id : `${this.checkpoint.generation}|${name}`;
    return { rows: t.rows, data: t.data, id };
  }

  /**
   * Runs one spec, posting tokens and then each matrix as soon as it is read back. `cached` is the static
   * key of the text-independent views the client already holds; those are not recomputed or resent. With
   * `views` = 'foundation' the run stops after E, PE and X (no tab that needs the lab is open).
   */
  async run(
    runId: number,
    spec: RunSpec,
    post: Post,
    isStale: () => boolean,
    cached: string | null = null,
    views: RunViews = 'lab',
    window: RowWindow | null = null,
  ): Promise<void> {
    const t0 = performance.now();
    const problem = validateSpec(spec);
    if (problem) throw new MsgError(problem);
    this.cells.keepOnly(spec);
    const check = () => {
      if (isStale()) throw new Cancelled();
    };

    if (spec.text.length > LONG_TEXT) {
      post({ type: 'progress', task: msg('task.tokenising', { n: spec.text.length }), done: 0, total: null });
    }
    const { source, tokens, total, learned } = await this.tokenise(spec);
    post({ type: 'tokens', runId, tokens, vocabSize: source.vocabSize, total });
    check();
    const { d } = spec;
    const T = tokens.length;
    const labels = tokens.map((t) => t.text);
    const tooBig = bufferProblem(T, d, deviceLimits(), msg('what.input'), (rows, cols) =>
      cols >= 2 ? msg('fix.tokens', { rows, cols }) : msg('fix.smallerD'),
    );
    if (tooBig) throw new MsgError(tooBig);
    const tensors = T > 0 ? await this.inputs(spec, tokens, source, learned) : null;
    check();

    const names: ViewName[] = [...FOUNDATION_VIEWS];
    const emit = async (matrix: Matrix) => {
      check();
      post({ type: 'matrix', runId, matrix });
    };
    try {
      // The three read-backs are queued together (one wait on the device instead of three in a row), then
      // posted in order. Past POOL_FROM rows or columns they are pooled on the device to block means first.
      const rb = poolBlock(T);
      const cb = poolBlock(d);
      const pooling = rb > 1 || cb > 1;
      const parts = [tensors?.E, tensors?.PE, tensors?.X]; // FOUNDATION_VIEWS' order
      const small = pooling ? parts.map((t) => (t ? blockMean(t, rb, cb) : undefined)) : parts; // [T/rb, d/cb]
      const read = await Promise.all(small.map((t) => (t ? readOwned(t) : new Float32Array(0))));
      if (pooling) tf.dispose(small.filter((t) => t !== undefined));
      // The views past these need only E (and the kept table): PE and X go now, not at the end of the run.
      if (tensors) tf.dispose([tensors.PE, tensors.X]);
      const shape: [number, number] = [Math.ceil(T / rb), Math.ceil(d / cb)];
      const pooled = pooling
        ? {
            shape: [T, d] as [number, number],
            rowBlock: rb,
            colBlock: cb,
            reduction: 'mean' as const,
            view: runId,
          }
        : undefined;
      if (pooling)
        this.cells.hold(
          runId,
          spec,
          Int32Array.from(tokens, (t) => t.id),
          labels,
          learned?.id,
        );
      const rowLabels = pooling ? pooledLabels(labels, rb) : labels; // the same for E, PE and X
      for (const [i, name] of FOUNDATION_VIEWS.entries()) {
        const title = VIEW_TITLES[name];
        await emit({
          name,
          title,
          shape,
          data: read[i],
          rowLabels,
          pooled,
          note: pooling
            ? msg('note.pooled', {
                rb,
                tokens: msg(rb > 1 ? 'unit.tokens' : 'unit.token'),
                cb,
                dims: msg(cb > 1 ? 'unit.dims' : 'unit.dim'),
                T,
                d,
              })
            : undefined,
        });
      }

      // A tab without the lab stops here: no static or text views, no checks (the keystroke path).
      if (views === 'lab') {
        // Let a newer run's message in before the views past the three matrices: while the user types, the
        // newer text wins here instead of waiting for this run's lab views.
        await yieldToMessages();
        check();
        const key = staticKey(spec, learned);
        if (key !== cached || this.staticChecks?.key !== key) {
          this.staticChecks = { key, ...(await staticViews(spec, emit, key, learned, window)) };
        }
        names.push(...this.staticChecks.names);
        const checks = [...this.staticChecks.checks];
        if (tensors) {
          // Wait for the text to stay quiet, in slices, so a newer keystroke cancels this run before any heavy
          // kernel is queued.
          for (let waited = 0; waited < this.quietMs; waited += QUIET_SLICE_MS) {
            await yieldToMessages(Math.min(QUIET_SLICE_MS, this.quietMs - waited));
            check();
          }
          await yieldToMessages();
          check();
          // The lab's text views run at the sizes a person reads: at most LAB_MAX tokens and width.
          if (d <= LAB_MAX) {
            const labT = Math.min(T, LAB_MAX);
            const E = labT < T ? (tf.slice(tensors.E, [0, 0], [labT, d]) as tf.Tensor2D) : tensors.E; // [labT, d]
            try {
              const kept = this.keptPositionTable(spec);
              const lab = await textViews(
                spec,
                E,
                kept,
                labels.slice(0, labT),
                emit,
                this.viewCache,
                learned,
              );
              names.push(...lab.names);
              checks.push(...lab.checks);
            } finally {
              if (E !== tensors.E) E.dispose();
            }
          }
        }
        check();
        post({ type: 'checks', runId, scheme: spec.pe, checks });
      }
    } finally {
      if (tensors) tf.dispose(tensors);
    }
    post({ type: 'done', runId, ms: performance.now() - t0, numTensors: tf.memory().numTensors, names });
  }

  /** The detail views of a big table for window w (the `window` request): only these are recomputed. */
  async window(spec: RunSpec, w: RowWindow): Promise<Matrix[]> {
    const problem = validateSpec(spec);
    if (problem) throw new MsgError(problem);
    return windowViews(spec, w, await this.learnedTable(spec));
  }

  /** The text's tokens (capped at LIMITS.maxTokens), their source, and the learned table if one is loaded. */
  async tokenise(spec: RunSpec) {
    const source = await this.sources.tokens(spec);
    const all = source.tokenize(spec.text);
    const tokens = all.slice(0, LIMITS.maxTokens);
    const learned = await this.learnedTable(spec);
    if (learned && tokens.length > learned.rows) {
      throw new MsgError(msg('err.textPastTable', { tokens: tokens.length, rows: learned.rows }));
    }
    return { source, tokens, total: all.length, learned };
  }

  /** E (optionally ×√d), PE and X = E + PE for the tokens, on the device; the caller disposes them. */
  async inputs(
    spec: RunSpec,
    tokens: Token[],
    source: TokenSource,
    learned: LearnedTable,
  ): Promise<{ E: tf.Tensor2D; PE: tf.Tensor2D; X: tf.Tensor2D }> {
    const T = tokens.length;
    const gathered = await this.sources.embed(
      spec,
      source,
      Int32Array.from(tokens, (t: Token) => t.id),
    ); // [T, d]
    return inputRows(spec, gathered, this.positionTable(spec, T, learned)); // E, PE, X: [T, d] each
  }

  private pe: { key: string; rows: number; table: tf.Tensor2D } | null = null;

  /** The additive scheme's kept table as inputs() left it for this spec (the preview reuses its PE·W). */
  keptPositionTable(spec: RunSpec): tf.Tensor2D | null {
    return getScheme(spec.pe).kind === 'additive' ? (this.pe?.table ?? null) : null;
  }

  /**
   * The additive scheme's rows 0…R−1 on the device, R a power of two ≥ T, kept across runs: a keystroke slices
   * its T rows instead of re-running the exact sin/cos kernels. Row p depends only on p, so slicing is exact.
   */
  private positionTable(spec: RunSpec, T: number, learned: LearnedTable): tf.Tensor2D | null {
    const scheme = getScheme(spec.pe);
    if (scheme.kind !== 'additive') return null;
    const key = JSON.stringify({
      pe: spec.pe,
      d: spec.d,
      seed: spec.seed,
      params: spec.params,
      l: learned?.id,
    });
    if (this.pe && this.pe.key === key && this.pe.rows >= T) return this.pe.table;
    let rows = 64;
    while (rows < T) rows *= 2;
    if (learned) rows = Math.min(rows, learned.rows);
    const out = scheme.compute(
      { positions: range(rows), d: spec.d, seed: spec.seed, table: learned ?? undefined },
      spec.params,
    );
    this.pe?.table.dispose();
    this.pe = { key, rows, table: out.pe as tf.Tensor2D }; // [rows, d], kept across runs
    return this.pe.table;
  }

  dispose(): void {
    this.pe?.table.dispose();
    this.pe = null;
    this.viewCache.dispose();
    this.sources.dispose();
  }
}
