// The text-independent views of the active scheme: what every scheme of its kind gets (an additive table, its
// position similarity and offset profile; a rotary scheme's cos/sin tables), then the scheme's own
// (Scheme.staticViews: ALiBi's slopes, a learned table beside the sinusoid …). Resent only when the scheme or its
// parameters change; the pipeline remembers the names sent under each key.
import * as tf from '@tensorflow/tfjs-core';
import type { Check, Matrix } from '../../protocol/messages.ts';
import type { RunSpec } from '../../protocol/specs.ts';
import { VIEW_TITLES, type ViewName } from '../../protocol/views.ts';
import { getScheme } from '../../encodings/registry.ts';
import type { ViewContext } from '../../encodings/scheme.ts';
import {
  MAX_SIMILARITY,
  gram,
  offsetProfile,
  firstStopDecreasing,
  toeplitz,
} from '../../analysis/similarity.ts';
import { tableChecks } from '../../analysis/invariants.ts';
import { range } from '../../numerics/trig.ts';
import {
  DETAIL_ROWS,
  isBig,
  resolveWindow,
  validateWindow,
  type Overview,
  type RowWindow,
} from '../../protocol/window.ts';
import { cosSinHalves } from '../../encodings/rotate.ts';
import { readOwned } from '../read.ts';
import { positionsFrom, tableOverview } from './bigTable.ts';
import { MsgError, msg, type Msg } from '../../protocol/msg.ts';

type Emit = (matrix: Matrix) => Promise<void>;

/** A trained position table standing in for the learned scheme's initialisation (checkpoint or trainer). */
export type LearnedTable = { rows: number; data: Float32Array; id: string } | null;

export const labels = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The table a scheme reads, when it reads one and one is loaded. */
export function tableFor(spec: RunSpec, learned: LearnedTable): LearnedTable {
  return getScheme(spec.pe).usesTable ? learned : null;
}

export function staticKey(spec: RunSpec, learned: LearnedTable = null): string {
  const { pe, params, d, seed } = spec;
  return JSON.stringify({ pe, params, d, seed, learned: tableFor(spec, learned)?.id ?? null });
}

type Part = Omit<Matrix, 'title' | 'staticKey'> & { title?: string };

/** Rows of the static tables: the positions asked for, or fewer when a loaded table has fewer. */
export function tableRows(spec: RunSpec, learned: LearnedTable): number {
  const trained = tableFor(spec, learned);
  return trained ? Math.min(spec.params.positions, trained.rows) : spec.params.positions;
}

/** Row labels of positions a…a+n−1. */
const positionLabels = (a: number, n: number, prefix = '') =>
  Array.from({ length: n }, (_, i) => `${prefix}${a + i}`);

/**
 * The position similarity of a table's first n = min(rows, MAX_SIMILARITY) rows and its offset profile. A scheme
 * with a closed form (Scheme.offsetSimilarity: the sinusoid) gives g(k) at offsets 0…n−1 in float64 — the same at
 * every window, up to 2^20 and beyond — and S is its Toeplitz fill; otherwise S is the Gram matrix on the device.
 */
async function similarity(spec: RunSpec, table: tf.Tensor2D) {
  const n = Math.min(table.shape[0], MAX_SIMILARITY);
  const g = getScheme(spec.pe).offsetSimilarity?.(n, spec.d, spec.params);
  if (g) return { sData: toeplitz(g, n), n, profile: g, closed: true };
  const S = gram(table); // [n, n]
  const sData = await readOwned(S);
  S.dispose();
  return { sData, n, profile: offsetProfile(sData, n), closed: false };
}

/**
 * The detail views of an additive or rotary scheme over the window w = [A, B] of a table of N rows: the table's
 * rows A…B (or RoPE's cos/sin rows) exactly, and for an additive scheme the position similarity and offset
 * profile over the window's first rows (gram's cap). `out` is compute() over positions A…B.
 */
async function detailFrom(
  spec: RunSpec,
  out: Record<string, tf.Tensor>,
  w: RowWindow,
  N: number,
): Promise<{ parts: Part[]; checks: Check[] }> {
  const { d, params } = spec;
  const scheme = getScheme(spec.pe);
  const [a, b] = w;
  const rows = b - a + 1;
  const window = isBig(N) ? { start: a, end: b, total: N } : undefined;
  const where = window ? msg('note.rowsOf', { a, b, n: N }) : undefined;
  const parts: Part[] = [];
  const checks: Check[] = [];
  if (scheme.kind === 'additive') {
    const table = out.pe as tf.Tensor2D; // [rows, d]
    const { sData, n, profile, closed } = await similarity(spec, table);
    const tableData = await readOwned(table);
    const stop = firstStopDecreasing(profile);
    const shape: Msg = stop >= 0 ? msg('note.stops', { k: stop }) : msg('note.decreases');
    // Checks first: posting a matrix transfers (detaches) its buffer.
    checks.push(...tableChecks(tableData, rows, d, sData, n, closed));
    const short = N < params.positions ? msg('note.loadedShort', { n: N }) : undefined;
    const note = where && short ? msg('msg.join', { a: where, b: short }) : (where ?? short);
    parts.push({
      name: 'table',
      shape: [rows, d],
      data: tableData,
      rowLabels: positionLabels(a, rows),
      note,
      window,
    });
    parts.push({
      name: 'similarity',
      shape: [n, n],
      data: sData,
      rowLabels: positionLabels(a, n),
      colLabels: positionLabels(a, n),
      note: window
        ? msg('note.windowPositions', { a, b: a + n - 1 })
        : n < N
          ? msg('note.firstOf', { n, total: N })
          : undefined,
    });
    parts.push({
      name: 'profile',
      shape: [1, n],
      data: Float32Array.from(profile),
      rowLabels: ['dot(k)'],
      note: window ? msg('note.overPositions', { note: shape, a, b: a + n - 1 }) : shape,
      mark: stop >= 0 ? { x: stop, label: msg('note.stops', { k: stop }) } : undefined,
    });
  } else if (scheme.kind === 'rotary') {
    const n = out.cossin.shape[1] ?? d; // rotated width int(head_dim·rotary_pct) (d by default): n/2 pairs
    const halves = cosSinHalves(await readOwned(out.cossin), rows, n); // one read-back, split on the CPU
    for (const [name, data] of [
      ['rope-cos', halves[0]],
      ['rope-sin', halves[1]],
    ] as const) {
      parts.push({
        name,
        shape: [rows, n / 2],
        data,
        rowLabels: positionLabels(a, rows),
        note: where,
        window,
      });
    }
  }
  return { parts, checks };
}

