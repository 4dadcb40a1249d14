// The positional-encoding lab's views, beside the three foundation heatmaps.
//   static (text-independent, resent only when the scheme or its parameters change):
//     position table [N, d] or RoPE cos/sin tables, position similarity [n, n], offset profile, ALiBi slopes
//   per text: RoPE q/k before and after rotation and the fixed-q·k score matrix, ALiBi/T5 bias per head,
//     T5 bucket indices, and the attention preview softmax(QKᵀ/√d + bias)·V with and without position.
import * as tf from '@tensorflow/tfjs-core';
import type { Check, Matrix } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';
import { getScheme } from '../encodings/registry.ts';
import { rotate } from '../encodings/rope.ts';
import { normals } from '../numerics/rng.ts';
import { gram, offsetProfile, firstStopDecreasing } from '../analysis/similarity.ts';
import { alibiChecks, ropeChecks, tableChecks } from '../analysis/invariants.ts';
import { range } from '../numerics/trig.ts';
import { readOwned } from './read.ts';

type Emit = (matrix: Matrix) => Promise<void>;

/** Heads whose bias matrices are drawn: every head for short texts, the first 4 past 128 tokens. */
export function headsShown(heads: number, T: number): number {
  return Math.min(heads, T <= 128 ? 16 : 4);
}
/** Positions in the RoPE fixed-q·k score view. */
export const ROPE_SCORE_POSITIONS = 64;

/** A trained position table standing in for the learned scheme's initialisation (checkpoint or trainer). */
export type LearnedTable = { rows: number; data: Float32Array; id: string } | null;

export function staticKey(spec: RunSpec, learned: LearnedTable = null): string {
  const { pe, params, d, seed } = spec;
  return JSON.stringify({ pe, params, d, seed, learned: pe === 'learned' ? (learned?.id ?? null) : null });
}

const labels = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const read = readOwned;

/**
 * A trained table beside the sinusoidal one (same d, same N, the spec's base and layout) and their difference,
 * so learned and fixed positions can be compared view for view.
 */
async function compareWithSinusoidal(
  spec: RunSpec,
  learnedData: Float32Array,
  N: number,
  emit: Emit,
  key: string,
) {
  const { d, params, seed } = spec;
  const sin = getScheme('sinusoidal').compute({ positions: range(N), d, seed }, params).pe as tf.Tensor2D; // [N, d]
  try {
    const S = gram(sin); // [n, n]
    const n = S.shape[0];
    const sinData = await read(sin);
    const sData = await read(S);
    S.dispose();
    const diff = new Float32Array(N * d);
    for (let i = 0; i < diff.length; i++) diff[i] = learnedData[i] - sinData[i];
    await emit({
      name: 'compare-sin',
      title: 'Sinusoidal table (same d)',
      shape: [N, d],
      data: sinData,
      rowLabels: labels(N),
      staticKey: key,
    });
    await emit({
      name: 'compare-diff',
      title: 'Learned − sinusoidal',
      shape: [N, d],
      data: diff,
      rowLabels: labels(N),
      staticKey: key,
    });
    await emit({
      name: 'compare-sin-similarity',
      title: 'Sinusoidal position similarity',
      shape: [n, n],
      data: sData,
      rowLabels: labels(n),
      colLabels: labels(n),
      staticKey: key,
    });
  } finally {
    sin.dispose();
  }
}

