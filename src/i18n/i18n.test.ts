// The two string tables: same keys, no empty value, the same {placeholders} in every language; t() fills them;
// the browser's language picks the default; messages (protocol/msg.ts) render in either language.
import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { LANGS, langOf } from './lang.ts';
import { TABLES, fill, formatNumber, holes, message, say, t, viewTitle, type Key } from './t.ts';
import { VIEW_TITLES } from '../protocol/views.ts';
import { ENCODINGS } from '../protocol/specs.ts';
import { CATALOG } from '../encodings/catalog.ts';
import { schemeWords } from './schemes.ts';
import { DEFAULT_SPEC, validateSpec } from '../protocol/specs.ts';
import { MsgError, list, msg, msgOf, renderEn, unknownName } from '../protocol/msg.ts';

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

describe('messages from the workers and validators', () => {
  test('a validator message reads in English and in Chinese, with the same numbers', () => {
    const m = validateSpec({ ...DEFAULT_SPEC, d: 7 });
    expect(m).toEqual(msg('bad.d', { min: 2, max: 8192, got: 7 }));
    if (!m) throw new Error('d = 7 must be refused');
    expect(say('en', m)).toBe('d_model must be an even integer from 2 to 8192 (got 7).');
    expect(say('zh', m)).toBe('d_model 必须是 2 到 8192 之间的偶数（当前为 7）。');
    // English from the protocol alone (what MsgError.message and logs carry) is the same sentence
    expect(renderEn(m)).toBe(say('en', m));
  });

  test('a message inside a message (a refused URL value and its reason) is rendered in the same language', () => {
    const notice = message('notice.urlBad', {
      key: 'window',
      value: '"5-1"',
      why: msg('window.reversed', { a: 5, b: 1 }),
      fallback: message('url.firstRows'),
    });
    expect(say('en', notice)).toBe(
      'URL key "window" = "5-1" window must run forwards, A ≤ B (got 5-1).; using the first rows.',
    );
    expect(say('zh', notice)).toBe(
      'URL 参数 "window" = "5-1" 无效（窗口必须从小到大，A ≤ B（当前为 5-1）。）；改用 开头的行。',
    );
  });

  test('numbers keep their digits; {n:n} groups them, {v:p4} and {v:e2} give significant digits', () => {
    const detail = msg('check.boundedDetail', { n: 512, v: 1.00004321 });
    expect(say('en', detail)).toBe('largest |value| over 512 positions is 1.000');
    expect(say('zh', detail)).toBe('512 个位置中最大的 |取值| 为 1.000');
    expect(say('zh', msg('window.tooLong', { max: 4096, got: 4097 }))).toBe(
      '窗口最多跨 4,096 行（当前为 4,097 行）。',
    );
    expect(say('en', msg('check.ropeRelativeDetail', { v: 0.000431 }))).toMatch(/= 4\.31e-4$/);
  });

  test("a list of messages joins with the language's separator", () => {
    const both = list([msg('note.cosine'), msg('note.originalContext', { n: 64 })]);
    expect(say('en', both)).toBe('cosine of positions; original_context = 64');
    expect(say('zh', both)).toBe('位置之间的余弦；original_context = 64');
  });

  test('an unknown registry name keeps the DESIGN.md wording in English', () => {
    const e = unknownName('encoding', 'xpos');
    expect(e.message).toBe('unknown encoding: xpos');
    expect(say('zh', e.msg)).toBe('未知的位置编码：xpos');
  });

  test('an error with no message written for it is shown as its own text, in either language', () => {
    expect(say('zh', msgOf(new Error('out of memory')))).toBe('out of memory');
    expect(msgOf(new MsgError(msg('err.fewTokens')))).toEqual(msg('err.fewTokens'));
  });

  test('formats are placeholders too: a translation must keep {n:n} where English has it', () => {
    expect(holes('{total:n} of {n}')).toEqual(['n', 'total:n']);
  });
});
