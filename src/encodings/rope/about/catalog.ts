// Names, sources, blurbs and parameters of the RoPE frequency rules, as data. The UI reads this (through
// encodings/catalog.ts); it imports no tfjs. One file per rule beside it, like encodings/about/.
import type { RopeType } from '../../../protocol/rope.ts';
import type { RopeRuleEntry } from './entry.ts';
import { defaultRule } from './default.ts';
import { linearRule } from './linear.ts';
import { ntkRule } from './ntk.ts';
import { dynamicRule } from './dynamic.ts';
import { yarnRule } from './yarn.ts';
import { llama3Rule } from './llama3.ts';
import { longropeRule } from './longrope.ts';

export type { RopeRuleEntry } from './entry.ts';

export const ROPE_CATALOG: { [K in RopeType]: RopeRuleEntry } = {
  default: defaultRule,
  linear: linearRule,
  ntk: ntkRule,
  dynamic: dynamicRule,
  yarn: yarnRule,
  llama3: llama3Rule,
  longrope: longropeRule,
};
