// Projection jobs: what to project (positions of the active scheme, the text's tokens, or the vocabulary) and
// how (PCA on the device; t-SNE and UMAP in JS, stepped in slices so layouts stream and new input can cancel).
import { CATALOG } from '../encodings/catalog.ts';
import * as tf from '@tensorflow/tfjs-core';
import type { FromEngine } from '../protocol/messages.ts';
import { validateProjection, validateSpec, type ProjectionSpec, type RunSpec } from '../protocol/specs.ts';
import { getScheme } from '../encodings/registry.ts';
import { pca } from '../analysis/pca.ts';
import { getProjectionMethod } from '../analysis/projectionMethods.ts';
import { uniforms } from '../numerics/rng.ts';
import { range } from '../numerics/trig.ts';
import { readOwned } from './read.ts';
import type { Pipeline } from './pipeline.ts';
import { MsgError, msg, type Msg as Message } from '../protocol/msg.ts';

type Post = (msg: FromEngine) => void;
type Msg = Extract<FromEngine, { type: 'projection' }>;

/** Positions projected at most (the table views go to 8192; a trajectory of 4096 points reads well). */
export const MAX_PROJECTED_POSITIONS = 4096;
/** PCA components sent for the "PCs vs position" plot. */
export const PC_CURVES = 4;
/** Time slice of an iterative method before it yields to the message loop. */
const SLICE_MS = 60;

export class ProjectionCancelled extends Error {
  constructor() {
    super('projection cancelled');
  }
}

