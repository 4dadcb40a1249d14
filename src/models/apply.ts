// A model preset applied to a run spec (issue #15 item 3): the preset's tokenizer, width, heads and position
// scheme replace the spec's, with every RoPE constant reset first so nothing leaks from the previous model. What
// the app cannot show as published is said in a notice instead of silently changed: a tokenizer not in the
// registry yet keeps the current one; a width or head count past the app's limits is shown at the limit.
import { DEFAULT_ROPE, ropeWidth } from '../protocol/rope.ts';
import { EMBEDDING_REQUIRES, LIMITS, TOKENIZERS, isOneOf, type RunSpec } from '../protocol/specs.ts';
import type { ModelPreset } from './preset.ts';

export function applyModel(spec: RunSpec, m: ModelPreset): { spec: RunSpec; notices: string[] } {
  const notices: string[] = [];
  const params = { ...spec.params, ...DEFAULT_ROPE, ...m.params };
  const step = m.pe === 'rope' ? ropeWidth(params, m.d).headDim : 2;
  let d = m.d;
  if (d > LIMITS.dMax) {
    d = Math.floor(LIMITS.dMax / step) * step;
    notices.push(`${m.label} has d_model ${m.d}; shown at ${d}, the widest this app draws.`);
  }
  if (params.heads > LIMITS.headsMax) {
    notices.push(
      `${m.label} has ${params.heads} heads; shown with ${LIMITS.headsMax}, the most this app draws.`,
    );
    params.heads = LIMITS.headsMax;
  }
  let tokenizer = spec.tokenizer;
  if (isOneOf(TOKENIZERS, m.tokenizer)) tokenizer = m.tokenizer;
  else notices.push(`The ${m.tokenizer} tokenizer of ${m.label} is not available yet; keeping ${tokenizer}.`);
  let next: RunSpec = { ...spec, tokenizer, d, pe: m.pe, params };
  const needs = EMBEDDING_REQUIRES[next.embedding];
  if (needs && (needs.tokenizer !== tokenizer || needs.d !== d)) {
    notices.push(`${next.embedding} vectors do not fit ${m.label}; using random embeddings.`);
    next = { ...next, embedding: 'random' };
  }
  return { spec: next, notices };
}
