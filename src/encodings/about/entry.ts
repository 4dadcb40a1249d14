// The shape of a scheme's catalog entry, shared by the files beside it (data only, no tfjs).
import type { EncodingParams } from '../../protocol/specs.ts';

export type CatalogParam =
  'base' | 'layout' | 'heads' | 'buckets' | 'maxdist' | 'bidirectional' | 'positions';

export interface CatalogEntry {
  label: string;
  kind: 'additive' | 'rotary' | 'bias';
  paper: string;
  /** One or two sentences a learner can read on screen. */
  blurb: string;
  /** Which shared parameters the scheme reads. */
  params: ReadonlyArray<CatalogParam>;
  /** The scheme's formula in KaTeX LaTeX, with symbols (\mathrm{base}, d, H, …). */
  formula: string;
  /** The same formula with the current values substituted (and the current layout's indices, where it has one). */
  formulaWith(p: EncodingParams, d: number): string;
  /** Pitfalls only: one or two sentences shown on screen saying why the formula fails. */
  fails?: string;
  /** The position table is parameters (learned): no rows exist past the table it was trained with. */
  learnedTable?: boolean;
  /** Which columns form a pair in the table follows the layout (interleaved 2i, 2i+1 or half-split i, i + d/2). */
  pairsFollowLayout?: boolean;
  /** The table's frequencies form a geometric ladder worth plotting (wavelength 2π·base^(2i/d)). */
  wavelengthLadder?: boolean;
  /** Adds nothing at the input: PE is zero, so X = E. */
  addsNothing?: boolean;
  /** Bias schemes: the caption under each head's bias matrix. */
  biasCaption?: string;
}

/** A number as a formula shows it: integers as they are, others to 6 significant digits. */
export const num = (x: number): string =>
  Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
