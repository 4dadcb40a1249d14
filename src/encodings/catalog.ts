// Names, parameters and formulas of the schemes, as data. The UI reads this module; it imports no tfjs.
import type { EncodingName } from '../protocol/specs.ts';

export interface CatalogEntry {
  label: string;
  kind: 'additive' | 'rotary' | 'bias';
  paper: string;
  /** One or two sentences a learner can read on screen. */
  blurb: string;
  /** Which shared parameters the scheme reads. */
  params: ReadonlyArray<'base' | 'layout'>;
}

export const CATALOG: { [K in EncodingName]: CatalogEntry } = {
  sinusoidal: {
    label: 'Sinusoidal',
    kind: 'additive',
    paper: 'Vaswani et al. 2017, Attention Is All You Need, §3.5',
    blurb:
      'PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)). Each pair of dimensions is a clock ' +
      'turning at its own speed; the fastest (dimension 0) repeats every 2π positions.',
    params: ['base', 'layout'],
  },
  none: {
    label: 'None',
    kind: 'additive',
    paper: 'contrast case',
    blurb:
      'Nothing is added: X = E. Shuffle the words and X only has its rows shuffled, so the model cannot tell ' +
      'word order.',
    params: [],
  },
};
