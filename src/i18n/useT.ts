// React side of the strings: useT() gives a t bound to the current language (view.lang in the one store), so a
// component re-renders when the language changes. useLang() gives the language itself.
import { useAppState } from '../client/useEngine.ts';
import type { Lang } from './lang.ts';
import { formatNumber, say, t, viewTitle, type Key, type Message, type Params } from './t.ts';

export function useLang(): Lang {
  return useAppState((s) => s.view.lang);
}

export interface Translate {
  (key: Key, params?: Params): string;
  lang: Lang;
  /** A number in the language's locale. */
  num(n: number, options?: Intl.NumberFormatOptions): string;
  /** A matrix panel's title by view name (the worker's title in English). */
  title(name: string, workerTitle: string): string;
  /** A message (a worker's, a validator's, a notice) in the language. */
  say(m: Message): string;
}

const bound: Record<Lang, Translate> = { en: bind('en'), zh: bind('zh') };

function bind(lang: Lang): Translate {
  const f = (key: Key, params?: Params) => t(lang, key, params);
  return Object.assign(f, {
    lang,
    num: (n: number, o?: Intl.NumberFormatOptions) => formatNumber(lang, n, o),
    title: (name: string, workerTitle: string) => viewTitle(lang, name, workerTitle),
    say: (m: Message) => say(lang, m),
  });
}

export function useT(): Translate {
  return bound[useLang()];
}
