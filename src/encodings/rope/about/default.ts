// What the UI shows for the RoPE rule 'default' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const defaultRule: RopeRuleEntry = {
  label: 'Default',
  source: 'Su et al. 2021 (RoFormer); HF _compute_default_rope_parameters',
  blurb: 'θ_i = base^(−2i/n): the frequencies the model was trained with, unchanged.',
  params: keysOf('default'),
};
