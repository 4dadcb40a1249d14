// What the UI shows for the RoPE rule 'dynamic' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const dynamicRule: RopeRuleEntry = {
  label: 'Dynamic NTK',
  source: 'bloc97 and emozilla 2023; HF _compute_dynamic_ntk_parameters',
  blurb:
    'NTK scaling that grows with the sequence: the base changes only past original_context (here: positions).',
  params: keysOf('dynamic'),
};
