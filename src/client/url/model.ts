// The model= URL key (issue #15 item 3): a preset from src/models/ sets tokenizer, d, heads, head_dim, the
// position scheme and every RoPE constant through applyModel. It comes first in the table (url/keys.ts), so any
// key after it in the hash overrides what the preset set; toHash writes each later key relative to the view the
// keys before it leave (urlState.ts), so a link holds only the overrides. What a preset cannot show as published
// (d past 2048, a tokenizer not in the registry) is said by the header's model badge, not as a URL notice, so a
// link opens without one.
import { MODELS, getModel, type ModelName } from '../../models/registry.ts';
import { applyModel } from '../../models/apply.ts';
import type { ViewState } from './state.ts';
import type { UrlKey } from './key.ts';
import { message } from '../../i18n/t.ts';

/** The view with a preset applied (null: no model named; the spec stays as it is). */
export function withModel(view: ViewState, model: ModelName | null): ViewState {
  if (model === null) return { ...view, model };
  return { ...view, model, spec: applyModel(view.spec, getModel(model)).spec };
}

export const MODEL_KEY: UrlKey<ModelName | null> = {
  name: 'model',
  get: (v) => v.model,
  set: withModel,
  parse: (raw) =>
    (MODELS as readonly string[]).includes(raw)
      ? { value: raw as ModelName }
      : { why: message('url.model', { list: MODELS.join(', ') }) },
  format: (m) => m ?? '',
};
