// The table of URL keys: one entry per key, and every entry writes what it reads.
import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW } from './state.ts';
import { URL_KEYS } from './keys.ts';

describe('the URL key table', () => {
  test('names each key once', () => {
    const names = URL_KEYS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('every key parses back the value it writes for the default view, with no refusal', () => {
    for (const key of URL_KEYS) {
      const value = key.get(DEFAULT_VIEW);
      // nothing to write: no lesson, no checkpoint tensor, no selected rows (toHash leaves defaults out)
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      const parsed = key.parse(key.format(value), DEFAULT_VIEW);
      expect(parsed, key.name).toEqual({ value });
    }
  });

  test('the learning rates follow their validators: the projection takes 0.5 (spec: > 0), training refuses 1', () => {
    const lr = URL_KEYS.find((k) => k.name === 'lr');
    const trainLr = URL_KEYS.find((k) => k.name === 'train.lr');
    expect(lr?.parse('0.5', DEFAULT_VIEW)).toEqual({ value: 0.5 });
    expect(lr?.parse('0', DEFAULT_VIEW)).toHaveProperty('why');
    expect(trainLr?.parse('1', DEFAULT_VIEW)).toHaveProperty('why');
  });
});
