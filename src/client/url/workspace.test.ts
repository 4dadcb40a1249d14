// The workspace's URL keys: `tab` and `compare` round-trip through the hash, and a bad value leaves a notice that
// names the key while the rest of the state is kept.
import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW, TABS, toHash } from '../urlState.ts';
import { parseShown } from './testParse.ts';

describe('URL key tab', () => {
  test('every tab round-trips; the default (explore) is left out of the link', () => {
    for (const tab of TABS) {
      const hash = toHash({ ...DEFAULT_VIEW, tab });
      expect(hash.includes('tab=')).toBe(tab !== 'explore');
      const { view, notices } = parseShown(hash);
      expect(view.tab).toBe(tab);
      expect(notices).toEqual([]);
    }
  });

  test('an unknown tab leaves a notice naming the key and keeps the rest', () => {
    const { view, notices } = parseShown('#text=kept&tab=settings&d=32');
    expect(view.tab).toBe('explore');
    expect(view.spec.text).toBe('kept');
    expect(view.spec.d).toBe(32);
    expect(notices).toEqual([
      'URL key "tab" = "settings" is not one of explore, lab, compare, project, train, data; using "explore".',
    ]);
  });
});

describe('URL key compare', () => {
  test('2, 3 and 4 names, rope rules included, round-trip in their order', () => {
    for (const compare of [
      ['alibi', 'sinusoidal'],
      ['rope:yarn', 'rope', 'learned'],
      ['t5', 'none', 'rope:llama3', 'pitfall-linear'],
    ]) {
      const hash = toHash({ ...DEFAULT_VIEW, compare });
      expect(hash).toContain(`compare=${encodeURIComponent(compare.join(','))}`);
      const { view, notices } = parseShown(hash);
      expect(view.compare).toEqual(compare);
      expect(notices).toEqual([]);
    }
  });

  const bad: Array<[string, string]> = [
    ['sinusoidal,word2vec', 'has unknown scheme "word2vec"'],
    ['rope:warp,alibi', 'has unknown scheme "rope:warp"'],
    ['rope,alibi,rope', 'names a scheme twice'],
    ['sinusoidal,rope,alibi,t5,learned', 'must name 2 to 4 schemes (got 5)'],
    ['rope', 'must name 2 to 4 schemes (got 1)'],
  ];
  for (const [raw, why] of bad) {
    test(`compare=${raw} is refused (${why}); the default list and the rest are kept`, () => {
      const { view, notices } = parseShown(`#tab=compare&text=kept&compare=${encodeURIComponent(raw)}`);
      expect(view.compare).toEqual(DEFAULT_VIEW.compare);
      expect(view.tab).toBe('compare');
      expect(view.spec.text).toBe('kept');
      expect(notices).toEqual([
        `URL key "compare" = ${JSON.stringify(raw.length > 40 ? raw.slice(0, 40) + '…' : raw)} ${why}; using "sinusoidal,rope,alibi,learned".`,
      ]);
    });
  }
});
