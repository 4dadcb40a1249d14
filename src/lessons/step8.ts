// Lesson step 8: RoPE past the training length (issue #15 item 6). Why the low-frequency pairs break first, and
// what position interpolation (linear), NTK, YaRN and llama3 each do to them. The setup fixes the numbers the prose
// quotes (scripts/reference/lesson7.py): n = d = 128 rotated dimensions, base 10,000, original context L = 2048,
// table N = 8192 positions, factor s = 4, beta 32/1, low/high 1/4.
import type { EncodingParams } from '../protocol/specs.ts';
import type { LessonStep, TryThis } from './lessons.ts';
import type { StringKey } from './strings.ts';

const RULE: Partial<EncodingParams> = {
  base: 10000,
  layout: 'half',
  positions: 8192,
  headDim: null,
  rotaryPct: 1,
  ropeType: 'default',
  factor: 4,
  lowFreqFactor: 1,
  highFreqFactor: 4,
  originalContext: 2048,
  betaFast: 32,
  betaSlow: 1,
  attentionFactor: null,
};

const rule = (id: 'default' | 'linear' | 'ntk' | 'yarn' | 'llama3'): TryThis => ({
  id,
  label: `s8.try.${id}` as StringKey,
  note: `s8.note.${id}` as StringKey,
  patch: { spec: { pe: 'rope', params: { ...RULE, ropeType: id } } },
});

/** A number for TeX, with thin-space thousands separators. */
const tex = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US').replace(/,/g, '{,}') : String(x));

export const STEP_8: LessonStep = {
  id: 8,
  title: 's8.title',
  body: 's8.body',
  look: 's8.look',
  formulaLabel: 's8.formula',
  formula: ({ view }) => {
    const p = view.spec.params;
    const n = Math.trunc((p.headDim ?? view.spec.d) * p.rotaryPct);
    return (
      String.raw`\begin{gathered}` +
      String.raw`\theta_i = ${tex(p.base)}^{-2i/${n}},\quad \lambda_i = 2\pi/\theta_i,\quad L = ${tex(p.originalContext)},\quad s = ${tex(p.factor)} \\ ` +
      String.raw`\text{PI: } \theta'_i = \theta_i / s \qquad \text{NTK: } \theta'_i = \big(${tex(p.base)}\, s^{${n}/${n - 2}}\big)^{-2i/${n}} \\ ` +
      String.raw`\text{YaRN, llama3: } \theta'_i = \gamma_i\, \theta_i / s + (1 - \gamma_i)\, \theta_i,\quad \gamma_i: 0 \text{ (fast pairs)} \to 1 \text{ (slow pairs)}` +
      String.raw`\end{gathered}`
    );
  },
  setup: {
    spec: { pe: 'rope', d: 128, embedding: 'random', params: RULE },
    view: { tab: 'lab', trainLength: 2048 },
  },
  tryThis: [rule('default'), rule('linear'), rule('ntk'), rule('yarn'), rule('llama3')],
};
