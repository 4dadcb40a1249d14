// What the UI shows for the RoPE rule 'yarn' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const yarnRule: RopeRuleEntry = {
  label: 'YaRN',
  source: 'Peng et al. 2023, YaRN (arXiv 2309.00071); HF _compute_yarn_parameters',
  blurb:
    'Pairs that turn more than beta_fast times within original_context are kept, fewer than beta_slow divided by factor, a ramp between; cos and sin scaled by 0.1·ln(factor) + 1.',
  params: keysOf('yarn'),
};
