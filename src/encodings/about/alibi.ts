// What the UI shows for the 'alibi' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import type { CatalogEntry } from './entry.ts';

const alibiTex = (heads: number | null): string => {
  const score = String.raw`s_h(i,j) = q_i^\top k_j - m_h\,|i-j|,\quad `;
  if (heads === null)
    return score + String.raw`m_h = 2^{-8h/H}\ \ (h = 1,\dots,H;\ H\ \text{a power of two})`;
  if ((heads & (heads - 1)) === 0)
    return score + String.raw`m_h = 2^{-8h/${heads}}\ \ (h = 1,\dots,${heads})`;
  const c = 2 ** Math.floor(Math.log2(heads));
  return (
    score +
    String.raw`m_h = 2^{-8h/${c}}\ \ (h = 1,\dots,${c}),\quad m_{${c}+k} = 2^{-4(2k-1)/${c}}\ \ (k = 1,\dots,${heads - c};\ H = ${heads})`
  );
};

export const alibi: CatalogEntry = {
  label: 'ALiBi',
  kind: 'bias',
  biasCaption: 'Added to the attention scores: −m·|i − j|.',
  paper: 'Press et al. 2022, Train Short, Test Long: Attention with Linear Biases',
  blurb:
    'Nothing is added to the input: each head subtracts its slope times the distance |i − j| from the ' +
    'attention score. Slopes form a geometric sequence, 1/2 … 1/256 for 8 heads.',
  params: ['heads'],
  formula: alibiTex(null),
  formulaWith: (p) => alibiTex(p.heads),
};
