// The views that depend on the text: the attention preview softmax(QKᵀ/√d + bias)·V without and with the
// scheme, what every rotary scheme shows (q and k before and after rotation, the fixed-q·k score matrix), then
// the scheme's own (Scheme.textViews: per-head biases, T5 buckets …).
import * as tf from '@tensorflow/tfjs-core';
import type { Check, Matrix } from '../../protocol/messages.ts';
import type { RunSpec } from '../../protocol/specs.ts';
import { VIEW_TITLES, type FixedViewName, type ViewName } from '../../protocol/views.ts';
import { getScheme } from '../../encodings/registry.ts';
import { ropeAttentionFactor } from '../../encodings/rope.ts';
import { rotate } from '../../encodings/rotate.ts';
import { ropeChecks } from '../../analysis/invariants.ts';
import { ropeWidth } from '../../protocol/rope.ts';
import { range } from '../../numerics/trig.ts';
import { readOwned as read } from '../read.ts';
import type { ViewCache } from './cache.ts';
import { labels, tableFor, type LearnedTable } from './static.ts';
import { MsgError, msg } from '../../protocol/msg.ts';

type Emit = (matrix: Matrix) => Promise<void>;

/** Positions in the RoPE fixed-q·k score view. */
export const ROPE_SCORE_POSITIONS = 64;

/**
 * Width of the one head the attention preview runs: RoPE's head_dim for a rotary scheme (d unless set), else
 * d/heads (at least 1). A person looks at one head's weights, and [d, d] projections cost d/d_h times more.
 */
export function previewHeadWidth(spec: RunSpec): number {
  if (getScheme(spec.pe).kind === 'rotary') return ropeWidth(spec.params, spec.d).headDim;
  return Math.max(1, Math.floor(spec.d / spec.params.heads));
}

/**
 * Views that depend on the text: E [T, d] are the (scaled) token embeddings; `positionTable` is the pipeline's
 * kept table of an additive scheme (rows ≥ T; null for rotary and bias schemes, which add nothing at the input).
 */
export async function textViews(
  spec: RunSpec,
  E: tf.Tensor2D,
  positionTable: tf.Tensor2D | null,
  tokenLabels: string[],
  emit: Emit,
  cache: ViewCache,
  learned: LearnedTable = null,
): Promise<{ checks: Check[]; names: ViewName[] }> {
  const { d, params, seed } = spec;
  const T = E.shape[0];
  const scheme = getScheme(spec.pe);
  const table = tableFor(spec, learned) ?? undefined;
  const dh = previewHeadWidth(spec); // one head: W_q, W_k, W_v are [d, dh]
  const [Wq, Wk, Wv] = cache.projections(d, dh, seed);
  const names: ViewName[] = [];
  const checks: Check[] = [];
  const send = async (m: Omit<Matrix, 'title'> & { title?: string }) => {
    names.push(m.name);
    await emit({ ...m, title: m.title ?? VIEW_TITLES[m.name as FixedViewName] });
  };
  // An additive scheme's positions come from the pipeline's kept table; rotary and bias schemes need their own.
  if (scheme.kind === 'additive' && !positionTable)
    throw new MsgError(msg('err.noPositionTable', { pe: spec.pe }));
  const out =
    scheme.kind === 'additive' ? null : scheme.compute({ positions: range(T), d, seed, table }, params);
  const keep: tf.Tensor[] = [];
  try {
    // Two stages, each read back (and so checked for a newer run, in emit) before the next is queued: a
    // keystroke during the preview waits for at most one stage's kernels, not the whole preview's.
    const scale = 1 / Math.sqrt(dh);
    const mask = tf.tidy(() =>
      spec.causal ? tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9) : tf.zeros([T, T]),
    ); // [T, T]
    keep.push(mask);
    const attend = (Q: tf.Tensor2D, K: tf.Tensor2D, V: tf.Tensor2D, bias: tf.Tensor | null) => {
      let scores = tf.mul(tf.matMul(Q, K, false, true), scale); // [T, T]
      if (bias) scores = tf.add(scores, bias); // [T, T]
      const A = tf.softmax(tf.add(scores, mask)) as tf.Tensor2D; // [T, T]
      return { A, Y: tf.matMul(A, V) as tf.Tensor2D }; // [T, T], [T, dh]
    };
    // Stage 1: attention from the token embeddings alone. Its weights need only Q and K; V waits for stage 2
    // (an additive scheme never uses E·Wv: its output mixes X·Wv), so the first preview comes a third sooner.
    const plain = tf.tidy(() => {
      const Q = tf.matMul(E, Wq) as tf.Tensor2D; // [T, dh]
      const K = tf.matMul(E, Wk) as tf.Tensor2D; // [T, dh]
      const scores = tf.mul(tf.matMul(Q, K, false, true), scale); // [T, T]
      return { Q, K, A: tf.softmax(tf.add(scores, mask)) as tf.Tensor2D }; // A: [T, T]
    });
    keep.push(plain.Q, plain.K, plain.A);
    const pair = { rowLabels: tokenLabels, colLabels: tokenLabels, colors: 'sequential' as const };
    await send({ name: 'attn-plain', shape: [T, T], data: await read(plain.A), ...pair });
    // Stage 2: with position. Rotary and bias schemes reuse stage 1's projections of E.
    const t = tf.tidy(() => {
      const result: Record<string, tf.Tensor> = {};
      if (scheme.kind === 'additive' && positionTable) {
        // X = E + PE, so X·W = E·W + PE·W: E·Wq and E·Wk are stage 1's, PE·W is kept per table.
        const [pq, pk, pv] = cache.positionProjections(positionTable, T, d, dh, seed);
        const V = tf.add(tf.matMul(E, Wv), pv) as tf.Tensor2D; // X·Wv, [T, dh]
        Object.assign(result, attend(tf.add(plain.Q, pq), tf.add(plain.K, pk), V, null));
      } else if (scheme.kind === 'rotary' && out) {
        const cossin = out.cossin as tf.Tensor2D; // [T, n]: cos | sin
        result.qRot = rotate(plain.Q, cossin, params.layout, dh); // [T, dh]
        result.kRot = rotate(plain.K, cossin, params.layout, dh); // [T, dh]
        const V = tf.matMul(E, Wv) as tf.Tensor2D; // [T, dh]
        Object.assign(result, attend(result.qRot as tf.Tensor2D, result.kRot as tf.Tensor2D, V, null));
      } else {
        const bias = out?.bias ? tf.squeeze(tf.slice(out.bias, [0, 0, 0], [1, T, T]), [0]) : null; // [T, T]
        Object.assign(result, attend(plain.Q, plain.K, tf.matMul(E, Wv) as tf.Tensor2D, bias));
      }
      return result;
    });
    keep.push(...Object.values(t));
    const title = `Attention with ${spec.pe}`;
    await send({ name: 'attn-with', title, shape: [T, T], data: await read(t.A), ...pair });
    await send({ name: 'attn-out', shape: [T, dh], data: await read(t.Y), rowLabels: tokenLabels });
    if (scheme.kind === 'rotary') {
      checks.push(...(await rotaryViews(spec, plain.Q, plain.K, t.qRot, t.kRot, tokenLabels, send)));
    }
    if (scheme.textViews && out) {
      await scheme.textViews(out, { spec, N: params.positions, T, tokenLabels, table, read, emit: send });
    }
    return { checks, names };
  } finally {
    tf.dispose(keep);
    if (out) tf.dispose(out);
  }
}

