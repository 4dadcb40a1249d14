// The Compare tab in the worker: for each of 2–4 schemes (protocol/compare.ts), its position score matrix over
// positions 0…2n−1 from the scheme registry (an additive table's Gram matrix, a rotary scheme's Gram matrix of
// [cos | sin] = Σᵢ cos((m−j)θᵢ), its table as computed, head 0 of a bias scheme), then the shared-scale numbers of analysis/compare.ts
// over the first n (the training length) and past it, and the PCA path of the first n positions.
import * as tf from '@tensorflow/tfjs-core';
import { compareProblem, compareSpec, type CompareColumn } from '../protocol/compare.ts';
import { TRAINED_TABLE, validateSpec, type RunSpec } from '../protocol/specs.ts';
import { getScheme } from '../encodings/registry.ts';
import { range } from '../numerics/trig.ts';
import { pca } from '../analysis/pca.ts';
import { toeplitz } from '../analysis/similarity.ts';
import { block, lookBack, normalise, offsetDeviation, profileOf } from '../analysis/compare.ts';
import { readOwned } from './read.ts';
import type { Pipeline } from './pipeline.ts';
import type { LearnedTable } from './views/static.ts';
import { MsgError, list, msg, msgOf, type Msg } from '../protocol/msg.ts';

/** Positions inside the "training length" of every column (the similarity heatmap is n × n). */
export const COMPARE_N = 64;

/** The rows whose Gram matrix a scheme's similarity is (one of compute()'s tensors), or null for a bias scheme. */
function rowsOf(kind: CompareColumn['kind'], out: Record<string, tf.Tensor>): tf.Tensor2D | null {
  if (kind === 'additive') return out.pe as tf.Tensor2D; // [P, d]
  if (kind === 'rotary') return out.cossin as tf.Tensor2D; // [P, d]: cos | sin
  return null;
}

/** The loaded or trained table for a learned column, or null (then the column shows the untrained init). */
async function tableFor(pipeline: Pipeline, spec: RunSpec): Promise<LearnedTable> {
  try {
    return await pipeline.learnedTable(spec);
  } catch {
    return null; // nothing trained yet, or a table of another width: the init stands in, and the note says so
  }
}

/** The [P, P] Gram matrix of the rows, or head 0 of a bias scheme's bias, read back. */
async function scoresOf(rows: tf.Tensor2D | null, out: Record<string, tf.Tensor>, P: number) {
  const M = rows
    ? tf.tidy(() => tf.matMul(rows, rows, false, true)) // [P, P]
    : tf.tidy(() => tf.reshape(tf.slice(out.bias, [0, 0, 0], [1, P, P]), [P, P])); // [P, P] head 0
  try {
    return await readOwned(M);
  } finally {
    M.dispose();
  }
}

export async function compareColumn(
  pipeline: Pipeline,
  base: RunSpec,
  name: string,
  n = COMPARE_N,
): Promise<CompareColumn> {
  const spec = compareSpec(base, name, n);
  const problem = validateSpec(spec);
  if (problem) throw new MsgError(msg('cmp.column', { name, reason: problem }));
  const scheme = getScheme(spec.pe);
  const table = scheme.usesTable ? await tableFor(pipeline, spec) : null;
  const tableSource = !scheme.usesTable
    ? null
    : table
      ? spec.checkpoint.position === TRAINED_TABLE
        ? 'trained'
        : 'loaded'
      : 'untrained init';
  const P = table ? Math.min(2 * n, table.rows) : 2 * n;
  const inside = Math.min(n, P);
  const out = scheme.compute(
    { positions: range(P), d: spec.d, seed: spec.seed, table: table ?? undefined },
    spec.params,
  );
  try {
    const rows = rowsOf(scheme.kind, out);
    // A scheme with a closed-form similarity (the sinusoid) skips the Gram product.
    const closed = scheme.offsetSimilarity?.(P, spec.d, spec.params);
    const gram = closed ? toeplitz(closed, P) : await scoresOf(rows, out, P);
    const S = normalise(gram, P, rows ? 'gram' : 'bias');
    // A bias scheme has no position vectors: no path (the column says so), rather than a line of zeros.
    let path = new Float32Array(rows ? inside * 2 : 0);
    if (rows && inside >= 2) {
      const first = tf.slice(rows, [0, 0], [inside, -1]) as tf.Tensor2D; // [n, d]
      const r = await pca(first, Math.min(2, first.shape[1]));
      first.dispose();
      if (r.scores.length === inside * 2) path = Float32Array.from(r.scores);
    }
    const deviation = offsetDeviation(S, P, inside);
    return {
      name,
      kind: scheme.kind,
      tableSource,
      similarity: {
        name: 'similarity',
        title: `Position similarity: ${name}`,
        shape: [inside, inside],
        data: block(S, P, inside),
        rowLabels: Array.from({ length: inside }, (_, i) => String(i)),
        colLabels: Array.from({ length: inside }, (_, i) => String(i)),
      },
      profile: profileOf(S, P, inside),
      score: lookBack(S, P, inside - 1),
      beyond: lookBack(S, P, P - 1),
      path,
      checks: [
        {
          name: msg('check.offset'),
          value: deviation,
          limit: 1e-4,
          pass: deviation <= 1e-4,
          detail: msg('check.offsetDetail'),
        },
      ],
      n: inside,
      note: list([
        msg(rows ? 'note.cosine' : 'note.headBias'),
        ...(name.startsWith('rope:') ? [msg('note.originalContext', { n })] : []),
        ...(tableSource ? [msg('note.table', { source: msg(SOURCE_NOTE[tableSource]) })] : []),
        ...(P < 2 * n ? [msg('note.tableShort', { n: P })] : []),
      ]),
      error: null,
    };
  } finally {
    tf.dispose(out);
  }
}

const SOURCE_NOTE = {
  loaded: 'source.loaded',
  trained: 'source.trained',
  'untrained init': 'source.untrained',
} as const satisfies Record<NonNullable<CompareColumn['tableSource']>, string>;

function failed(name: string, error: Msg): CompareColumn {
  const empty = new Float64Array(0);
  return {
    name,
    kind: 'additive',
    tableSource: null,
    similarity: {
      name: 'similarity',
      title: `Position similarity: ${name}`,
      shape: [0, 0],
      data: new Float32Array(0),
    },
    profile: empty,
    score: empty,
    beyond: new Float64Array(0),
    path: new Float32Array(0),
    checks: [],
    n: 0,
    note: list([]),
    error,
  };
}

/** Every column of a compare request, in order; a bad list is refused whole. */
export async function compareColumns(
  pipeline: Pipeline,
  spec: RunSpec,
  names: string[],
): Promise<CompareColumn[]> {
  const problem = compareProblem(names);
  if (problem) throw new MsgError(msg('cmp.refused', { reason: problem }));
  const columns: CompareColumn[] = [];
  for (const name of names) {
    try {
      columns.push(await compareColumn(pipeline, spec, name));
    } catch (err) {
      // One scheme that cannot run with these settings (longrope without its factor lists) leaves its column
      // with the reason; the others still show.
      columns.push(failed(name, msgOf(err)));
    }
  }
  return columns;
}
