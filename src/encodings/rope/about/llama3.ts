// What the UI shows for the RoPE rule 'llama3' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const llama3Rule: RopeRuleEntry = {
  label: 'Llama 3.1',
  source: 'Meta, Llama 3.1 (2024); HF _compute_llama3_parameters',
  blurb:
    'Wavelengths below original_context/high_freq_factor are kept, above original_context/low_freq_factor divided by factor, smoothed between.',
  params: keysOf('llama3'),
};
