// What the UI shows for the 'learned' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import { num, type CatalogEntry } from './entry.ts';

export const learned: CatalogEntry = {
  label: 'Learned (GPT-2, BERT)',
  kind: 'additive',
  learnedTable: true,
  paper: 'Radford et al. 2019 (GPT-2); Devlin et al. 2019 (BERT)',
  blurb:
    'A trainable table with one row per position, added to the token embeddings. Shown as initialised, ' +
    'N(0, 0.02²) noise: nothing ties neighbouring positions together until training does.',
  params: [],
  formula: String.raw`\mathrm{PE}_{p} = W_{\mathrm{pos}}[p],\quad W_{\mathrm{pos}} \in \mathbb{R}^{N \times d},\ \ W_{\mathrm{pos}}[p,i] \sim \mathcal{N}(0,\ 0.02^2)`,
  formulaWith: (p, d) =>
    String.raw`\mathrm{PE}_{p} = W_{\mathrm{pos}}[p],\quad W_{\mathrm{pos}} \in \mathbb{R}^{${num(p.positions)} \times ${num(d)}},\ \ W_{\mathrm{pos}}[p,i] \sim \mathcal{N}(0,\ 0.02^2)`,
};
