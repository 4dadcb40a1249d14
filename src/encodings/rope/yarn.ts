// RoPE rule "yarn" — Peng et al. 2023, "YaRN: Efficient Context Window Extension of Large Language Models"
// (arXiv 2309.00071), as Hugging Face transformers' src/transformers/modeling_rope_utils.py
// _compute_yarn_parameters in the form that reads rope_scaling.original_max_position_embeddings (here
// original_context, L) for the ramp:
//   corr(r) = dim · ln(L / (2π r)) / (2 ln base)    the pair index that turns r times within L
//   low = max(floor(corr(beta_fast)), 0),  high = min(ceil(corr(beta_slow)), dim − 1)  (HF truncate = true)
//   ramp_i = clamp((i − low) / (high − low), 0, 1)   (high − low = 0.001 when low = high), i = 0…dim/2−1
//   inv_freq_i = f_i/factor · ramp_i + f_i · (1 − ramp_i)    with f_i = 1 / base^(2i/dim)
//   attention_factor = the one given, else 0.1·ln(factor) + 1 (HF get_mscale with mscale = 1).
// mscale / mscale_all_dim (DeepSeek) are not separate keys: give their ratio as attention_factor.
import { baseInvFreq, type RopeRule } from './rule.ts';

/** The pair index at which a wavelength fits `rotations` times into `context` (HF find_correction_dim). */
export function correctionDim(rotations: number, dim: number, base: number, context: number): number {
  return (dim * Math.log(context / (rotations * 2 * Math.PI))) / (2 * Math.log(base));
}

/** HF find_correction_range with truncate = true: the ramp's [low, high] in pair indices. */
export function yarnRamp(
  dim: number,
  p: { base: number; originalContext: number; betaFast: number; betaSlow: number },
) {
  const low = Math.floor(correctionDim(p.betaFast, dim, p.base, p.originalContext));
  const high = Math.ceil(correctionDim(p.betaSlow, dim, p.base, p.originalContext));
  return { low: Math.max(low, 0), high: Math.min(high, dim - 1) };
}

export const yarnRule: RopeRule = (dim, p) => {
  const { low, high } = yarnRamp(dim, p);
  const span = high === low ? 0.001 : high - low;
  const invFreq = baseInvFreq(dim, p.base).map((f, i) => {
    const ramp = Math.min(Math.max((i - low) / span, 0), 1);
    const extrapolation = 1 - ramp;
    return (f / p.factor) * (1 - extrapolation) + f * extrapolation;
  });
  return { invFreq, attentionFactor: p.attentionFactor ?? 0.1 * Math.log(p.factor) + 1 };
};
