// Save / open a session as a JSON file. The file holds the same state as the link (the URL hash), so opening
// it goes through the same validation: bad values fall back to defaults with a notice, and nothing else runs.
import { parseHash, toHash, type ViewState } from './urlState.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, type Message } from '../i18n/t.ts';

export const SESSION_APP = 'embedscope';
export const SESSION_VERSION = 1;

export function sessionJson(view: ViewState, savedAt = new Date()): string {
  const doc = {
    app: SESSION_APP,
    version: SESSION_VERSION,
    savedAt: savedAt.toISOString(),
    hash: toHash(view),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The view a session file stands for, with any notices; throws an Error with a clear message otherwise. */
export function parseSession(text: string, lang: Lang = 'en'): { view: ViewState; notices: Message[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error(t(lang, 'session.notJson'));
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error(t(lang, 'session.notObject'));
  }
  const { app, version, hash } = doc as Record<string, unknown>;
  if (app !== SESSION_APP) throw new Error(t(lang, 'session.notApp'));
  if (version !== SESSION_VERSION) {
    throw new Error(t(lang, 'session.version', { v: JSON.stringify(version) }));
  }
  if (typeof hash !== 'string' || !hash.startsWith('#')) {
    throw new Error(t(lang, 'session.noHash'));
  }
  return parseHash(hash);
}
