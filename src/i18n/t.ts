// t(lang, key, params): the interface's string for a key in a language, with `{name}` placeholders filled.
// en.ts is the reference table; zh.ts has exactly its keys (a type error otherwise; i18n.test.ts checks the rest).
// say(lang, message): a message (protocol/msg.ts: a worker's or a validator's, or the interface's own notices)
// rendered in a language, its numbers formatted in the language's locale and nested messages rendered too.
import { en, type Key } from './en.ts';
import { zh } from './zh.ts';
import { NUMBER_LOCALE, type Lang } from './lang.ts';
import { biasHead, isViewName } from '../protocol/views.ts';
import { fillIn, holes, type Msg, type MsgParam } from '../protocol/msg.ts';

export type { Key };
/** A message of the interface: any key of the table (the protocol's messages are the `Msg` among them). */
export type Message = Msg<Key>;
export type Params = Record<string, MsgParam<Key>>;
export { holes };

export const TABLES: Record<Lang, Record<Key, string>> = { en, zh };

/** Fills placeholders in English's number format (protocol/msg.ts); one without a value is left as it is. */
export function fill(template: string, values: Params): string {
  return fillIn(template, values, NUMBER_LOCALE.en, (m) => say('en', m));
}

/** The string of `key` in `lang`, placeholders filled from `params`. */
export function t(lang: Lang, key: Key, params?: Params): string {
  const s = TABLES[lang][key];
  return params ? fillIn(s, params, NUMBER_LOCALE[lang], (m) => say(lang, m)) : s;
}

/** A message of the interface (a notice, a URL key's reason) with its parameters. */
export function message(key: Key, params?: Params): Message {
  return params ? { key, params } : { key };
}

/** A message in `lang`. */
export function say(lang: Lang, m: Message): string {
  return t(lang, m.key, m.params);
}

/** A number in the language's locale (grouping marks as the interface shows them today). */
export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  return n.toLocaleString(NUMBER_LOCALE[lang], options);
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