interface Rows {
  x: tf.Tensor2D; // [n, d]
  labels: string[];
  color: Float32Array;
  keys: Int32Array;
  keyKind: Msg['keyKind'];
  note: Message[];
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The rows to project, on the device. */
async function rowsFor(pipeline: Pipeline, spec: RunSpec, proj: ProjectionSpec): Promise<Rows> {
  const { d } = spec;
  if (proj.source === 'positions') {
    const scheme = getScheme(spec.pe);
    const learned = await pipeline.learnedTable(spec);
    let n = Math.min(spec.params.positions, MAX_PROJECTED_POSITIONS);
    if (learned) n = Math.min(n, learned.rows);
    if (scheme.kind === 'bias' || CATALOG[spec.pe].addsNothing) {
      throw new MsgError(msg('err.noPositionVector', { pe: spec.pe }));
    }
    const out = scheme.compute(
      { positions: range(n), d, seed: spec.seed, table: learned ?? undefined },
      spec.params,
    );
    // Rotary: the state of position p is its rotation, the [cos | sin] angles of every pair.
    const x = (scheme.kind === 'additive' ? out.pe : out.cossin) as tf.Tensor2D; // [n, d]
    for (const t of Object.values(out)) if (t !== x) t.dispose();
    const note = [
      ...(n < spec.params.positions ? [msg('note.firstOf', { n, total: spec.params.positions })] : []),
      scheme.kind === 'rotary' ? msg('note.ropeAngles') : msg('note.tableRows', { pe: spec.pe }),
    ];
    const idx = Int32Array.from(range(n));
    return {
      x,
      labels: Array.from(idx, (i) => String(i)),
      color: Float32Array.from(idx),
      keys: idx,
      keyKind: 'position',
      note,
    };
  }
  if (proj.source === 'tokens') {
    const { source, tokens, learned } = await pipeline.tokenise(spec);
    if (tokens.length < 3) throw new MsgError(msg('err.fewTokens'));
    const t = await pipeline.inputs(spec, tokens, source, learned);
    const x = proj.withPositions ? t.X : t.E;
    for (const k of [t.E, t.PE, t.X]) if (k !== x) k.dispose();
    const keys = Int32Array.from(tokens, (_, i) => i);
    return {
      x,
      labels: tokens.map((tok) => tok.text),
      color: Float32Array.from(keys),
      keys,
      keyKind: 'token',
      note: [msg(proj.withPositions ? 'note.inputTokens' : 'note.embeddingTokens', { n: tokens.length })],
    };
  }
  // vocabulary: the whole table, or a seeded sample of its rows
  const { source } = await pipeline.tokenise({ ...spec, text: '' });
  // A table too big to hold whole (Sources.streamed) gives the sampled rows alone, read from its file.
  const whole = pipeline.sources.streamed(spec, source, 1)
    ? null
    : await pipeline.sources.tokenTable(spec, source);
  const V = whole ? whole.shape[0] : source.vocabSize;
  const ids = sampleIds(V, proj.sample, proj.seed);
  const x = whole
    ? tf.tidy(() => tf.gather(whole, tf.tensor1d(ids, 'int32')) as tf.Tensor2D) // [n, d]
    : await pipeline.sources.embed(spec, source, ids); // [n, d]
  return {
    x,
    labels: Array.from(ids, (id) => source.piece(id)),
    color: Float32Array.from(ids),
    keys: ids,
    keyKind: 'id',
    note: [ids.length < V ? msg('note.sample', { n: ids.length, V }) : msg('note.allRows', { V })],
  };
}

/** k distinct ids of 0…V−1 in increasing order (all of them when k ≥ V): a seeded partial Fisher–Yates. */
export function sampleIds(V: number, k: number, seed: number): Int32Array {
  if (k >= V) return Int32Array.from({ length: V }, (_, i) => i);
  const u = uniforms(seed ^ 0x5bd1e995);
  const pool = Int32Array.from({ length: V }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(u() * (V - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}

/** Runs one projection, posting layouts as they settle. Throws ProjectionCancelled when superseded. */
export async function project(
  pipeline: Pipeline,
  projId: number,
  spec: RunSpec,
  proj: ProjectionSpec,
  post: Post,
  isStale: () => boolean,
): Promise<void> {
  const problem = validateSpec(spec) ?? validateProjection(proj);
  if (problem) throw new MsgError(problem);
  const rows = await rowsFor(pipeline, spec, proj);
  const n = rows.x.shape[0];
  const d = rows.x.shape[1];
  const check = () => {
    if (isStale()) throw new ProjectionCancelled();
  };
  const base = { type: 'projection' as const, projId, n, labels: rows.labels, keyKind: rows.keyKind };
  let pcs: Float32Array | null = null;
  let pcCount = 0;
  try {
    check();
    const k = Math.min(Math.max(proj.dims, proj.source === 'positions' ? PC_CURVES : proj.dims), d, n);
    const p = await pca(rows.x, k);
    check();
    if (proj.source === 'positions') {
      pcs = p.scores;
      pcCount = k;
    }
    const method = getProjectionMethod(proj.method);
    if (method.kind === 'direct') {
      const dims = Math.min(proj.dims, k);
      const points = new Float32Array(n * dims);
      for (let i = 0; i < n; i++) for (let j = 0; j < dims; j++) points[i * dims + j] = p.scores[i * k + j];
      post({
        ...base,
        dims,
        points,
        color: rows.color,
        keys: rows.keys,
        iteration: 1,
        total: 1,
        done: true,
        explained: p.explained.slice(0, dims),
        pcs,
        pcCount,
        note: rows.note,
      });
      return;
    }
    const data = await readOwned(rows.x);
    check();
    const total = proj.iterations;
    const dims = method.dims(proj);
    const stepper = method.start(data, n, d, proj, dims);
    let first = true;
    while (stepper.iteration() < total) {
      const t0 = performance.now();
      while (stepper.iteration() < total && performance.now() - t0 < SLICE_MS) stepper.step();
      check();
      const done = stepper.iteration() >= total;
      post({
        ...base,
        dims,
        points: stepper.positions(),
        color: first || done ? rows.color.slice() : new Float32Array(0),
        keys: first || done ? rows.keys.slice() : new Int32Array(0),
        iteration: stepper.iteration(),
        total,
        done,
        explained: null,
        pcs: first || done ? (pcs?.slice() ?? null) : null,
        pcCount,
        note: [...rows.note, ...method.note(proj, stepper)],
      });
      first = false;
      await nextTask(); // lets new runs, stops and projections in
      check();
    }
  } finally {
    rows.x.dispose();
  }
}