/** Text-independent views of the active scheme. Returns the checks they support. */
export async function staticViews(
  spec: RunSpec,
  emit: Emit,
  key: string,
  learned: LearnedTable = null,
): Promise<Check[]> {
  const { d, params, seed } = spec;
  const trained = spec.pe === 'learned' && learned ? learned : undefined;
  const N = trained ? Math.min(params.positions, trained.rows) : params.positions;
  const scheme = getScheme(spec.pe);
  const out = scheme.compute({ positions: range(N), d, seed, table: trained }, params);
  try {
    if (scheme.kind === 'additive') {
      const table = out.pe as tf.Tensor2D; // [N, d]
      const S = gram(table); // [n, n]
      const n = S.shape[0];
      const tableData = await read(table);
      const trainedData = trained ? tableData.slice() : null; // posting transfers tableData's buffer
      const sData = await read(S);
      S.dispose();
      const profile = offsetProfile(sData, n);
      const stop = firstStopDecreasing(profile);
      const checks = tableChecks(tableData, N, d, sData, n);
      await emit({
        name: 'table',
        title: 'Positional encoding table',
        shape: [N, d],
        data: tableData,
        rowLabels: labels(N),
        staticKey: key,
        note: N < params.positions ? `the loaded table has only ${N} positions` : undefined,
      });
      await emit({
        name: 'similarity',
        title: 'Position similarity',
        shape: [n, n],
        data: sData,
        rowLabels: labels(n),
        colLabels: labels(n),
        staticKey: key,
        note: n < N ? `first ${n} of ${N} positions` : undefined,
      });
      await emit({
        name: 'profile',
        title: 'Offset profile',
        shape: [1, n],
        data: Float32Array.from(profile),
        rowLabels: ['dot(k)'],
        staticKey: key,
        note: stop >= 0 ? `stops decreasing at k = ${stop}` : 'decreases over the whole range',
      });
      if (trainedData) await compareWithSinusoidal(spec, trainedData, N, emit, key);
      return checks;
    }
    if (scheme.kind === 'rotary') {
      const half = d / 2;
      await emit({
        name: 'rope-cos',
        title: 'RoPE cos table',
        shape: [N, half],
        data: await read(out.cos),
        rowLabels: labels(N),
        staticKey: key,
      });
      await emit({
        name: 'rope-sin',
        title: 'RoPE sin table',
        shape: [N, half],
        data: await read(out.sin),
        rowLabels: labels(N),
        staticKey: key,
      });
      return [];
    }
    // bias schemes
    if (out.slopes) {
      const slopes = await read(out.slopes);
      const checks = alibiChecks(slopes); // before emit: posting transfers (detaches) the buffer
      await emit({
        name: 'alibi-slopes',
        title: 'ALiBi slopes',
        shape: [slopes.length, 1],
        data: slopes,
        rowLabels: labels(slopes.length),
        staticKey: key,
      });
      return checks;
    }
    return [];
  } finally {
    tf.dispose(out);
  }
}

/** Names of the static views a scheme produces (so the client can keep them when they are not resent). */
/** Views that set a trained learned table beside the sinusoidal one at the same d and N. */
export const COMPARE_NAMES = ['compare-sin', 'compare-diff', 'compare-sin-similarity'];

export function staticNames(spec: RunSpec, learned: LearnedTable = null): string[] {
  const scheme = getScheme(spec.pe);
  if (spec.pe === 'learned' && learned) return ['table', 'similarity', 'profile', ...COMPARE_NAMES];
  if (scheme.kind === 'additive') return ['table', 'similarity', 'profile'];
  if (scheme.kind === 'rotary') return ['rope-cos', 'rope-sin'];
  return spec.pe === 'alibi' ? ['alibi-slopes'] : [];
}

const projections = new Map<string, tf.Tensor2D[]>();

/** Seeded W_q, W_k, W_v ~ N(0, 1/d), [d, d] each, kept on the GPU. */
function weights(d: number, seed: number): tf.Tensor2D[] {
  const key = `${d}|${seed}`;
  let w = projections.get(key);
  if (!w) {
    for (const old of projections.values()) tf.dispose(old);
    projections.clear();
    w = [1, 2, 3].map((k) =>
      tf.tidy(
        () => tf.mul(tf.tensor2d(normals(d * d, seed * 7919 + k), [d, d]), 1 / Math.sqrt(d)) as tf.Tensor2D,
      ),
    ); // [d, d]
    projections.set(key, w);
  }
  return w;
}

/**
 * The position table's rows times W_q, W_k, W_v, kept while the table stays the same tensor (the pipeline makes
 * a new one whenever d, the seed or the scheme's parameters change, so the weights cannot change under it).
 */
let positionParts: { table: tf.Tensor2D; parts: tf.Tensor2D[] } | null = null;

/**
 * PE·W_q, PE·W_k, PE·W_v for rows 0…T−1 of the pipeline's kept position table. By linearity
 * X·W = E·W + PE·W, so a keystroke adds these to its E·W instead of multiplying X by all three [d, d] weights
 * again: the position half of the product is computed once per table, not once per keystroke.
 */
