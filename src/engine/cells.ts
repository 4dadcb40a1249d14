// Exact values for the hover on a pooled E, PE or X (protocol/cells.ts). Nothing [T, d] is kept for it: the last
// pooled run leaves only its spec and token ids (T ints), and a block's rows are recomputed on demand the way the
// run computed them: E rows gathered from the (already kept) token table by id, PE rows from the scheme over just
// those positions (a row depends only on its position), and X = E + PE with the same ops (inputRows, shared with
// the run). A view that is gone (a run of another spec started, or the worker was restarted) answers null.
import * as tf from '@tensorflow/tfjs-core';
import { getScheme } from '../encodings/registry.ts';
import type { RunSpec } from '../protocol/specs.ts';
import {
  CELLS_MAX_BLOCK,
  holds,
  windowAround,
  type CellBlock,
  type CellMatrix,
  type CellRequest,
} from '../protocol/cells.ts';
import { positionsFrom } from './views/bigTable.ts';
import { readOwned } from './read.ts';
import type { LearnedTable } from './views/static.ts';
import type { TokenSource } from './sources.ts';

export interface Inputs {
  E: tf.Tensor2D;
  PE: tf.Tensor2D;
  X: tf.Tensor2D;
}

/**
 * E (×√d when the spec scales embeddings), PE and X = E + PE from gathered token rows [n, d] and the first n rows of
 * `peTable` (null: PE is zero). The caller disposes the three; `gathered` is disposed here when E replaces it.
 */
export function inputRows(spec: RunSpec, gathered: tf.Tensor2D, peTable: tf.Tensor2D | null): Inputs {
  const [n, d] = gathered.shape;
  const out = tf.tidy(() => {
    const E = (spec.scaleEmbeddings ? tf.mul(gathered, Math.sqrt(d)) : gathered) as tf.Tensor2D; // [n, d]
    // Rotary and bias schemes add nothing at the input: their PE is zero and their tensors live in lab.ts.
    const PE = (peTable ? tf.slice(peTable, [0, 0], [n, d]) : tf.zeros([n, d])) as tf.Tensor2D; // [n, d]
    const X = tf.add(E, PE) as tf.Tensor2D; // [n, d]
    return { E, PE, X };
  });
  if (out.E !== gathered) gathered.dispose();
  return out;
}

const PART: Record<CellMatrix, keyof Inputs> = { embeddings: 'E', pe: 'PE', input: 'X' };

/** What the reader needs of the pipeline: the token source and table, and the learned table for a spec. */
export interface CellSources {
  tokens(spec: RunSpec): Promise<TokenSource>;
  embed(spec: RunSpec, source: TokenSource, ids: Int32Array): Promise<tf.Tensor2D>;
  learnedTable(spec: RunSpec): Promise<LearnedTable>;
}

interface Held {
  view: number;
  spec: RunSpec;
  ids: Int32Array;
  labels: readonly string[];
  learned: string | undefined;
}

/**
 * Whether two runs have the same spec. Runs on every keystroke: the text (megabytes at most) is compared as a string
 * first, and only the rest of the spec is serialised.
 */
function sameSpec(a: RunSpec, b: RunSpec): boolean {
  return a.text === b.text && JSON.stringify({ ...a, text: '' }) === JSON.stringify({ ...b, text: '' });
}

export class CellReader {
  private held: Held | null = null;
  private readonly from: CellSources;

  constructor(from: CellSources) {
    this.from = from;
  }

  /** A run starts: a pooled view of another spec is about to be replaced and no longer answers. */
  keepOnly(spec: RunSpec): void {
    if (this.held && !sameSpec(this.held.spec, spec)) this.held = null;
  }

  /** The run `view` drew E, PE and X pooled for these tokens. */
  hold(view: number, spec: RunSpec, ids: Int32Array, labels: readonly string[], learned?: string): void {
    this.held = { view, spec, ids, labels, learned };
  }

  /** The exact values of a block (and its range); null when the view is gone. Throws on a malformed request. */
  async read(req: CellRequest): Promise<CellBlock | null> {
    const h = this.held;
    if (!h || h.view !== req.view) return null;
    const { spec, ids } = h;
    const { block, at, name } = req;
    const [t0, t1] = block.rows;
    const [j0, j1] = block.cols;
    const ok = (a: number, b: number, n: number) =>
      Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b < n;
    if (!ok(t0, t1, ids.length) || !ok(j0, j1, spec.d) || !holds(block, at[0], at[1]))
      throw new Error(`cells outside the [${ids.length}, ${spec.d}] matrix`);
    const n = t1 - t0 + 1;
    const m = j1 - j0 + 1;
    if (n * m > CELLS_MAX_BLOCK) throw new Error(`a block of ${n} × ${m} cells is too large to read`);
    const source = await this.from.tokens(spec);
    const learned = await this.from.learnedTable(spec);
    if (learned?.id !== h.learned) return null; // another table was loaded or trained since
    const gathered = await this.from.embed(spec, source, ids.slice(t0, t1 + 1)); // [n, d]
    const scheme = getScheme(spec.pe);
    let pe: Record<string, tf.Tensor> | null = null;
    let rows: Inputs | null = null;
    let part: tf.Tensor2D | null = null;
    try {
      if (scheme.kind === 'additive') {
        const input = { positions: positionsFrom(t0, t1), d: spec.d, seed: spec.seed };
        pe = scheme.compute({ ...input, table: learned ?? undefined }, spec.params); // pe: [n, d]
      }
      rows = inputRows(spec, gathered, (pe?.pe as tf.Tensor2D | undefined) ?? null);
      part = tf.slice(rows[PART[name]], [0, j0], [n, m]); // [n, m]
      return answer(req, h.labels, await readOwned(part));
    } finally {
      if (!rows) gathered.dispose();
      tf.dispose([
        ...Object.values(pe ?? {}),
        ...(rows ? [rows.E, rows.PE, rows.X] : []),
        ...(part ? [part] : []),
      ]);
    }
  }
}

/** The block's range and the values of the window around the pointer, from the block's values [n, m]. */
function answer(req: CellRequest, labels: readonly string[], data: Float32Array): CellBlock {
  const { block } = req;
  const m = block.cols[1] - block.cols[0] + 1;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const w = windowAround(block, req.at);
  const wm = w.cols[1] - w.cols[0] + 1;
  const values = new Float32Array((w.rows[1] - w.rows[0] + 1) * wm);
  for (let t = w.rows[0]; t <= w.rows[1]; t++) {
    const from = (t - block.rows[0]) * m + (w.cols[0] - block.cols[0]);
    values.set(data.subarray(from, from + wm), (t - w.rows[0]) * wm);
  }
  return {
    view: req.view,
    name: req.name,
    block,
    window: w,
    values,
    labels: labels.slice(w.rows[0], w.rows[1] + 1),
    min,
    max,
    mean: sum / data.length,
  };
}
