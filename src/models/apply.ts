// A model preset applied to a run spec (issue #15 item 3): the preset's tokenizer, width, heads and position
// scheme replace the spec's, with every RoPE constant reset first so nothing leaks from the previous model. What
// the app cannot show as published is said in a notice instead of silently changed: a tokenizer not in the
// registry yet keeps the current one; a width or head count past the app's limits is shown at the limit.
import { DEFAULT_ROPE, ropeWidth } from '../protocol/rope.ts';
import { EMBEDDING_REQUIRES, LIMITS, TOKENIZERS, isOneOf, type RunSpec } from '../protocol/specs.ts';
import type { ModelPreset } from './preset.ts';
import { msg, type Msg } from '../protocol/msg.ts';

export function applyModel(spec: RunSpec, m: ModelPreset): { spec: RunSpec; notices: Msg[] } {
  const notices: Msg[] = [];
  const params = { ...spec.params, ...DEFAULT_ROPE, ...m.params };
  const step = m.pe === 'rope' ? ropeWidth(params, m.d).headDim : 2;
  let d = m.d;
  if (d > LIMITS.dMax) {
    d = Math.floor(LIMITS.dMax / step) * step;
    notices.push(msg('model.wide', { model: m.label, d: m.d, shown: d }));
  }
  if (params.heads > LIMITS.headsMax) {
    notices.push(msg('model.heads', { model: m.label, heads: params.heads, shown: LIMITS.headsMax }));
    params.heads = LIMITS.headsMax;
  }
  let tokenizer = spec.tokenizer;
  if (isOneOf(TOKENIZERS, m.tokenizer)) tokenizer = m.tokenizer;
  else notices.push(msg('model.tokenizer', { tokenizer: m.tokenizer, model: m.label, kept: tokenizer }));
  let next: RunSpec = { ...spec, tokenizer, d, pe: m.pe, params };
  const needs = EMBEDDING_REQUIRES[next.embedding];
  if (needs && (needs.tokenizer !== tokenizer || needs.d !== d)) {
    notices.push(msg('model.vectors', { embedding: next.embedding, model: m.label }));
    next = { ...next, embedding: 'random' };
  }
  return { spec: next, notices };
}