function positionProjections(table: tf.Tensor2D, T: number, d: number, seed: number): tf.Tensor2D[] {
  if (positionParts?.table !== table) {
    if (positionParts) tf.dispose(positionParts.parts);
    // kept past the caller's tidy until the table changes
    const parts = weights(d, seed).map((w) => tf.keep(tf.matMul(table, w) as tf.Tensor2D)); // [rows, d] each
    positionParts = { table, parts };
  }
  return positionParts.parts.map((t) => tf.slice(t, [0, 0], [T, d]) as tf.Tensor2D); // [T, d] each
}

export function disposeLab(): void {
  for (const w of projections.values()) tf.dispose(w);
  projections.clear();
  if (positionParts) tf.dispose(positionParts.parts);
  positionParts = null;
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
  learned: LearnedTable = null,
): Promise<{ checks: Check[]; names: string[] }> {
  const { d, params, seed } = spec;
  const T = E.shape[0];
  const scheme = getScheme(spec.pe);
  const table = spec.pe === 'learned' && learned ? learned : undefined;
  const [Wq, Wk, Wv] = weights(d, seed);
  const names: string[] = [];
  const checks: Check[] = [];
  const send = async (m: Matrix) => {
    names.push(m.name);
    await emit(m);
  };
  // An additive scheme's positions come from the pipeline's kept table; rotary and bias schemes need their own.
  if (scheme.kind === 'additive' && !positionTable)
    throw new Error(`${spec.pe}: no position table to attend with`);
  const out =
    scheme.kind === 'additive' ? null : scheme.compute({ positions: range(T), d, seed, table }, params);
  const keep: tf.Tensor[] = [];
  try {
    // Two stages, each read back (and so checked for a newer run, in emit) before the next is queued: a
    // keystroke during the preview waits for at most one stage's kernels, not the whole preview's.
    const scale = 1 / Math.sqrt(d);
    const mask = tf.tidy(() =>
      spec.causal ? tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9) : tf.zeros([T, T]),
    ); // [T, T]
    keep.push(mask);
    const attend = (Q: tf.Tensor2D, K: tf.Tensor2D, V: tf.Tensor2D, bias: tf.Tensor | null) => {
      let scores = tf.mul(tf.matMul(Q, K, false, true), scale); // [T, T]
      if (bias) scores = tf.add(scores, bias); // [T, T]
      const A = tf.softmax(tf.add(scores, mask)) as tf.Tensor2D; // [T, T]
      return { A, Y: tf.matMul(A, V) as tf.Tensor2D }; // [T, T], [T, d]
    };
    // Stage 1: attention from the token embeddings alone. Its weights need only Q and K; V waits for stage 2
    // (an additive scheme never uses E·Wv: its output mixes X·Wv), so the first preview comes a third sooner.
    const plain = tf.tidy(() => {
      const Q = tf.matMul(E, Wq) as tf.Tensor2D; // [T, d]
      const K = tf.matMul(E, Wk) as tf.Tensor2D; // [T, d]
      const scores = tf.mul(tf.matMul(Q, K, false, true), scale); // [T, T]
      return { Q, K, A: tf.softmax(tf.add(scores, mask)) as tf.Tensor2D }; // A: [T, T]
    });
    keep.push(plain.Q, plain.K, plain.A);
    const label = `Attention with ${spec.pe}`;
    await send({
      name: 'attn-plain',
      title: 'Attention without position',
      shape: [T, T],
      data: await read(plain.A),
      rowLabels: tokenLabels,
      colLabels: tokenLabels,
      colors: 'sequential',
    });
    // Stage 2: with position. Rotary and bias schemes reuse stage 1's projections of E.
    const t = tf.tidy(() => {
      const result: Record<string, tf.Tensor> = {};
      if (scheme.kind === 'additive' && positionTable) {
        // X = E + PE, so X·W = E·W + PE·W: E·Wq and E·Wk are stage 1's, PE·W is kept per table.
        const [pq, pk, pv] = positionProjections(positionTable, T, d, seed);
        const V = tf.add(tf.matMul(E, Wv), pv) as tf.Tensor2D; // X·Wv, [T, d]
        Object.assign(result, attend(tf.add(plain.Q, pq), tf.add(plain.K, pk), V, null));
      } else if (scheme.kind === 'rotary' && out) {
        const [cos, sin] = [out.cos as tf.Tensor2D, out.sin as tf.Tensor2D];
        result.qRot = rotate(plain.Q, cos, sin, params.layout); // [T, d]
        result.kRot = rotate(plain.K, cos, sin, params.layout); // [T, d]
        const V = tf.matMul(E, Wv) as tf.Tensor2D; // [T, d]
        Object.assign(result, attend(result.qRot as tf.Tensor2D, result.kRot as tf.Tensor2D, V, null));
      } else {
        const bias = out?.bias ? tf.squeeze(tf.slice(out.bias, [0, 0, 0], [1, T, T]), [0]) : null; // [T, T]
        Object.assign(result, attend(plain.Q, plain.K, tf.matMul(E, Wv) as tf.Tensor2D, bias));
      }
      return result;
    });
    keep.push(...Object.values(t));
    if (scheme.kind === 'rotary') Object.assign(t, { q: plain.Q, k: plain.K });
    await send({
      name: 'attn-with',
      title: label,
      shape: [T, T],
      data: await read(t.A),
      rowLabels: tokenLabels,
      colLabels: tokenLabels,
      colors: 'sequential',
    });
    await send({
      name: 'attn-out',
      title: 'Attention output',
      shape: [T, d],
      data: await read(t.Y),
      rowLabels: tokenLabels,
    });

    if (scheme.kind === 'rotary') {
      const q = await read(t.q);
      const qRot = await read(t.qRot);
      // One fixed q and k (the first token's) placed at every position m, n: the score matrix is constant
      // along diagonals exactly when ⟨R_m q, R_n k⟩ depends only on m − n.
      const n = Math.min(ROPE_SCORE_POSITIONS, params.positions);
      const tables = scheme.compute({ positions: range(n), d, seed }, params);
      const S = tf.tidy(() => {
        const q0 = tf.tile(tf.slice(t.q as tf.Tensor2D, [0, 0], [1, d]), [n, 1]); // [n, d]
        const k0 = tf.tile(tf.slice(t.k as tf.Tensor2D, [0, 0], [1, d]), [n, 1]); // [n, d]
        const qr = rotate(
          q0 as tf.Tensor2D,
          tables.cos as tf.Tensor2D,
          tables.sin as tf.Tensor2D,
          params.layout,
        ); // [n, d]
        const kr = rotate(
          k0 as tf.Tensor2D,
          tables.cos as tf.Tensor2D,
          tables.sin as tf.Tensor2D,
          params.layout,
        ); // [n, d]
        return tf.matMul(qr, kr, false, true); // [n, n]
      });
      tf.dispose(tables);
      const sData = await read(S);
      S.dispose();
      // Checks first: posting a matrix transfers (detaches) its buffer.
      checks.push(...ropeChecks(q, qRot, T, d, sData, n));
      const rows: Array<[string, string, Float32Array]> = [
        ['rope-q', 'q before rotation', q],
        ['rope-q-rot', 'q after rotation', qRot],
        ['rope-k', 'k before rotation', await read(t.k)],
        ['rope-k-rot', 'k after rotation', await read(t.kRot)],
      ];
      for (const [name, title, data] of rows)
        await send({ name, title, shape: [T, d], data, rowLabels: tokenLabels });
      await send({
        name: 'rope-scores',
        title: 'RoPE scores',
        shape: [n, n],
        data: sData,
        rowLabels: labels(n, 'm='),
        colLabels: labels(n, 'n='),
      });
    }

    if (scheme.kind === 'bias' && out) {
      const H = headsShown(params.heads, T);
      if (out.buckets) {
        await send({
          name: 't5-buckets',
          title: 'T5 buckets',
          shape: [T, T],
          data: await read(out.buckets),
          rowLabels: tokenLabels,
          colLabels: tokenLabels,
          colors: 'sequential',
        });
      }
      const prefix = spec.pe === 'alibi' ? 'ALiBi' : 'T5';
      for (let h = 0; h < H; h++) {
        const slice = tf.tidy(() => tf.reshape(tf.slice(out.bias, [h, 0, 0], [1, T, T]), [T, T])); // [T, T]
        const data = await read(slice);
        slice.dispose();
        await send({
          name: `bias-${h}`,
          title: `${prefix} bias, head ${h}`,
          shape: [T, T],
          data,
          rowLabels: tokenLabels,
          colLabels: tokenLabels,
        });
      }
    }
    return { checks, names };
  } finally {
    tf.dispose(keep);
    if (out) tf.dispose(out);
  }
}
