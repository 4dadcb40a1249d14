// RoPE rule "llama3" (Meta's Llama 3.1 scaling), as Hugging Face transformers'
// src/transformers/modeling_rope_utils.py _compute_llama3_parameters. With L = original_context and the
// default frequencies f_i, wavelength λ_i = 2π/f_i:
//   λ_i < L/high_freq_factor            kept:          f_i
//   λ_i > L/low_freq_factor             interpolated:  f_i / factor
//   otherwise (both bounds included)    smoothed:      (1 − s)·f_i/factor + s·f_i,
//                                       s = (L/λ_i − low_freq_factor) / (high_freq_factor − low_freq_factor)
// attention_factor = 1.
import { baseInvFreq, type RopeRule } from './rule.ts';

export const llama3Rule: RopeRule = (
  dim,
  { base, factor, lowFreqFactor, highFreqFactor, originalContext },
) => {
  const lowWavelength = originalContext / lowFreqFactor;
  const highWavelength = originalContext / highFreqFactor;
  const invFreq = baseInvFreq(dim, base).map((f) => {
    const wavelength = (2 * Math.PI) / f;
    if (wavelength < highWavelength) return f;
    if (wavelength > lowWavelength) return f / factor;
    const s = (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
    return ((1 - s) * f) / factor + s * f;
  });
  return { invFreq, attentionFactor: 1 };
};
