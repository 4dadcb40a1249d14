// The header's model badge (issue #15 item 3): which preset the view started from, its config.json citation on
// hover, what the app could not show as published (applyModel's notices), and which keys were changed since.
// A model with several position settings (Gemma 3: global layers at base 1,000,000 scaled linearly by 8, local
// sliding-window layers at base 10,000) lists them all and switches the views between them.
import { applyModel } from '../models/apply.ts';
import { getModel, type ModelPreset } from '../models/registry.ts';
import { ROPE_URL_KEYS } from '../protocol/rope.ts';
import type { EncodingParams, RunSpec } from '../protocol/specs.ts';
import { updateView, useAppState } from '../client/useEngine.ts';
import { useT, type Translate } from '../i18n/useT.ts';

/** The preset with one of its position settings (index 0: its own params; i > 0: variants[i − 1]). */
function setting(m: ModelPreset, i: number): ModelPreset {
  const v = i === 0 ? null : (m.variants ?? [])[i - 1];
  return v ? { ...m, params: { ...m.params, ...v.params } } : m;
}

/** The spec's fields (URL names) that differ from what the preset gives. */
function changedKeys(spec: RunSpec, want: RunSpec): string[] {
  const out = (['tokenizer', 'd', 'pe'] as const).filter((k) => spec[k] !== want[k]);
  const params = Object.keys(want.params) as (keyof EncodingParams)[];
  const names: string[] = [...out];
  for (const k of params) {
    if (JSON.stringify(spec.params[k]) === JSON.stringify(want.params[k])) continue;
    names.push(k in ROPE_URL_KEYS ? ROPE_URL_KEYS[k as keyof typeof ROPE_URL_KEYS] : k);
  }
  return names;
}

const describe = (t: Translate, p: Partial<EncodingParams>) =>
  p.ropeType && p.ropeType !== 'default'
    ? t('badge.scaled', { base: p.base ?? 0, rule: p.ropeType, factor: p.factor ?? 1 })
    : t('badge.unscaled', { base: p.base ?? 0 });

export function ModelBadge() {
  const view = useAppState((s) => s.view);
  const t = useT();
  if (!view.model) return null;
  const m = getModel(view.model);
  const settings = [m.paramsLabel ?? t('badge.asPublished'), ...(m.variants ?? []).map((v) => v.label)];
  const results = settings.map((_, i) => applyModel(view.spec, setting(m, i)));
  const changes = results.map((r) => changedKeys(view.spec, r.spec));
  const best = changes.reduce((b, c, i) => (c.length < changes[b].length ? i : b), 0);
  const pick = (i: number) => updateView({ spec: results[i].spec });
  return (
    <span className="badge model-badge" data-testid="model-badge" title={`${m.hf} config.json: ${m.source}`}>
      {t('badge.model')} <b translate="no">{m.label}</b>
      {settings.length > 1 && (
        <span className="model-settings">
          {settings.map((label, i) => (
            <button
              key={label}
              type="button"
              aria-pressed={i === best && changes[i].length === 0}
              title={describe(t, setting(m, i).params)}
              onClick={() => pick(i)}
            >
              {label}: {describe(t, setting(m, i).params)}
            </button>
          ))}
        </span>
      )}
      {results[best].notices.map((n) => (
        <span key={n.key} className="model-caveat">
          {' '}
          · {t.say(n)}
        </span>
      ))}
      {changes[best].length > 0 && (
        <span className="model-caveat"> · {t('badge.changed', { keys: changes[best].join(', ') })}</span>
      )}
    </span>
  );
}
