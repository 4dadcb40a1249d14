// What the UI shows for the 't5' scheme: name, paper, blurb, parameters and formula, as data (no tfjs).
import { num, type CatalogEntry } from './entry.ts';

const t5Tex = (B: string, e: string, maxdist: string, side: string): string =>
  String.raw`s_h(i,j) = q_i^\top k_j + b_h[\mathrm{bucket}(j-i)],\quad ` +
  String.raw`\mathrm{bucket}: n \mapsto \begin{cases} n & n < ${e} \\ ` +
  String.raw`\min\!\left(${B}-1,\ ${e} + \left\lfloor \frac{\ln(n/${e})}{\ln(${maxdist}/${e})}\,(${B}-${e}) \right\rfloor\right) & n \ge ${e} \end{cases}` +
  side;

export const t5: CatalogEntry = {
  label: 'T5 relative bias',
  kind: 'bias',
  biasCaption: 'A learned scalar per bucket and head (seeded).',
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
};