/**
 * What every rotary scheme shows: q and k before and after rotation, and one fixed q and k (the first token's)
 * placed at every position m, n. The score matrix is constant along diagonals exactly when ⟨R_m q, R_n k⟩ depends
 * only on m − n.
 */
async function rotaryViews(
  spec: RunSpec,
  Q: tf.Tensor,
  K: tf.Tensor,
  qRotT: tf.Tensor,
  kRotT: tf.Tensor,
  tokenLabels: string[],
  send: (m: Omit<Matrix, 'title'>) => Promise<void>,
): Promise<Check[]> {
  const { d, params, seed } = spec;
  const T = Q.shape[0] ?? 0;
  const scheme = getScheme(spec.pe);
  const dh = Q.shape[1] ?? d; // the preview's one head
  const { rotaryDim } = ropeWidth(params, d); // its first rotaryDim dimensions rotate
  const q = await read(Q);
  const qRot = await read(qRotT);
  const n = Math.min(ROPE_SCORE_POSITIONS, params.positions);
  const tables = scheme.compute({ positions: range(n), d, seed }, params);
  const S = tf.tidy(() => {
    const cossin = tables.cossin as tf.Tensor2D; // [n, rotated width]: cos | sin
    const q0 = tf.tile(tf.slice(Q, [0, 0], [1, dh]), [n, 1]) as tf.Tensor2D; // [n, dh]
    const k0 = tf.tile(tf.slice(K, [0, 0], [1, dh]), [n, 1]) as tf.Tensor2D; // [n, dh]
    const qr = rotate(q0, cossin, params.layout, dh); // [n, dh]
    const kr = rotate(k0, cossin, params.layout, dh); // [n, dh]
    return tf.matMul(qr, kr, false, true); // [n, n]
  });
  tf.dispose(tables);
  const sData = await read(S);
  S.dispose();
  // Checks first: posting a matrix transfers (detaches) its buffer.
  const a = ropeAttentionFactor(params, d);
  const checks = ropeChecks(q, qRot, T, dh, sData, n, { a, headDim: dh, rotaryDim });
  const rows: Array<[ViewName, Float32Array]> = [
    ['rope-q', q],
    ['rope-q-rot', qRot],
    ['rope-k', await read(K)],
    ['rope-k-rot', await read(kRotT)],
  ];
  for (const [name, data] of rows) await send({ name, shape: [T, dh], data, rowLabels: tokenLabels });
  await send({
    name: 'rope-scores',
    shape: [n, n],
    data: sData,
    rowLabels: labels(n, 'm='),
    colLabels: labels(n, 'n='),
  });
  return checks;
}
