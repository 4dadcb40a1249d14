// Names, parameters and formulas of the schemes, as data. The UI reads this module; it imports no tfjs.
// Formulas are KaTeX LaTeX; formulaWith() gives the same formula with the current numbers substituted.
// One file per scheme under about/ (DESIGN.md: one scheme, one file); this module only assembles them.
import type { EncodingName } from '../protocol/specs.ts';
import type { CatalogEntry } from './about/entry.ts';
import { sinusoidal } from './about/sinusoidal.ts';
import { learned } from './about/learned.ts';
import { rope } from './about/rope.ts';
import { alibi } from './about/alibi.ts';
import { t5 } from './about/t5.ts';
import { none } from './about/none.ts';
import { pitfallLinear } from './about/pitfall-linear.ts';
import { pitfallScalar } from './about/pitfall-scalar.ts';

export type { CatalogEntry, CatalogParam } from './about/entry.ts';

export const CATALOG: { [K in EncodingName]: CatalogEntry } = {
  sinusoidal,
  learned,
  rope,
  alibi,
  t5,
  none,
  'pitfall-linear': pitfallLinear,
  'pitfall-scalar': pitfallScalar,
};

export { ROPE_CATALOG, type RopeRuleEntry } from './rope/about/catalog.ts';
