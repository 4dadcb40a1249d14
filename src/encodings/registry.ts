// The typed map of schemes: a missing entry is a type error, an unknown name throws.
import type { EncodingName } from '../protocol/specs.ts';
import type { Scheme } from './scheme.ts';
import { sinusoidal } from './sinusoidal.ts';
import { none } from './none.ts';

const schemes: { [K in EncodingName]: Scheme } = {
  sinusoidal,
  none,
};

export function getScheme(name: string): Scheme {
  if (Object.prototype.hasOwnProperty.call(schemes, name)) return schemes[name as EncodingName];
  throw new Error(`unknown encoding: ${name}`);
}