/** The names of a scheme's tables that get an overview when they are big, by kind. */
const OVERVIEWED = { additive: ['pe'], rotary: ['cossin'], bias: [] } as const;

/** Each view's overview from those of the scheme's tables: RoPE's cos|sin overview splits into its two views. */
function overviewsByView(overviews: Record<string, Overview>): Partial<Record<ViewName, Overview>> {
  const out: Partial<Record<ViewName, Overview>> = {};
  if (overviews.pe) out.table = overviews.pe;
  const cs = overviews.cossin;
  if (cs) {
    const [r, n] = cs.shape;
    const [cos, sin] = cosSinHalves(cs.data, r, n); // block means are per column: halves of the means
    out['rope-cos'] = { ...cs, shape: [r, n / 2], data: cos };
    out['rope-sin'] = { ...cs, shape: [r, n / 2], data: sin };
  }
  return out;
}

/** The positions static views compute over: the window of an additive or rotary table; 2 for bias schemes. */
function computeOver(spec: RunSpec, w: RowWindow): Float64Array {
  // Bias schemes' static views need only their slopes; their [H, P, P] bias would be 2^40 cells at 2^20.
  return getScheme(spec.pe).kind === 'bias'
    ? range(Math.min(2, spec.params.positions))
    : positionsFrom(w[0], w[1]);
}

/** Text-independent views of the active scheme: the checks they support and the names of the views sent. */
export async function staticViews(
  spec: RunSpec,
  emit: Emit,
  key: string,
  learned: LearnedTable = null,
  requested: RowWindow | null = null,
): Promise<{ checks: Check[]; names: ViewName[] }> {
  const { d, params, seed } = spec;
  const trained = tableFor(spec, learned) ?? undefined;
  const N = tableRows(spec, learned);
  const w = resolveWindow(requested, N);
  const bad = validateWindow(w, N);
  if (bad) throw new MsgError(bad);
  const scheme = getScheme(spec.pe);
  const compute = (positions: Float64Array) => scheme.compute({ positions, d, seed, table: trained }, params);
  const out = compute(computeOver(spec, w));
  const names: ViewName[] = [];
  const send = async (m: Part) => {
    names.push(m.name);
    await emit({ ...m, title: m.title ?? VIEW_TITLES[m.name as keyof typeof VIEW_TITLES], staticKey: key });
  };
  try {
    const { parts, checks } = await detailFrom(spec, out, w, N);
    const over: readonly string[] = OVERVIEWED[scheme.kind];
    const first = over.length > 0 ? out[over[0]] : undefined;
    const overviews = isBig(N) && first ? await tableOverview(N, first.shape[1] ?? d, over, compute) : {};
    const byView = overviewsByView(overviews);
    for (const part of parts) await send({ ...part, overview: byView[part.name] });
    if (scheme.staticViews) {
      const ctx: ViewContext = {
        spec,
        N: Math.min(N, DETAIL_ROWS),
        T: 0,
        tokenLabels: [],
        table: trained,
        read: readOwned,
        emit: (m) => send(m),
      };
      checks.push(...(await scheme.staticViews(out, ctx)));
    }
    return { checks, names };
  } finally {
    tf.dispose(out);
  }
}

/** The detail views alone for window w (a `window` request): nothing else is recomputed. */
export async function windowViews(
  spec: RunSpec,
  w: RowWindow,
  learned: LearnedTable = null,
): Promise<Matrix[]> {
  const N = tableRows(spec, learned);
  const bad = validateWindow(w, N);
  if (bad) throw new MsgError(bad);
  const trained = tableFor(spec, learned) ?? undefined;
  const scheme = getScheme(spec.pe);
  if (scheme.kind === 'bias') return [];
  const out = scheme.compute(
    { positions: computeOver(spec, resolveWindow(w, N)), d: spec.d, seed: spec.seed, table: trained },
    spec.params,
  );
  try {
    const { parts } = await detailFrom(spec, out, resolveWindow(w, N), N);
    return parts.map((m) => ({ ...m, title: m.title ?? VIEW_TITLES[m.name as keyof typeof VIEW_TITLES] }));
  } finally {
    tf.dispose(out);
  }
}
