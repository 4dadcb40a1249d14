// The typed map of schemes: a missing entry is a type error, an unknown name throws.
import type { EncodingName } from '../protocol/specs.ts';
import type { Scheme } from './scheme.ts';
import { sinusoidal } from './sinusoidal.ts';
import { learned } from './learned.ts';
import { rope } from './rope.ts';
import { alibi } from './alibi.ts';
import { t5 } from './t5.ts';
import { none } from './none.ts';
import { pitfallLinear } from './pitfall-linear.ts';
import { pitfallScalar } from './pitfall-scalar.ts';
import { unknownName } from '../protocol/msg.ts';

const schemes: { [K in EncodingName]: Scheme } = {
  sinusoidal,
  learned,
  rope,
  alibi,
  t5,
  none,
  'pitfall-linear': pitfallLinear,
  'pitfall-scalar': pitfallScalar,
};

export function getScheme(name: string): Scheme {
  if (Object.prototype.hasOwnProperty.call(schemes, name)) return schemes[name as EncodingName];
  throw unknownName('encoding', name);
}
