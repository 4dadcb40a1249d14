// Lesson step 8 (RoPE context extension): its strings exist in English and Chinese, its try-this buttons set the
// rule they name, and every number in the notes matches the rules (encodings/rope/, themselves checked against
// float64 values of HF's formulas) and the closed forms of scripts/reference/lesson7.py.
import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW } from '../client/urlState.ts';
import { validateSpec } from '../protocol/specs.ts';
import { ropeFrequencies } from '../encodings/rope/frequencies.ts';
import { yarnRamp } from '../encodings/rope/yarn.ts';
import { applyPatch, stepAt } from './lessons.ts';
import { STRINGS } from './strings.ts';

const step = stepAt(8);
if (!step) throw new Error('no step 8');
const opened = applyPatch({ ...DEFAULT_VIEW, lesson: 8 }, step.setup);
const after = (id: string) => {
  const t = step.tryThis.find((x) => x.id === id);
  if (!t) throw new Error(`no try-this ${id}`);
  return applyPatch(opened, t.patch);
};
const regions = (id: string) => {
  const p = after(id).spec.params;
  const { rows, attentionFactor } = ropeFrequencies(128, p);
  const count = (r: string) => rows.filter((x) => x.region === r).length;
  return {
    kept: count('kept'),
    interpolated: count('interpolated'),
    ramped: count('ramped'),
    attentionFactor,
    rows,
  };
};
const { en, zh } = STRINGS;

describe('lesson step 8: context extension', () => {
  test('every string is there in both languages, the Chinese ones in Chinese', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('s8.')) as (keyof typeof en)[];
    expect(keys).toHaveLength(4 + 2 * 5);
    for (const k of keys) {
      expect(en[k].length).toBeGreaterThan(5);
      expect(zh[k]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('it opens on RoPE at d = 128, L = 2048, N = 8192, and each button sets the rule it names, validly', () => {
    expect(opened.spec.pe).toBe('rope');
    expect([opened.spec.d, opened.spec.params.originalContext, opened.spec.params.positions]).toEqual([
      128, 2048, 8192,
    ]);
    for (const id of ['default', 'linear', 'ntk', 'yarn', 'llama3']) {
      const v = after(id);
      expect(v.spec.params.ropeType).toBe(id);
      expect(validateSpec(v.spec)).toBeNull();
    }
  });

  test('default: pairs 41 to 63 (23) turn less than once in L = 2048; 8191/2047 ≈ 4', () => {
    const slow = regions('default')
      .rows.filter((r) => r.wavelength > 2048)
      .map((r) => r.pair);
    expect([slow[0], slow.length]).toEqual([41, 23]);
    expect(8191 / 2047).toBeCloseTo(4, 2);
    for (const lang of [en, zh]) expect(lang['s8.note.default']).toMatch(/41.*63.*23.*2048/);
  });

  test('linear: every pair interpolated; the fastest turns L/2π ≈ 326 times, ≈ 81 after dividing by 4', () => {
    expect(regions('linear').interpolated).toBe(64);
    expect(Math.round(2048 / (2 * Math.PI))).toBe(326);
    expect(Math.floor(2048 / (2 * Math.PI) / 4)).toBe(81);
    for (const lang of [en, zh]) expect(lang['s8.note.linear']).toMatch(/≈ 81.*≈ 326/);
  });

  test('ntk: base 10,000·4^(128/126) ≈ 40,890; pair 0 kept, pair 63 divided by exactly 4', () => {
    expect(Math.round(10000 * 4 ** (128 / 126))).toBe(40890);
    const { rows } = regions('ntk');
    expect(rows[0].region).toBe('kept');
    expect(rows[63].region).toBe('interpolated');
    for (const lang of [en, zh]) expect(lang['s8.note.ntk']).toContain('≈ 40,890');
  });

  test('yarn: ramp from 16 to 41, so 17 kept, 23 interpolated, 24 ramped, and a = 0.1·ln 4 + 1 ≈ 1.1386', () => {
    expect(yarnRamp(128, after('yarn').spec.params)).toEqual({ low: 16, high: 41 });
    const r = regions('yarn');
    expect([r.kept, r.interpolated, r.ramped]).toEqual([17, 23, 24]);
    expect(r.attentionFactor.toFixed(4)).toBe('1.1386');
    for (const lang of [en, zh]) expect(lang['s8.note.yarn']).toMatch(/0.*16.*41.*63.*17.*40.*1\.1386/);
  });

  test('llama3: 31 kept, 23 divided by 4, 10 smoothed', () => {
    const r = regions('llama3');
    expect([r.kept, r.interpolated, r.ramped]).toEqual([31, 23, 10]);
    expect(en['s8.note.llama3']).toMatch(/^31 .*512.*23 .*2048.*10 /);
    expect(zh['s8.note.llama3']).toMatch(/512 的 31 对.*2048 的 23 对.*10 对/);
  });
});
