// t(lang, key, params): the interface's string for a key in a language, with `{name}` placeholders filled.
// en.ts is the reference table; zh.ts has exactly its keys (a type error otherwise; i18n.test.ts checks the rest).
import { en, type Key } from './en.ts';
import { zh } from './zh.ts';
import { NUMBER_LOCALE, type Lang } from './lang.ts';
import { biasHead, isViewName } from '../protocol/views.ts';

export type { Key };
export type Params = Record<string, string | number>;

export const TABLES: Record<Lang, Record<Key, string>> = { en, zh };

/** Fills `{name}` placeholders; a placeholder without a value is left as it is, so it shows up in review. */
export function fill(template: string, values: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The string of `key` in `lang`, placeholders filled from `params`. */
export function t(lang: Lang, key: Key, params?: Params): string {
  const s = TABLES[lang][key];
  return params ? fill(s, params) : s;
}

/** A number in the language's locale (grouping marks as the interface shows them today). */
export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(NUMBER_LOCALE[lang], options);
}

/** The `{name}` placeholders of a template, sorted (the test checks they match across languages). */
export function holes(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/**
 * A matrix panel's title by its view name. English shows the worker's own title (so English names never drift from
 * protocol/views.ts); another language looks the name up (`title.<name>`, a bias head as `title.bias`).
 */
export function viewTitle(lang: Lang, name: string, workerTitle: string): string {
  if (lang === 'en' || !isViewName(name)) return workerTitle;
  const h = biasHead(name);
  return h !== null ? t(lang, 'title.bias', { h }) : t(lang, `title.${name}` as Key);
}
