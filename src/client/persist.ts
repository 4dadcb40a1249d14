// What this browser keeps across reloads beyond the link: a text too long for a URL, and the language chosen last.
// Storage may be full or disabled: then the link alone decides, and nothing else is lost.
import { isOneOf } from '../protocol/specs.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { MAX_URL_TEXT } from './urlState.ts';

const LONG_TEXT_KEY = 'embedscope:long-text';

/** Texts too long for a link survive a reload through local storage; nothing is lost if storage is full. */
let keptText = '';

export function keepLongText(text: string): void {
  if (text.length <= MAX_URL_TEXT || text === keptText) return;
  keptText = text;
  try {
    localStorage.setItem(LONG_TEXT_KEY, text);
  } catch {
    // storage full or disabled: the link still holds the first MAX_URL_TEXT characters
  }
}

/** The full text a clipped link stands for, when this browser stored it. */
export function restoreLongText(clipped: string): string | null {
  try {
    const full = localStorage.getItem(LONG_TEXT_KEY);
    return full && full.length > clipped.length && full.startsWith(clipped) ? full : null;
  } catch {
    return null;
  }
}

const LANG_KEY = 'embedscope:lang';

/** The language this browser chose last (the switch in the header), if any. */
export function savedLang(): Lang | null {
  try {
    const saved = localStorage.getItem(LANG_KEY) ?? localStorage.getItem('embedscope:lesson-lang'); // older key
    return saved !== null && isOneOf(LANGS, saved) ? saved : null;
  } catch {
    return null; // storage disabled: the link and the browser's language decide
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not persisted; the link still carries it
  }
}
