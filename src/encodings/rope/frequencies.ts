// The "RoPE frequencies" table (issue #15 item 4): one row per rotated pair, the rule's frequency beside the
// unscaled one (base^(−2i/n)), their wavelengths 2π/θ in positions, and the pair's region:
//   kept          θ′ = θ              (the rule leaves the pair alone: short wavelengths in llama3 and YaRN)
//   interpolated  θ′ = θ / factor     (position interpolation: long wavelengths)
//   ramped        anything between    (llama3's smoothed band, YaRN's ramp, NTK's base change, longrope's lists)
// Regions come from the ratio θ′/θ, so every rule gets them without a rule-specific branch. Pure float64.
import type { FrequencyRegion } from '../../protocol/rope.ts';
import { getRopeRule } from './registry.ts';
import { baseInvFreq, type RopeRuleInput } from './rule.ts';

export type { FrequencyRegion };

export interface FrequencyRow {
  pair: number;
  invFreq: number;
  scaledInvFreq: number;
  wavelength: number;
  scaledWavelength: number;
  region: FrequencyRegion;
}

export const FREQUENCY_CSV_HEADER = 'pair,inv_freq,scaled_inv_freq,wavelength,scaled_wavelength,region';

/** Relative tolerance for "equal" ratios: a few float64 roundings of pow and division. */
const TOL = 1e-12;

/** The table for rotated width `dim` (an even integer) under the spec's rule, and the rule's attention factor. */
export function ropeFrequencies(
  dim: number,
  p: RopeRuleInput,
): { rows: FrequencyRow[]; attentionFactor: number } {
  const plain = baseInvFreq(dim, p.base);
  const { invFreq, attentionFactor } = getRopeRule(p.ropeType)(dim, p);
  const rows = Array.from(plain, (f, pair): FrequencyRow => {
    const scaled = invFreq[pair];
    const ratio = scaled / f;
    const region =
      Math.abs(ratio - 1) <= TOL ? 'kept' : Math.abs(ratio * p.factor - 1) <= TOL ? 'interpolated' : 'ramped';
    const turn = 2 * Math.PI;
    return {
      pair,
      invFreq: f,
      scaledInvFreq: scaled,
      wavelength: turn / f,
      scaledWavelength: turn / scaled,
      region,
    };
  });
  return { rows, attentionFactor };
}

/** The table as CSV text (header above, full float64 precision, one line per pair). */
export function frequenciesCsv(rows: readonly FrequencyRow[]): string {
  const lines = rows.map((r) =>
    [r.pair, r.invFreq, r.scaledInvFreq, r.wavelength, r.scaledWavelength, r.region].join(','),
  );
  return [FREQUENCY_CSV_HEADER, ...lines].join('\n') + '\n';
}
