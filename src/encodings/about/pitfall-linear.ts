// What the UI shows for the 'pitfall-linear' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import { num, type CatalogEntry } from './entry.ts';

export const pitfallLinear: CatalogEntry = {
  label: 'Pitfall: linear p / base^(i/d)',
  kind: 'additive',
  paper: 'no paper: a tutorial mis-copy of Vaswani et al. 2017',
  blurb: 'The sinusoidal formula with the sin and cos dropped and 2i turned into i.',
  params: ['base'],
  formula: String.raw`\mathrm{PE}_{p,\,i} = \frac{p}{\mathrm{base}^{i/d}}`,
  formulaWith: (p, d) => String.raw`\mathrm{PE}_{p,\,i} = \frac{p}{${num(p.base)}^{i/${num(d)}}}`,
  fails:
    'Unbounded: dimension 0 is p itself, so the encoding grows linearly with position and at large p swamps ' +
    'the token embedding, leaving X almost all position and no token.',
};
