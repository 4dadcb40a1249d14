// What the UI shows for the RoPE rule 'longrope' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const longropeRule: RopeRuleEntry = {
  label: 'LongRoPE',
  source: 'Ding et al. 2024, LongRoPE (Phi-3); HF _compute_longrope_parameters',
  blurb:
    'Each pair divided by its own searched factor: long_factor past original_context, short_factor within it; cos and sin scaled by √(1 + ln factor / ln original_context).',
  params: keysOf('longrope'),
};
