// What the UI shows for the 'pitfall-scalar' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import { num, type CatalogEntry } from './entry.ts';

export const pitfallScalar: CatalogEntry = {
  label: 'Pitfall: scalar sin + cos',
  kind: 'additive',
  paper: 'no paper: wrongly attributed to BERT, which learns a table',
  blurb: 'One number per position, sin(πp/N) + cos(πp/N), copied into every dimension.',
  params: ['positions'],
  formula: String.raw`\mathrm{PE}_{p,\,i} = \sin\!\left(\frac{\pi p}{N}\right) + \cos\!\left(\frac{\pi p}{N}\right)`,
  formulaWith: (p) =>
    String.raw`\mathrm{PE}_{p,\,i} = \sin\!\left(\frac{\pi p}{${num(p.positions)}}\right) + \cos\!\left(\frac{\pi p}{${num(p.positions)}}\right)`,
  fails:
    'Every dimension holds the same number, and that number, √2·sin(πp/N + π/4), repeats: positions p and ' +
    'N/2 − p get identical rows, so the model cannot tell them apart.',
};
