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
import { readOwned } from '../read.ts';

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

/** Text-independent views of the active scheme: the checks they support and the names of the views sent. */
export async function staticViews(
  spec: RunSpec,
  emit: Emit,
  key: string,
  learned: LearnedTable = null,
): Promise<{ checks: Check[]; names: ViewName[] }> {
  const { d, params, seed } = spec;
  const trained = tableFor(spec, learned) ?? undefined;
  const N = trained ? Math.min(params.positions, trained.rows) : params.positions;
  const scheme = getScheme(spec.pe);
  const out = scheme.compute({ positions: range(N), d, seed, table: trained }, params);
  const names: ViewName[] = [];
  const send = async (m: Omit<Matrix, 'title' | 'staticKey'> & { title?: string }) => {
    names.push(m.name);
    await emit({ ...m, title: m.title ?? VIEW_TITLES[m.name as keyof typeof VIEW_TITLES], staticKey: key });
  };
  const checks: Check[] = [];
  try {
    if (scheme.kind === 'additive') {
      const table = out.pe as tf.Tensor2D; // [N, d]
      const S = gram(table); // [n, n]
      const n = S.shape[0];
      const tableData = await readOwned(table);
      const sData = await readOwned(S);
      S.dispose();
      const profile = offsetProfile(sData, n);
      const stop = firstStopDecreasing(profile);
      // Checks first: posting a matrix transfers (detaches) its buffer.
      checks.push(...tableChecks(tableData, N, d, sData, n));
      const note = N < params.positions ? `the loaded table has only ${N} positions` : undefined;
      await send({ name: 'table', shape: [N, d], data: tableData, rowLabels: labels(N), note });
      await send({
        name: 'similarity',
        shape: [n, n],
        data: sData,
        rowLabels: labels(n),
        colLabels: labels(n),
        note: n < N ? `first ${n} of ${N} positions` : undefined,
      });
      await send({
        name: 'profile',
        shape: [1, n],
        data: Float32Array.from(profile),
        rowLabels: ['dot(k)'],
        note: stop >= 0 ? `stops decreasing at k = ${stop}` : 'decreases over the whole range',
        mark: stop >= 0 ? { x: stop, label: `stops decreasing at k = ${stop}` } : undefined,
      });
    } else if (scheme.kind === 'rotary') {
      const half = out.cos.shape[1] ?? d / 2; // rotated pairs: int(head_dim·rotary_pct)/2 (d/2 by default)
      await send({
        name: 'rope-cos',
        shape: [N, half],
        data: await readOwned(out.cos),
        rowLabels: labels(N),
      });
      await send({
        name: 'rope-sin',
        shape: [N, half],
        data: await readOwned(out.sin),
        rowLabels: labels(N),
      });
    }
    if (scheme.staticViews) {
      const ctx: ViewContext = {
        spec,
        N,
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
