// Names, parameters and formulas of the schemes, as data. The UI reads this module; it imports no tfjs.
// Formulas are KaTeX LaTeX; formulaWith() gives the same formula with the current numbers substituted.
import type { EncodingName, EncodingParams } from '../protocol/specs.ts';

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
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

const sinusoidalTex = (base: string, d: string, halfD: string, half: boolean): string => {
  const [a, b] = half ? ['i', `i+${halfD}`] : ['2i', '2i+1'];
  const w = String.raw`\frac{p}{${base}^{2i/${d}}}`;
  return String.raw`\mathrm{PE}_{p,\,${a}} = \sin\!\left(${w}\right),\quad \mathrm{PE}_{p,\,${b}} = \cos\!\left(${w}\right)`;
};

const ropeTex = (base: string, d: string, halfD: string, half: boolean): string => {
  const [a, b] = half ? ['i', `i+${halfD}`] : ['2i', '2i+1'];
  return (
    String.raw`\begin{pmatrix} x'_{${a}} \\ x'_{${b}} \end{pmatrix} = ` +
    String.raw`\begin{pmatrix} \cos p\theta_i & -\sin p\theta_i \\ \sin p\theta_i & \cos p\theta_i \end{pmatrix}` +
    String.raw`\begin{pmatrix} x_{${a}} \\ x_{${b}} \end{pmatrix},\quad \theta_i = ${base}^{-2i/${d}}`
  );
};

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

const t5Tex = (B: string, e: string, maxdist: string, side: string): string =>
  String.raw`s_h(i,j) = q_i^\top k_j + b_h[\mathrm{bucket}(j-i)],\quad ` +
  String.raw`\mathrm{bucket}: n \mapsto \begin{cases} n & n < ${e} \\ ` +
  String.raw`\min\!\left(${B}-1,\ ${e} + \left\lfloor \frac{\ln(n/${e})}{\ln(${maxdist}/${e})}\,(${B}-${e}) \right\rfloor\right) & n \ge ${e} \end{cases}` +
  side;

export const CATALOG: { [K in EncodingName]: CatalogEntry } = {
  sinusoidal: {
    label: 'Sinusoidal',
    kind: 'additive',
    paper: 'Vaswani et al. 2017, Attention Is All You Need, §3.5',
    blurb:
      'PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)). Each pair of dimensions is a clock ' +
      'turning at its own speed; the fastest (dimension 0) repeats every 2π positions.',
    params: ['base', 'layout'],
    formula: sinusoidalTex(String.raw`\mathrm{base}`, 'd', 'd/2', false),
    formulaWith: (p, d) => sinusoidalTex(num(p.base), num(d), num(d / 2), p.layout === 'half'),
  },
  learned: {
    label: 'Learned (GPT-2, BERT)',
    kind: 'additive',
    paper: 'Radford et al. 2019 (GPT-2); Devlin et al. 2019 (BERT)',
    blurb:
      'A trainable table with one row per position, added to the token embeddings. Shown as initialised, ' +
      'N(0, 0.02²) noise: nothing ties neighbouring positions together until training does.',
    params: [],
    formula: String.raw`\mathrm{PE}_{p} = W_{\mathrm{pos}}[p],\quad W_{\mathrm{pos}} \in \mathbb{R}^{N \times d},\ \ W_{\mathrm{pos}}[p,i] \sim \mathcal{N}(0,\ 0.02^2)`,
    formulaWith: (p, d) =>
      String.raw`\mathrm{PE}_{p} = W_{\mathrm{pos}}[p],\quad W_{\mathrm{pos}} \in \mathbb{R}^{${num(p.positions)} \times ${num(d)}},\ \ W_{\mathrm{pos}}[p,i] \sim \mathcal{N}(0,\ 0.02^2)`,
  },
  rope: {
    label: 'Rotary (RoPE)',
    kind: 'rotary',
    paper: 'Su et al. 2021, RoFormer: Enhanced Transformer with Rotary Position Embedding',
    blurb:
      'Nothing is added: each pair of query and key dimensions is rotated by p·θ_i, so the score of query m and ' +
      'key n depends only on m − n. Interleaved pairs (2i, 2i+1) as in the paper, or rotate-half (i, i + d/2) as ' +
      'in GPT-NeoX and Llama.',
    params: ['base', 'layout'],
    formula: ropeTex(String.raw`\mathrm{base}`, 'd', 'd/2', false),
    formulaWith: (p, d) => ropeTex(num(p.base), num(d), num(d / 2), p.layout === 'half'),
  },
  alibi: {
    label: 'ALiBi',
    kind: 'bias',
    paper: 'Press et al. 2022, Train Short, Test Long: Attention with Linear Biases',
    blurb:
      'Nothing is added to the input: each head subtracts its slope times the distance |i − j| from the ' +
      'attention score. Slopes form a geometric sequence, 1/2 … 1/256 for 8 heads.',
    params: ['heads'],
    formula: alibiTex(null),
    formulaWith: (p) => alibiTex(p.heads),
  },
  t5: {
    label: 'T5 relative bias',
    kind: 'bias',
    paper: 'Raffel et al. 2020, Exploring the Limits of Transfer Learning (T5)',
    blurb:
      'Each head adds a learned scalar chosen by the bucket of the offset j − i: small offsets get a bucket ' +
      'each, larger ones share logarithmically wider buckets, and offsets beyond max distance share the last.',
    params: ['heads', 'buckets', 'maxdist', 'bidirectional'],
    formula: t5Tex(
      "B'",
      'e',
      String.raw`\mathrm{maxdist}`,
      String.raw`,\quad n = |j-i|\ \ (+B'\ \text{if}\ j > i),\quad B' = \lfloor B/2 \rfloor,\ e = \lfloor B'/2 \rfloor`,
    ),
    formulaWith: (p) => {
      const B = p.bidirectional ? Math.floor(p.buckets / 2) : p.buckets;
      const e = Math.floor(B / 2);
      const side = p.bidirectional
        ? String.raw`,\quad n = |j-i|\ \ (+${B}\ \text{if}\ j > i)`
        : String.raw`,\quad n = \max(i-j,\ 0)`;
      return t5Tex(num(B), num(e), num(p.maxdist), side);
    },
  },
  none: {
    label: 'None',
    kind: 'additive',
    paper: 'contrast case',
    blurb:
      'Nothing is added: X = E. Shuffle the words and X only has its rows shuffled, so the model cannot tell ' +
      'word order.',
    params: [],
    formula: String.raw`\mathrm{PE}_{p,\,i} = 0,\quad X = E`,
    formulaWith: () => String.raw`\mathrm{PE}_{p,\,i} = 0,\quad X = E`,
  },
  'pitfall-linear': {
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
  },
  'pitfall-scalar': {
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
  },
};
