// The interface's languages and the browser's default among them. Imported by the URL state (client/urlState.ts)
// and the strings (i18n/t.ts); no React here, so Node tests read it too.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** 'zh' when the browser's language is any Chinese (zh, zh-CN, zh-TW, zh-Hans …), else 'en'. */
export function langOf(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The browser's language (Node has no navigator: English). */
export function browserLang(): Lang {
  return langOf(typeof navigator === 'undefined' ? undefined : navigator.language);
}

/** The value of the `lang` attribute on <html> for a language. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };

/** The locale numbers are formatted with (where the interface formats them with toLocaleString). */
export const NUMBER_LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
