// Sinusoidal positional encoding — Vaswani et al. 2017, "Attention Is All You Need", §3.5.
// Convention: ω_i = base^(−2i/d) for pair i = 0…d/2−1, position p counts from 0.
//   interleaved (default, the paper): PE[p, 2i] = sin(p·ω_i), PE[p, 2i+1] = cos(p·ω_i)
//   half (tensor2tensor's get_timing_signal_1d): PE[p, i] = sin(p·ω_i), PE[p, d/2 + i] = cos(p·ω_i)
// Dimension 0 has the shortest wavelength, 2π; neighbouring pairs differ by a factor base^(2/d).
// sin/cos come from numerics/trig.ts (exact angle reduction), never from the GPU's own sin; the whole [P, d] table
// is one fused program that writes either layout directly.
// Position similarity in closed form, either layout: PE(p)·PE(q) = Σ_i sin(pω_i)sin(qω_i) + cos(pω_i)cos(qω_i)
// = Σ_i cos((p − q)ω_i), a function of p − q alone; its angles are reduced exactly like the table's.
import { cosSumsOfTurns } from '../numerics/cosSums.ts';
import { range, sinusoidTable } from '../numerics/trig.ts';
import { pairTurns, type Scheme } from './scheme.ts';

export const sinusoidal: Scheme = {
  name: 'sinusoidal',
  kind: 'additive',
  compute({ positions, d }, { base, layout }) {
    const pe = sinusoidTable(positions, pairTurns(d, base), layout); // [P, d]
    return { pe };
  },
  offsetSimilarity: (n, d, { base }) => sinusoidSimilarity(n, d, base),
};

/** g(k) = PE(p)·PE(p + k) = Σ_i cos(k·ω_i) for k = 0…n−1 (any p, either layout), float64, angles reduced exactly. */
export function sinusoidSimilarity(n: number, d: number, base: number): Float64Array {
  return cosSumsOfTurns(range(n), pairTurns(d, base));
}
