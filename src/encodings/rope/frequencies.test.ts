// The RoPE frequencies table against the facts and numpy (`python3 src/encodings/rope/reference.py`).
import { describe, expect, test } from 'vitest';
import { DEFAULT_ROPE } from '../../protocol/rope.ts';
import { FREQUENCY_CSV_HEADER, frequenciesCsv, ropeFrequencies } from './frequencies.ts';
import type { RopeRuleInput } from './rule.ts';

const input = (p: Partial<RopeRuleInput>): RopeRuleInput => ({
  ...DEFAULT_ROPE,
  base: 10000,
  positions: 512,
  ...p,
});
const count = (rows: { region: string }[]) => {
  const c: Record<string, number> = { kept: 0, interpolated: 0, ramped: 0 };
  for (const r of rows) c[r.region]++;
  return c;
};

describe('RoPE frequencies table', () => {
  test('llama3 (θ 500,000, head_dim 128, 8, 1, 4, 8192): 29 kept, 29 interpolated, pairs 29–34 ramped', () => {
    const p = input({ ropeType: 'llama3', base: 500000, factor: 8, originalContext: 8192 });
    const { rows } = ropeFrequencies(128, p);
    expect(rows).toHaveLength(64);
    expect(count(rows)).toEqual({ kept: 29, interpolated: 29, ramped: 6 });
    expect(rows.filter((r) => r.region === 'ramped').map((r) => r.pair)).toEqual([29, 30, 31, 32, 33, 34]);
    // closed form: wavelength of pair i is 2π·θ^(2i/128); a divided pair's is 8 times longer
    expect(rows[50].wavelength).toBeCloseTo(2 * Math.PI * Math.pow(500000, 100 / 128), 6);
    expect(rows[50].scaledWavelength / rows[50].wavelength).toBeCloseTo(8, 12);
  });

  test('YaRN (head_dim 128, θ 10,000, factor 4, original 4,096): pairs ≤ 20 kept, ≥ 46 interpolated, a = 1.138629', () => {
    const { rows, attentionFactor } = ropeFrequencies(
      128,
      input({ ropeType: 'yarn', factor: 4, originalContext: 4096 }),
    );
    // reference.py: yarn regions kept 21 interpolated 18 ramped 25
    expect(count(rows)).toEqual({ kept: 21, interpolated: 18, ramped: 25 });
    expect(rows[20].region).toBe('kept');
    expect(rows[46].region).toBe('interpolated');
    expect(attentionFactor).toBeCloseTo(1.138629, 6);
    // reference.py: wavelength pair 63 (scaled) 217640.572523107 and unscaled 54410.14313077675
    expect(rows[63].scaledWavelength).toBeCloseTo(217640.572523107, 6);
    expect(rows[63].wavelength).toBeCloseTo(54410.14313077675, 6);
  });

  test('the default rule keeps every pair; linear interpolates every pair', () => {
    expect(count(ropeFrequencies(64, input({})).rows)).toEqual({ kept: 32, interpolated: 0, ramped: 0 });
    expect(count(ropeFrequencies(64, input({ ropeType: 'linear', factor: 2 })).rows)).toEqual({
      kept: 0,
      interpolated: 32,
      ramped: 0,
    });
  });

  test('CSV has the issue header and one line per pair with full precision', () => {
    const csv = frequenciesCsv(ropeFrequencies(4, input({ ropeType: 'linear', factor: 2 })).rows);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('pair,inv_freq,scaled_inv_freq,wavelength,scaled_wavelength,region');
    expect(lines[0]).toBe(FREQUENCY_CSV_HEADER);
    // pair 0: θ = 1, θ′ = 1/2, wavelengths 2π and 4π
    expect(lines[1]).toBe(`0,1,0.5,${2 * Math.PI},${4 * Math.PI},interpolated`);
    expect(lines).toHaveLength(3);
  });
});
