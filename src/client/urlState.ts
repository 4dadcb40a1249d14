// The URL hash mirrors the user-visible state, so any view can be shared and reloaded. Every key is one entry of
// the table in url/keys.ts (name, where it lives, parse, format, validator); this module only walks it. Parsing
// validates every key; a bad value keeps the value before it (the default) and leaves a notice for the user.
import { DEFAULT_VIEW, type ViewState } from './url/state.ts';
import { URL_KEYS } from './url/keys.ts';
import { checkRope } from './url/rope.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { message, type Message } from '../i18n/t.ts';

export * from './url/state.ts';
export { MAX_URL_TEXT } from './url/spec.ts';

const KNOWN = new Set(URL_KEYS.map((k) => k.name));

function show(value: string): string {
  const clipped = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(clipped);
}

/** The view a hash stands for, and notices (messages, shown in the interface's language) for what it refused. */
export function parseHash(hash: string): { view: ViewState; notices: Message[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: Message[] = [];
  const langRaw = params.get('lang');
  const lang: Lang =
    langRaw !== null && (LANGS as readonly string[]).includes(langRaw)
      ? (langRaw as Lang)
      : DEFAULT_VIEW.lang;
  const refuse = (key: string, value: string, why: Message, fallback: string | Message) =>
    notices.push(message('notice.urlBad', { key, value: show(value), why, fallback }));
  const bad = (key: string, value: string, why: Message, fallback: unknown) =>
    refuse(key, value, why, JSON.stringify(fallback));

  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) notices.push(message('notice.urlUnknown', { key: show(key) }));
  }
  let view: ViewState = { ...DEFAULT_VIEW, lang };
  for (const key of URL_KEYS) {
    const raw = params.get(key.name);
    if (raw === null) continue;
    const note = key.notice?.(raw);
    if (note) notices.push(note);
    const parsed = key.parse(raw, view);
    const next = 'value' in parsed ? key.set(view, parsed.value) : null;
    const why = 'why' in parsed ? parsed.why : key.validate?.(next as ViewState);
    if (next && !why) {
      view = next;
      continue;
    }
    const kept = key.get(view);
    refuse(
      key.name,
      raw,
      why ?? message('err.raw', { text: '' }),
      key.show ? key.show(kept) : JSON.stringify(kept),
    );
  }
  view = checkRope(view, params, bad);
  return { view, notices };
}

/**
 * The hash for a view. Keys are written in the table's order, each only when it differs from the view the keys
 * before it leave (as parseHash rebuilds it: a model preset sets many keys at once), except the `always` ones;
 * so keys at their default, or at the value a preset gave them, stay out and links stay short.
 */
export function toHash(view: ViewState): string {
  const p = new URLSearchParams();
  let base = DEFAULT_VIEW;
  for (const key of URL_KEYS) {
    const value = key.get(view);
    if (key.always || JSON.stringify(value) !== JSON.stringify(key.get(base))) {
      p.set(key.name, key.format(value));
      base = key.set(base, value);
    }
  }
  return '#' + p.toString();
}
