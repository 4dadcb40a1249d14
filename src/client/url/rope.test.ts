// RoPE's URL keys (issue #15): exact names, round trip, and refusals that name the key and fall back.
import { describe, expect, test } from 'vitest';
import { DEFAULT_ROPE, ROPE_URL_KEYS } from '../../protocol/rope.ts';
import { ROPE_KEYS } from './rope.ts';
import { DEFAULT_VIEW, toHash } from '../urlState.ts';
import { parseShown } from './testParse.ts';

describe('RoPE URL keys', () => {
  test('the known-key list holds exactly the twelve names of issue #15', () => {
    expect(ROPE_KEYS.map((k) => k.name).sort()).toEqual(Object.values(ROPE_URL_KEYS).sort());
    expect(ROPE_KEYS).toHaveLength(12);
  });

  test('a Llama 3.1 link sets every key under its issue #15 name and survives a round trip', () => {
    const hash =
      '#pe=rope&d=256&base=500000&head_dim=128&rope_type=llama3&factor=8&low_freq_factor=1&high_freq_factor=4&original_context=8192';
    const { view, notices } = parseShown(hash);
    expect(notices).toEqual([]);
    expect(view.spec.params).toMatchObject({
      headDim: 128,
      ropeType: 'llama3',
      factor: 8,
      lowFreqFactor: 1,
      highFreqFactor: 4,
      originalContext: 8192,
    });
    const written = new URLSearchParams(toHash(view).slice(1));
    expect(written.get('head_dim')).toBe('128');
    expect(written.get('rope_type')).toBe('llama3');
    expect(written.get('original_context')).toBe('8192');
    expect(written.has('low_freq_factor')).toBe(false); // at its default, left out
    expect(parseShown(toHash(view)).view).toEqual(view);
  });

  test('longrope lists, rotary_pct, beta and attention_factor round-trip exactly', () => {
    const long = Array.from({ length: 16 }, (_, i) => 1 + i / 7);
    const short = Array.from({ length: 16 }, (_, i) => 1 + i / 100);
    const hash = `#pe=rope&d=64&rotary_pct=0.5&rope_type=longrope&factor=32&original_context=100&long_factor=${long.join(',')}&short_factor=${short.join(',')}&attention_factor=1.25&beta_fast=16&beta_slow=2`;
    const { view, notices } = parseShown(hash);
    expect(notices).toEqual([]);
    expect(view.spec.params.longFactor).toEqual(long);
    expect(view.spec.params.shortFactor).toEqual(short);
    expect(view.spec.params.rotaryPct).toBe(0.5);
    expect(view.spec.params.attentionFactor).toBe(1.25);
    expect(parseShown(toHash(view)).view).toEqual(view);
  });

  test.each([
    ['rope_type=xpos', 'rope_type', 'default'],
    ['rope_type=linear&factor=0.5', 'factor', DEFAULT_ROPE.factor],
    ['rope_type=llama3&low_freq_factor=4', 'low_freq_factor', 1],
    ['rope_type=llama3&high_freq_factor=0.5', 'high_freq_factor', 4],
    ['rope_type=yarn&beta_fast=0.5', 'beta_fast', 32],
    ['head_dim=7', 'head_dim', null],
    ['head_dim=48', 'head_dim', null],
    ['rope_type=longrope', 'rope_type', 'default'],
    ['rope_type=dynamic&original_context=600', 'original_context', DEFAULT_ROPE.originalContext],
    ['long_factor=1,x', 'long_factor', []],
  ])('%s is refused with one notice naming %s, which falls back', (hash, key, fallback) => {
    const { view, notices } = parseShown('#' + hash);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`URL key "${key}"`);
    expect(notices[0]).toContain(`using ${JSON.stringify(fallback)}`);
    const field = Object.entries({ ...view.spec.params }).find(
      ([, v]) => JSON.stringify(v) === JSON.stringify(fallback),
    );
    expect(field).toBeDefined();
  });

  test('a refused combination names the rule in its notice and keeps the rest of the state', () => {
    const { view, notices } = parseShown('#pe=rope&seed=7&rope_type=yarn&beta_fast=1&beta_slow=2');
    expect(notices).toEqual([
      expect.stringMatching(
        /URL key "beta_slow" = "2" is refused: yarn: beta_fast must not be below beta_slow/,
      ),
    ]);
    expect(view.spec.seed).toBe(7);
    expect(view.spec.params).toMatchObject({ ropeType: 'yarn', betaFast: 1, betaSlow: 1 });
    expect(DEFAULT_VIEW.spec.params.ropeType).toBe('default');
  });
});
