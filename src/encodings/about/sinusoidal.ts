// What the UI shows for the 'sinusoidal' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import { num, type CatalogEntry } from './entry.ts';

const sinusoidalTex = (base: string, d: string, halfD: string, half: boolean): string => {
  const [a, b] = half ? ['i', `i+${halfD}`] : ['2i', '2i+1'];
  const w = String.raw`\frac{p}{${base}^{2i/${d}}}`;
  return String.raw`\mathrm{PE}_{p,\,${a}} = \sin\!\left(${w}\right),\quad \mathrm{PE}_{p,\,${b}} = \cos\!\left(${w}\right)`;
};

export const sinusoidal: CatalogEntry = {
  label: 'Sinusoidal',
  kind: 'additive',
  pairsFollowLayout: true,
  wavelengthLadder: true,
  paper: 'Vaswani et al. 2017, Attention Is All You Need, §3.5',
  blurb:
    'PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)). Each pair of dimensions is a clock ' +
    'turning at its own speed; the fastest (dimension 0) repeats every 2π positions.',
  params: ['base', 'layout'],
  formula: sinusoidalTex(String.raw`\mathrm{base}`, 'd', 'd/2', false),
  formulaWith: (p, d) => sinusoidalTex(num(p.base), num(d), num(d / 2), p.layout === 'half'),
};
