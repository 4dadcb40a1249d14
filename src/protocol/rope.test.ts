// validateRope (issue #15, "Bad input"): each refused combination names the key and the rule.
import { describe, expect, test } from 'vitest';
import { DEFAULT_ROPE, validateRope, type RopeParams } from './rope.ts';
import { DEFAULT_SPEC, validateSpec } from './specs.ts';
import { msg, type Msg } from './msg.ts';

const check = (p: Partial<RopeParams>, d = 64, positions = 512) =>
  validateRope({ ...DEFAULT_ROPE, ...p }, d, positions);

describe('validateRope', () => {
  test('the defaults are fine, and so is every rule with its own sensible constants', () => {
    expect(check({})).toBeNull();
    for (const ropeType of ['linear', 'ntk', 'dynamic', 'yarn', 'llama3'] as const)
      expect(check({ ropeType })).toBeNull();
    expect(
      check({ ropeType: 'longrope', longFactor: Array(32).fill(2), shortFactor: Array(32).fill(1) }),
    ).toBeNull();
  });

  test.each<[string, Partial<RopeParams>, string[], Msg]>([
    ['an unknown rope_type', { ropeType: 'xpos' as never }, ['ropeType'], msg('rope.type', { got: 'xpos' })],
    [
      'factor < 1',
      { ropeType: 'linear', factor: 0.5 },
      ['factor'],
      msg('rope.factor', { rule: 'linear', got: 0.5 }),
    ],
    [
      'high_freq_factor ≤ low_freq_factor',
      { ropeType: 'llama3', lowFreqFactor: 4, highFreqFactor: 4 },
      ['highFreqFactor', 'lowFreqFactor'],
      msg('rope.highFreq', { rule: 'llama3', high: 4, low: 4 }),
    ],
    [
      'beta_fast < beta_slow',
      { ropeType: 'yarn', betaFast: 1, betaSlow: 2 },
      ['betaSlow', 'betaFast'],
      msg('rope.betaOrder', { rule: 'yarn', fast: 1, slow: 2 }),
    ],
    ['an odd head_dim', { headDim: 7 }, ['headDim'], msg('rope.headDim', { got: 7 })],
    [
      'a head_dim that does not divide d',
      { headDim: 48 },
      ['headDim'],
      msg('rope.headDivides', { d: 64, got: 48 }),
    ],
    [
      'a long_factor list of the wrong length',
      { ropeType: 'longrope', longFactor: [1, 2], shortFactor: Array(32).fill(1) },
      ['longFactor'],
      msg('rope.listLength', { rule: 'longrope', key: 'long_factor', want: 32, got: 2 }),
    ],
    [
      'original_context ≥ positions for dynamic',
      { ropeType: 'dynamic', originalContext: 512 },
      ['originalContext'],
      msg('rope.originalBelow', { rule: 'dynamic', positions: 512, got: 512 }),
    ],
    [
      'an odd rotated width',
      { headDim: 16, rotaryPct: 0.3125 },
      ['rotaryPct', 'headDim'],
      msg('rope.rotated', { got: 5 }),
    ],
  ])('refuses %s, naming the key and the rule', (_, p, fields, message) => {
    const problem = check(p);
    expect(problem?.fields).toEqual(fields);
    expect(problem?.message).toEqual(message);
  });

  test('keys a rule does not read are not checked: llama3 needs no original_context below positions', () => {
    expect(check({ ropeType: 'llama3', originalContext: 8192 })).toBeNull();
    expect(check({ ropeType: 'default', factor: 0.5, betaFast: 1, betaSlow: 2 })).toBeNull();
  });

  test('validateSpec passes the RoPE problem on when pe = rope, and ignores RoPE keys for other schemes', () => {
    const params = { ...DEFAULT_SPEC.params, ropeType: 'yarn' as const, betaFast: 1, betaSlow: 2 };
    expect(validateSpec({ ...DEFAULT_SPEC, pe: 'rope', params })).toEqual(
      msg('bad.sentence', { reason: msg('rope.betaOrder', { rule: 'yarn', fast: 1, slow: 2 }) }),
    );
    expect(validateSpec({ ...DEFAULT_SPEC, pe: 'sinusoidal', params })).toBeNull();
  });
});
