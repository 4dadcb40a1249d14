// What the UI shows for the 'rope' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import { ropeWidth } from '../../protocol/rope.ts';
import { num, type CatalogEntry } from './entry.ts';

const ropeTex = (base: string, d: string, halfD: string, half: boolean): string => {
  const [a, b] = half ? ['i', `i+${halfD}`] : ['2i', '2i+1'];
  return (
    String.raw`\begin{pmatrix} x'_{${a}} \\ x'_{${b}} \end{pmatrix} = ` +
    String.raw`\begin{pmatrix} \cos p\theta_i & -\sin p\theta_i \\ \sin p\theta_i & \cos p\theta_i \end{pmatrix}` +
    String.raw`\begin{pmatrix} x_{${a}} \\ x_{${b}} \end{pmatrix},\quad \theta_i = ${base}^{-2i/${d}}`
  );
};

export const rope: CatalogEntry = {
  label: 'Rotary (RoPE)',
  kind: 'rotary',
  paper: 'Su et al. 2021, RoFormer: Enhanced Transformer with Rotary Position Embedding',
  blurb:
    'Nothing is added: each pair of query and key dimensions is rotated by p·θ_i, so the score of query m and ' +
    'key n depends only on m − n. Interleaved pairs (2i, 2i+1) as in the paper, or rotate-half (i, i + d/2) as ' +
    'in GPT-NeoX and Llama.',
  params: ['base', 'layout'],
  formula: ropeTex(String.raw`\mathrm{base}`, 'd', 'd/2', false),
  // θ_i's exponent runs over the rotated width n = int(head_dim · rotary_pct), as in HF's inv_freq (d by default).
  formulaWith: (p, d) => {
    const n = ropeWidth(p, d).rotaryDim;
    return ropeTex(num(p.base), num(n), num(n / 2), p.layout === 'half');
  },
};
