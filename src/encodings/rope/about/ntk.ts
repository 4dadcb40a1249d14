// What the UI shows for the RoPE rule 'ntk' (data only).
import { keysOf, type RopeRuleEntry } from './entry.ts';

export const ntkRule: RopeRuleEntry = {
  label: 'NTK-aware',
  source: 'bloc97 2023; HF _compute_ntk_parameters',
  blurb: 'The base grows to base·factor^(n/(n−2)): the fastest pair is kept, the slowest divided by factor.',
  params: keysOf('ntk'),
};
