// The typed map of RoPE frequency rules: a missing entry is a type error, an unknown name throws.
import type { RopeType } from '../../protocol/rope.ts';
import type { RopeRule } from './rule.ts';
import { defaultRule } from './default.ts';
import { linearRule } from './linear.ts';
import { ntkRule } from './ntk.ts';
import { dynamicRule } from './dynamic.ts';
import { yarnRule } from './yarn.ts';
import { llama3Rule } from './llama3.ts';
import { longropeRule } from './longrope.ts';
import { unknownName } from '../../protocol/msg.ts';

const rules: { [K in RopeType]: RopeRule } = {
  default: defaultRule,
  linear: linearRule,
  ntk: ntkRule,
  dynamic: dynamicRule,
  yarn: yarnRule,
  llama3: llama3Rule,
  longrope: longropeRule,
};

export function getRopeRule(name: string): RopeRule {
  if (Object.prototype.hasOwnProperty.call(rules, name)) return rules[name as RopeType];
  throw unknownName('ropeRule', name);
}
