// What the UI shows for the 'none' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import type { CatalogEntry } from './entry.ts';

export const none: CatalogEntry = {
  label: 'None',
  kind: 'additive',
  addsNothing: true,
  paper: 'contrast case',
  blurb:
    'Nothing is added: X = E. Shuffle the words and X only has its rows shuffled, so the model cannot tell ' +
    'word order.',
  params: [],
  formula: String.raw`\mathrm{PE}_{p,\,i} = 0,\quad X = E`,
  formulaWith: () => String.raw`\mathrm{PE}_{p,\,i} = 0,\quad X = E`,
};
