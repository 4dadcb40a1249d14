// The two string tables: same keys, no empty value, the same {placeholders} in every language; t() fills them;
// the browser's language picks the default.
import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { LANGS, langOf } from './lang.ts';
import { TABLES, fill, formatNumber, holes, t, viewTitle, type Key } from './t.ts';
import { VIEW_TITLES } from '../protocol/views.ts';
import { ENCODINGS } from '../protocol/specs.ts';
import { CATALOG } from '../encodings/catalog.ts';
import { schemeWords } from './schemes.ts';
import { why } from './why.ts';

const keys = Object.keys(en).sort() as Key[];

describe('string tables', () => {
  test('every language has exactly the keys of en', () => {
    for (const lang of LANGS) expect(Object.keys(TABLES[lang]).sort()).toEqual(keys);
    expect(Object.keys(zh).sort()).toEqual(keys);
  });

  test('no value is empty or only white space, in any language', () => {
    for (const lang of LANGS)
      for (const k of keys) expect(TABLES[lang][k].trim(), `${lang} ${k}`).not.toBe('');
  });

  test('every string has the same {placeholders} in every language', () => {
    for (const k of keys) expect(holes(zh[k]), k).toEqual(holes(en[k]));
  });

  test('the Chinese table is Chinese: most of its values hold a CJK character', () => {
    const cjk = keys.filter((k) => /[\u4e00-\u9fff]/.test(zh[k])).length;
    expect(cjk / keys.length).toBeGreaterThan(0.9);
  });

  test('a missing key in a language is a type error', () => {
    // @ts-expect-error: a table without 'app.text' is not a Record<Key, string>
    const partial: Record<Key, string> = { 'app.tagline': 'x' };
    expect(partial['app.tagline']).toBe('x');
  });
});

describe('t and fill', () => {
  test('t fills placeholders by name, in each language', () => {
    expect(t('en', 'app.lastRun', { ms: '3.5', n: 12 })).toBe('last run 3.5 ms · 12 tensors');
    expect(t('zh', 'app.lastRun', { ms: '3.5', n: 12 })).toBe('上次计算 3.5 毫秒 · 12 个张量');
  });

  test('a placeholder without a value stays visible, so a missing parameter shows up in review', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  test('holes lists the placeholders, sorted', () => {
    expect(holes('{n} of {k}, {n}')).toEqual(['k', 'n', 'n']);
  });

  test('numbers keep their digits; grouping follows the locale (en-US and zh-CN both group by 3 with ",")', () => {
    expect(formatNumber('en', 50257)).toBe('50,257');
    expect(formatNumber('zh', 50257)).toBe('50,257');
  });
});

describe('the browser picks the default language', () => {
  test.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['ZH-hans', 'zh'],
    ['en-US', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
  ] as const)('navigator.language %s gives %s', (browser, lang) => {
    expect(langOf(browser)).toBe(lang);
  });
});

describe('panel titles by view name', () => {
  test('every view of protocol/views.ts has a title in every language, the English one equal to VIEW_TITLES', () => {
    for (const [name, title] of Object.entries(VIEW_TITLES)) {
      expect(en[`title.${name}` as Key]).toBe(title);
      expect(zh[`title.${name}` as Key]).toMatch(/\S/);
    }
  });

  test('English keeps the worker title; Chinese looks the name up, bias heads included', () => {
    expect(viewTitle('en', 'similarity', 'Position similarity')).toBe('Position similarity');
    expect(viewTitle('zh', 'similarity', 'Position similarity')).toBe('位置相似度');
    expect(viewTitle('zh', 'bias-3', 'ALiBi bias, head 3')).toBe('偏置，第 3 个头');
    expect(viewTitle('zh', 'not-a-view', 'Something')).toBe('Something');
  });
});

describe('the schemes in Chinese', () => {
  test('every scheme has a Chinese label and blurb, and fails/biasCaption wherever the catalog has them', () => {
    for (const name of ENCODINGS) {
      const en = schemeWords('en', name);
      const zh = schemeWords('zh', name);
      expect(en.label).toBe(CATALOG[name].label);
      expect(zh.label.trim()).not.toBe('');
      expect(zh.blurb).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.fails === undefined, `${name} fails`).toBe(en.fails === undefined);
      expect(zh.biasCaption === undefined, `${name} biasCaption`).toBe(en.biasCaption === undefined);
    }
  });
});

describe('validator reasons in Chinese', () => {
  test.each([
    ['is not one of light, dark', '不是 light, dark 中的一个'],
    ['must be an even integer from 2 to 4096', '必须是 2 到 4096 之间的偶数'],
    ['must be an integer from 1 to 64', '必须是 1 到 64 之间的整数'],
    ['must be a number from 0 to 1', '必须是 0 到 1 之间的数'],
    ['must be a number above 0 and at most 100', '必须是大于 0、不超过 100 的数'],
    ['must be 1 or 0', '必须是 1 或 0'],
  ])('%s → %s', (en, zh) => {
    expect(why('zh', en)).toBe(zh);
    expect(why('en', en)).toBe(en);
  });

  test('a reason of another shape is shown as written', () => {
    expect(why('zh', 'must be a tensor name of 1 to 200 printable characters')).toBe(
      'must be a tensor name of 1 to 200 printable characters',
    );
  });
});
