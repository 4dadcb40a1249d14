// What the UI shows for the RoPE rule 'linear' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const linearRule: RopeRuleEntry = {
  label: 'Linear (position interpolation)',
  source: 'Chen et al. 2023, kaiokendev; HF _compute_linear_scaling_rope_parameters',
  blurb: 'Every frequency divided by factor: positions are squeezed back into the trained range.',
  params: keysOf('linear'),
};
