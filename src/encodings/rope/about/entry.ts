// The shape of a RoPE frequency rule's catalog entry, shared by the files beside it (data only, no tfjs).
import { ROPE_RULE_FIELDS, ROPE_URL_KEYS, type RopeType } from '../../../protocol/rope.ts';

export interface RopeRuleEntry {
  label: string;
  /** Where the rule comes from (paper or post) and the Hugging Face function it follows. */
  source: string;
  /** One line a learner can read on screen. */
  blurb: string;
  /** The URL keys the rule reads besides base, head_dim and rotary_pct. */
  params: ReadonlyArray<(typeof ROPE_URL_KEYS)[keyof typeof ROPE_URL_KEYS]>;
}

/** The URL keys of a rule's parameters, from protocol/rope.ts (one list for validation and the UI). */
export const keysOf = (rule: RopeType): RopeRuleEntry['params'] =>
  ROPE_RULE_FIELDS[rule].fields.map((f) => ROPE_URL_KEYS[f]);
