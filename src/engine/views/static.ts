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
import { gram, offsetProfile, firstStopDecreasing } from '../../analysis/similarity.ts';
import { tableChecks } from '../../analysis/invariants.ts';
import { range } from '../../numerics/trig.ts';
import { DETAIL_ROWS, isBig, resolveWindow, validateWindow, type RowWindow } from '../../protocol/window.ts';
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
    const S = gram(table); // [n, n]
    const n = S.shape[0];
    const tableData = await readOwned(table);
    const sData = await readOwned(S);
    S.dispose();
    const profile = offsetProfile(sData, n);
    const stop = firstStopDecreasing(profile);
    const shape: Msg = stop >= 0 ? msg('note.stops', { k: stop }) : msg('note.decreases');
    // Checks first: posting a matrix transfers (detaches) its buffer.
    checks.push(...tableChecks(tableData, rows, d, sData, n));
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
    const half = out.cos.shape[1] ?? d / 2; // rotated pairs: int(head_dim·rotary_pct)/2 (d/2 by default)
    for (const [name, t] of [
      ['rope-cos', out.cos],
      ['rope-sin', out.sin],
    ] as const) {
      parts.push({
        name,
        shape: [rows, half],
        data: await readOwned(t),
        rowLabels: positionLabels(a, rows),
        note: where,
        window,
      });
    }
  }
  return { parts, checks };
}

/** The names of a scheme's tables that get an overview when they are big, by kind. */
const OVERVIEWED = { additive: ['pe'], rotary: ['cos', 'sin'], bias: [] } as const;
const VIEW_OF: Record<string, ViewName> = { pe: 'table', cos: 'rope-cos', sin: 'rope-sin' };

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
    const byView = Object.fromEntries(Object.entries(overviews).map(([k, o]) => [VIEW_OF[k], o]));
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
