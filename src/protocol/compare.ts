// The Compare tab's protocol: which scheme names it takes (an encoding, or a RoPE frequency rule written
// `rope:yarn`), how a list of them is judged (2–4 distinct known names), how a name becomes the run spec of its
// column, and what one column carries back. Both threads import this; no tf here.
import { ENCODINGS, isOneOf, type RunSpec } from './specs.ts';
import { ROPE_TYPES } from './rope.ts';
import type { Check, Matrix } from './messages.ts';
import { msg, unknownName, type Msg } from './msg.ts';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** Every name the Compare tab knows: the encodings, then `rope:<rule>` for each RoPE frequency rule. */
export const COMPARE_NAMES: readonly string[] = [...ENCODINGS, ...ROPE_TYPES.map((r) => `rope:${r}`)];

/** Why a list of names cannot be compared, or null: 2–4 distinct names from COMPARE_NAMES. */
export function compareProblem(names: readonly string[]): Msg | null {
  const unknown = names.filter((n) => !COMPARE_NAMES.includes(n));
  if (unknown.length) return msg('cmp.unknown', { names: unknown.map((n) => JSON.stringify(n)).join(', ') });
  if (new Set(names).size !== names.length) return msg('cmp.twice');
  if (names.length < COMPARE_MIN || names.length > COMPARE_MAX)
    return msg('cmp.count', { min: COMPARE_MIN, max: COMPARE_MAX, got: names.length });
  return null;
}

/**
 * The spec of one column over positions 0…2n−1 (n: the compare's training length): the run's spec with the
 * scheme swapped in and `positions` = 2n; for `rope:<rule>` also the rule, with original_context = n, so a
 * context-extension rule extends from the same training length every column is judged by.
 */
export function compareSpec(spec: RunSpec, name: string, n: number): RunSpec {
  const [pe, rule] = name.split(':');
  if (!isOneOf(ENCODINGS, pe)) throw unknownName('encoding', pe);
  const params = { ...spec.params, positions: 2 * n };
  if (rule === undefined) return { ...spec, pe, params };
  if (pe !== 'rope' || !isOneOf(ROPE_TYPES, rule)) throw unknownName('ropeRule', rule);
  return { ...spec, pe, params: { ...params, ropeType: rule, originalContext: n } };
}

/** One column of the Compare tab: the same views for every scheme, on scales the client shares. */
export interface CompareColumn {
  name: string;
  kind: 'additive' | 'rotary' | 'bias';
  /** Where a learned column's table came from, or null for a fixed scheme. */
  tableSource: 'loaded' | 'trained' | 'untrained init' | null;
  /** Position similarity [n, n]: p_m·p_n, Σ cos((m−n)θ) for a rotary scheme, head 0's bias for a bias scheme. */
  similarity: Matrix;
  /** Mean of the similarity over pairs at offset k = 0…n−1 [1, n]. */
  profile: Float64Array;
  /** Score against offset k for a query at position n−1 looking back k [1, n] (q·k for a unit query, or bias). */
  score: Float64Array;
  /** The scheme's positions 0…n−1 on its first two principal components [n, 2] (zeros where it has no table). */
  path: Float32Array;
  /** Invariant checks of the scheme at these positions. */
  checks: Check[];
  /** Positions inside the training length that the column's numbers use (n), and past it (ext − n). */
  n: number;
  /** The profile continued to 2n positions: how the scheme behaves past the training length [1, 2n]. */
  beyond: Float64Array;
  /** What the column shows (what was left out, why a value is zero). */
  note: Msg;
  /** Why this scheme could not be computed with the current settings (its views are then empty), or null. */
  error: Msg | null;
}

export function isCompareName(name: string): boolean {
  return COMPARE_NAMES.includes(name);
}
