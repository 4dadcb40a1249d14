// What the open tab asks of the engine (issue #16): a run computes the lab's views only for the Lab tab, and the
// Compare tab's columns are requested when its schemes or the spec (text aside) change, or after forget(); the
// Project tab's projection when what it depends on changes (projectionKey).
import type { RunViews } from '../protocol/messages.ts';
import { compareProblem } from '../protocol/compare.ts';
import type { ProjectionSpec, RunSpec } from '../protocol/specs.ts';
import type { Tab, ViewState } from './urlState.ts';
import { msg, type Msg } from '../protocol/msg.ts';

/** What the visible tab needs from a run: the lab's views only on the Lab tab (and nowhere else). */
export function viewsFor(tab: Tab): RunViews {
  return tab === 'lab' ? 'lab' : 'foundation';
}

let lastCompareKey = '';

/** The next compare request asks again (a new table for a learned column, a restarted worker). */
export function forgetCompare(): void {
  lastCompareKey = '';
}

/**
 * The Compare tab's request for this view: the schemes to send, a problem to show, or nothing (another tab, or
 * the same request as last time).
 */
export function compareRequest(view: ViewState): { send: string[] } | { problem: Msg } | null {
  if (view.tab !== 'compare') return null;
  const bad = compareProblem(view.compare);
  if (bad) return { problem: msg('cmp.refused', { reason: bad }) };
  const key = JSON.stringify({ spec: { ...view.spec, text: '' }, compare: view.compare });
  if (key === lastCompareKey) return null;
  lastCompareKey = key;
  return { send: view.compare };
}

/** What a projection depends on: the text only when tokens are projected, the scheme only for positions. */
export function projectionKey(spec: RunSpec, proj: ProjectionSpec): string {
  const { text, pe, params, ...rest } = spec;
  return JSON.stringify({
    proj,
    rest,
    text: proj.source === 'tokens' ? text : null,
    pe: proj.source === 'vocabulary' ? null : pe,
    params: proj.source === 'vocabulary' ? null : params,
  });
}
