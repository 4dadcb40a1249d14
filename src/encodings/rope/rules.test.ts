// Every RoPE frequency rule against float64 values of Hugging Face's published formulas
// (modeling_rope_utils.py), computed independently with numpy: `python3 src/encodings/rope/reference.py`
// printed every expected number below. The facts (#15) are asserted as stated there.
import { describe, expect, test } from 'vitest';
import { DEFAULT_ROPE, ROPE_TYPES } from '../../protocol/rope.ts';
import { getRopeRule } from './registry.ts';
import type { RopeRuleInput } from './rule.ts';
import { yarnRamp } from './yarn.ts';

const input = (p: Partial<RopeRuleInput>): RopeRuleInput => ({
  ...DEFAULT_ROPE,
  base: 10000,
  positions: 512,
  ...p,
});

/** Expected [pair, inv_freq] pairs match within 1e-13 relative (float64 rounding of pow and division). */
function expectPairs(invFreq: Float64Array, expected: Array<[number, number]>) {
  for (const [i, want] of expected)
    expect(Math.abs(invFreq[i] - want) / want, `pair ${i}`).toBeLessThan(1e-13);
}

describe('RoPE frequency rules (HF modeling_rope_utils.py)', () => {
  test('default: 1/base^(2i/dim), attention factor 1 (reference.py: default dim128 base1e4)', () => {
    const { invFreq, attentionFactor } = getRopeRule('default')(128, input({}));
    expect(invFreq.length).toBe(64);
    expectPairs(invFreq, [
      [0, 1],
      [1, 0.8659643233600653],
      [20, 0.056234132519034905],
      [63, 0.00011547819846894582],
    ]);
    expect(attentionFactor).toBe(1);
  });

  test('linear: every default frequency divided by factor 4 (reference.py: linear dim128 base1e4 factor4)', () => {
    const { invFreq, attentionFactor } = getRopeRule('linear')(128, input({ factor: 4 }));
    expectPairs(invFreq, [
      [0, 0.25],
      [5, 0.12174188129146576],
      [45, 0.00038498163151487295],
      [63, 2.8869549617236455e-5],
    ]);
    expect(attentionFactor).toBe(1);
  });

  test('ntk: base·factor^(dim/(dim−2)) keeps pair 0 and divides the last pair by exactly factor', () => {
    // reference.py: ntk dim64 base1e4 factor8
    const { invFreq } = getRopeRule('ntk')(64, input({ factor: 8 }));
    expectPairs(invFreq, [
      [0, 1],
      [1, 0.7012422344790011],
      [10, 0.028752833492541135],
      [31, 1.6669017902041553e-5],
    ]);
    // closed form: (base·s^(d/(d−2)))^(−(d−2)/d) = base^(−(d−2)/d) / s
    expect(invFreq[31] / (Math.pow(10000, -62 / 64) / 8)).toBeCloseTo(1, 12);
  });

  test('dynamic: the table length is the sequence length; at or below original_context it is the default', () => {
    // reference.py: dynamic dim64 base1e4 factor2 orig2048 pos8192
    const long = getRopeRule('dynamic')(64, input({ factor: 2, originalContext: 2048, positions: 8192 }));
    expectPairs(long.invFreq, [
      [0, 1],
      [1, 0.7042693252165533],
      [10, 0.030018413041434946],
      [31, 1.905030617376177e-5],
    ]);
    const short = getRopeRule('dynamic')(64, input({ factor: 2, originalContext: 2048, positions: 2048 }));
    const plain = getRopeRule('default')(64, input({}));
    for (let i = 0; i < 32; i++) expect(short.invFreq[i]).toBeCloseTo(plain.invFreq[i], 15);
  });

  test('llama3 with θ = 500,000, head_dim 128, factor 8, 1, 4, 8192: 29 pairs kept, 29 divided by 8, 6 smoothed', () => {
    const p = input({ base: 500000, factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalContext: 8192 });
    const { invFreq, attentionFactor } = getRopeRule('llama3')(128, p);
    const plain = getRopeRule('default')(128, p).invFreq;
    let kept = 0;
    let divided = 0;
    const smoothed: number[] = [];
    for (let i = 0; i < 64; i++) {
      if (invFreq[i] === plain[i]) kept++;
      else if (invFreq[i] === plain[i] / 8) divided++;
      else smoothed.push(i);
    }
    expect([kept, divided, smoothed]).toEqual([29, 29, [29, 30, 31, 32, 33, 34]]);
    // reference.py: llama3 theta5e5 dim128 f8 1 4 8192
    expectPairs(invFreq, [
      [28, 0.0032114459947525913],
      [29, 0.002166570763503359],
      [31, 0.0008567514129196324],
      [34, 0.00017850781276799638],
      [35, 9.556212353964683e-5],
      [63, 3.068925988914511e-7],
    ]);
    expect(attentionFactor).toBe(1);
  });

  test('yarn with head_dim 128, θ = 10,000, factor 4, original 4,096: ramp bounds 20 and 46, a = 0.1·ln 4 + 1', () => {
    const p = input({ factor: 4, originalContext: 4096, betaFast: 32, betaSlow: 1 });
    expect(yarnRamp(128, p)).toEqual({ low: 20, high: 46 });
    const { invFreq, attentionFactor } = getRopeRule('yarn')(128, p);
    expect(attentionFactor).toBeCloseTo(1.138629, 6);
    expect(attentionFactor).toBeCloseTo(0.1 * Math.log(4) + 1, 15);
    // reference.py: yarn dim128 base1e4 f4 orig4096 — pairs ≤ 20 kept, ≥ 46 divided by 4, ramped between
    expectPairs(invFreq, [
      [0, 1],
      [20, 0.056234132519034905],
      [21, 0.047292038501684786],
      [30, 0.009488517882700576],
      [45, 0.0004294025889973582],
      [46, 0.000333380358040831],
      [63, 2.8869549617236455e-5],
    ]);
    expect(getRopeRule('yarn')(128, { ...p, attentionFactor: 0.7 }).attentionFactor).toBe(0.7);
  });

  test('longrope: long_factor past original_context, short_factor within it, a = √(1 + ln 32 / ln 4096)', () => {
    const p = input({
      factor: 32,
      originalContext: 4096,
      longFactor: [1.5, 2, 3, 4],
      shortFactor: [1, 1.1, 1.2, 1.3],
    });
    // reference.py: longrope long (pos 8192) / short (pos 1024)
    const long = getRopeRule('longrope')(8, { ...p, positions: 8192 });
    expectPairs(long.invFreq, [
      [0, 0.6666666666666666],
      [1, 0.05],
      [2, 0.0033333333333333335],
      [3, 0.00025],
    ]);
    expect(long.attentionFactor).toBeCloseTo(1.1902380714238083, 15);
    const short = getRopeRule('longrope')(8, { ...p, positions: 1024 });
    expectPairs(short.invFreq, [
      [0, 1],
      [1, 0.09090909090909091],
      [2, 0.008333333333333333],
      [3, 0.0007692307692307692],
    ]);
    expect(getRopeRule('longrope')(8, { ...p, factor: 1 }).attentionFactor).toBe(1);
  });

  test('the registry has every rope_type and refuses an unknown name', () => {
    for (const t of ROPE_TYPES) expect(typeof getRopeRule(t)).toBe('function');
    expect(() => getRopeRule('xpos')).toThrow('unknown rope rule: xpos');
    expect(() => getRopeRule('toString')).toThrow('unknown rope rule: toString');
  });
});
