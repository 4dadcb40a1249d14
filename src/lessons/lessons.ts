// The seven guided lesson steps as data: text keys (strings.ts), a live KaTeX formula, the state the views are
// set to when the step opens (`setup`) and the "try this" buttons. Pure: no React, no store, no engine.
// Conventions: a Patch touches only the fields it names; spec.params merge key by key. A patch may be a
// function of the current view (the shuffle needs the current words). Setups of steps 1–4 fix the tokenizer,
// the random table and d = 64 so the numbers in the prose hold; steps 5–6 leave them, so a loaded checkpoint
// (GPT-2's tables) survives. No setup sets the text: a teacher's own sentence stays across steps. Every setup
// opens the tab that holds what its "where to look" names first (the lab's views for steps 4–6 and 8).
import { CATALOG } from '../encodings/catalog.ts';
import type { ViewState } from '../client/urlState.ts';
import { DEFAULT_TEXT, type EncodingParams, type ProjectionSpec, type RunSpec } from '../protocol/specs.ts';
import type { StringKey } from './strings.ts';
import { STEP_7 } from './step7.ts';
import { STEP_8 } from './step8.ts';
import { shuffleWords } from './shuffle.ts';

export { shuffleWords };

export interface SpecPatch extends Partial<Omit<RunSpec, 'params'>> {
  params?: Partial<EncodingParams>;
}

export interface Patch {
  spec?: SpecPatch;
  view?: Partial<Omit<ViewState, 'spec' | 'proj' | 'lesson'>>;
  proj?: Partial<ProjectionSpec>;
}

/** A fixed patch, or one computed from the current view. */
export type PatchSource = Patch | ((view: ViewState) => Patch);

export interface TryThis {
  /** Stable within its step; the string keys are s<step>.try.<id> and s<step>.note.<id>. */
  id: string;
  label: StringKey;
  /** Shown after the button is pressed: what to look for. */
  note: StringKey;
  patch: PatchSource;
}

/** What a formula may read: the current state and the tokenizer's vocabulary size (null before a run). */
export interface FormulaContext {
  view: ViewState;
  vocabSize: number | null;
}

export interface LessonStep {
  id: number;
  title: StringKey;
  body: StringKey;
  /** Which panels to look at. */
  look: StringKey;
  /** The formula read aloud (aria-label). */
  formulaLabel: StringKey;
  formula: (ctx: FormulaContext) => string;
  setup: PatchSource;
  tryThis: readonly TryThis[];
}

/** The view after `source`; dimensions past the new d are dropped from the curves so the URL stays valid. */
export function applyPatch(view: ViewState, source: PatchSource): ViewState {
  const patch = typeof source === 'function' ? source(view) : source;
  const { params, ...spec } = patch.spec ?? {};
  const next: ViewState = {
    ...view,
    ...patch.view,
    spec: { ...view.spec, ...spec, params: { ...view.spec.params, ...params } },
    proj: { ...view.proj, ...patch.proj },
  };
  return { ...next, dims: next.dims.filter((j) => j < next.spec.d) };
}

/** An integer with TeX thousands separators: 38{,}597{,}376. */
export function texInt(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, '{,}');
}

/** A positive number for TeX: integers and values from 1000 up rounded, with separators; others to 4 digits. */
export function texNum(x: number): string {
  return Number.isInteger(x) || x >= 1000 ? texInt(x) : String(Number(x.toPrecision(4)));
}

/** The exponent −8/H of the first ALiBi slope for a power-of-two H, as TeX. */
function firstSlopeExponent(H: number): string {
  return H <= 8 ? `-${8 / H}` : `-\\frac{1}{${H / 8}}`;
}

const BASE_SETUP: SpecPatch = {
  tokenizer: 'word',
  embedding: 'random',
  init: 'normal',
  d: 64,
  scaleEmbeddings: false,
  causal: false,
};

const SIN_PARAMS: Partial<EncodingParams> = { base: 10000, layout: 'interleaved', positions: 512 };

export const UNKNOWN_WORD_TEXT = 'The quokka sat on the mat.';

const example = (label: StringKey, note: StringKey): TryThis => ({
  id: 'example',
  label,
  note,
  patch: { spec: { text: DEFAULT_TEXT } },
});

export const LESSONS: readonly LessonStep[] = [
  {
    id: 1,
    title: 's1.title',
    body: 's1.body',
    look: 's1.look',
    formulaLabel: 's1.formula',
    formula: ({ view, vocabSize }) => {
      const V = vocabSize === null ? 'V' : texInt(vocabSize);
      const top = vocabSize === null ? 'V-1' : texInt(vocabSize - 1);
      const unk =
        view.spec.tokenizer === 'word'
          ? String.raw`,\qquad t_p \notin \mathcal{V} \;\Rightarrow\; x_p = 0\ (\mathtt{[UNK]})`
          : '';
      return (
        String.raw`s \;\mapsto\; (t_0, \dots, t_{T-1}) \;\mapsto\; (x_0, \dots, x_{T-1}),\quad ` +
        String.raw`x_p \in \{0, \dots, ${top}\},\ |\mathcal{V}| = ${V}` +
        unk
      );
    },
    setup: { spec: { ...BASE_SETUP, pe: 'sinusoidal', params: SIN_PARAMS }, view: { tab: 'explore' } },
    tryThis: [
      {
        id: 'example',
        label: 's1.try.example',
        note: 's1.note.example',
        patch: { spec: { text: DEFAULT_TEXT, tokenizer: 'word' } },
      },
      {
        id: 'unk',
        label: 's1.try.unk',
        note: 's1.note.unk',
        patch: { spec: { text: UNKNOWN_WORD_TEXT, tokenizer: 'word' } },
      },
      {
        id: 'gpt2',
        label: 's1.try.gpt2',
        note: 's1.note.gpt2',
        patch: { spec: { text: UNKNOWN_WORD_TEXT, tokenizer: 'gpt2' } },
      },
      {
        id: 'char',
        label: 's1.try.char',
        note: 's1.note.char',
        patch: { spec: { text: UNKNOWN_WORD_TEXT, tokenizer: 'char' } },
      },
    ],
  },
  {
    id: 2,
    title: 's2.title',
    body: 's2.body',
    look: 's2.look',
    formulaLabel: 's2.formula',
    formula: ({ view, vocabSize }) => {
      const { d, scaleEmbeddings } = view.spec;
      const count =
        vocabSize === null
          ? String.raw`V \cdot d = V \cdot ${d}`
          : String.raw`V \cdot d = ${texInt(vocabSize)} \cdot ${d} = ${texInt(vocabSize * d)}`;
      const scale = scaleEmbeddings ? String.raw`\sqrt{${d}}\;` : '';
      return (
        String.raw`E_p = ${scale}W_E[x_p,\,:\,] = ${scale}\mathbf{e}_{x_p}^{\top} W_E,\qquad ` +
        String.raw`W_E \in \mathbb{R}^{V \times d},\quad ${count}`
      );
    },
    setup: {
      spec: BASE_SETUP,
      view: { tab: 'explore' },
      proj: { source: 'tokens', method: 'pca', withPositions: false },
    },
    tryThis: [
      example('s2.try.example', 's2.note.example'),
      {
        id: 'wide',
        label: 's2.try.wide',
        note: 's2.note.wide',
        patch: { spec: { embedding: 'random', d: 128 } },
      },
      {
        id: 'glove',
        label: 's2.try.glove',
        note: 's2.note.glove',
        patch: { spec: { embedding: 'glove-100d', tokenizer: 'word', d: 100 } },
      },
      { id: 'random', label: 's2.try.random', note: 's2.note.random', patch: { spec: BASE_SETUP } },
    ],
  },
  {
    id: 3,
    title: 's3.title',
    body: 's3.body',
    look: 's3.look',
    formulaLabel: 's3.formula',
    formula: ({ view }) =>
      String.raw`\mathrm{PE} = 0:\ X = E,\qquad X' = P_\pi X \;\Rightarrow\; \mathrm{Attn}(X') = P_\pi\,\mathrm{Attn}(X),` +
      String.raw`\quad \mathrm{Attn}(X) = \mathrm{softmax}\!\left(\frac{X W_Q\,(X W_K)^{\top}}{\sqrt{d_k}}\right) X W_V` +
      (CATALOG[view.spec.pe].addsNothing ? '' : String.raw`\qquad (\mathrm{PE} \ne 0:\ X' \ne P_\pi X)`),
    setup: {
      spec: { ...BASE_SETUP, pe: 'sinusoidal', params: SIN_PARAMS },
      view: { tab: 'explore' },
      proj: { source: 'tokens', method: 'pca', withPositions: true },
    },
    tryThis: [
      {
        id: 'shuffle',
        label: 's3.try.shuffle',
        note: 's3.note.shuffle',
        patch: (view) => ({ spec: { text: shuffleWords(view.spec.text), pe: 'none', causal: false } }),
      },
      {
        id: 'sinusoidal',
        label: 's3.try.sinusoidal',
        note: 's3.note.sinusoidal',
        patch: { spec: { pe: 'sinusoidal' } },
      },
      example('s3.try.example', 's3.note.example'),
    ],
  },
  {
    id: 4,
    title: 's4.title',
    body: 's4.body',
    look: 's4.look',
    formulaLabel: 's4.formula',
    formula: ({ view }) => {
      const { d, params } = view.spec;
      const base = `{${texNum(params.base)}}`;
      const [a, b] = params.layout === 'half' ? ['i', `i+${d / 2}`] : ['2i', '2i+1'];
      const longest = 2 * Math.PI * Math.pow(params.base, (d - 2) / d);
      return (
        String.raw`\begin{gathered}` +
        String.raw`\mathrm{PE}_{p,\,${a}} = \sin(p\,\omega_i),\quad \mathrm{PE}_{p,\,${b}} = \cos(p\,\omega_i),\quad ` +
        String.raw`\omega_i = ${base}^{-2i/${d}},\quad \lambda_i = \frac{2\pi}{\omega_i} \in [\,2\pi,\ ${texNum(longest)}\,] \\ ` +
        String.raw`\begin{pmatrix} \mathrm{PE}_{p+k,\,${a}} \\ \mathrm{PE}_{p+k,\,${b}} \end{pmatrix} = ` +
        String.raw`\begin{pmatrix} \cos k\omega_i & \sin k\omega_i \\ -\sin k\omega_i & \cos k\omega_i \end{pmatrix}` +
        String.raw`\begin{pmatrix} \mathrm{PE}_{p,\,${a}} \\ \mathrm{PE}_{p,\,${b}} \end{pmatrix},\quad ` +
        String.raw`\mathrm{PE}_p \cdot \mathrm{PE}_{p+k} = \sum_{i=0}^{${d / 2 - 1}} \cos k\omega_i` +
        String.raw`\end{gathered}`
      );
    },
    setup: {
      spec: { ...BASE_SETUP, pe: 'sinusoidal', params: SIN_PARAMS },
      view: { tab: 'lab', dims: [0, 1, 20, 21] },
      proj: { source: 'positions', method: 'pca' },
    },
    tryThis: [
      {
        id: 'fast',
        label: 's4.try.fast',
        note: 's4.note.fast',
        patch: { spec: { pe: 'sinusoidal' }, view: { dims: [0, 1] } },
      },
      {
        id: 'pair10',
        label: 's4.try.pair10',
        note: 's4.note.pair10',
        patch: { spec: { pe: 'sinusoidal' }, view: { dims: [20, 21] } },
      },
      {
        id: 'base100',
        label: 's4.try.base100',
        note: 's4.note.base100',
        patch: { spec: { pe: 'sinusoidal', params: { base: 100 } } },
      },
      {
        id: 'base10000',
        label: 's4.try.base10000',
        note: 's4.note.base10000',
        patch: { spec: { pe: 'sinusoidal', params: { base: 10000 } } },
      },
    ],
  },
  {
    id: 5,
    title: 's5.title',
    body: 's5.body',
    look: 's5.look',
    formulaLabel: 's5.formula',
    formula: ({ view }) => {
      const N = view.spec.params.positions;
      const L = view.trainLength;
      return (
        String.raw`\underbrace{W_{\mathrm{pos}}[p]}_{p\,\in\,\{0,\dots,${texInt(N - 1)}\}}` +
        String.raw`\quad\big|\quad \underbrace{\sin(p\,\omega_i),\ \cos(p\,\omega_i)}_{p\,\in\,\mathbb{N}},\qquad ` +
        String.raw`\frac{\partial \mathcal{L}}{\partial W_{\mathrm{pos}}[p]} = 0\ \ (p \ge L = ${texInt(L)}),\qquad ` +
        String.raw`\mathrm{GPT\text{-}2}:\ W_{\mathrm{pos}} \in \mathbb{R}^{1024 \times 768}`
      );
    },
    setup: {
      spec: { pe: 'learned', causal: false, params: { positions: 512 } },
      view: { tab: 'lab', trainLength: 256 },
      proj: { source: 'positions', method: 'pca' },
    },
    tryThis: [
      {
        id: 'sinusoidal',
        label: 's5.try.sinusoidal',
        note: 's5.note.sinusoidal',
        patch: { spec: { pe: 'sinusoidal' } },
      },
      { id: 'learned', label: 's5.try.learned', note: 's5.note.learned', patch: { spec: { pe: 'learned' } } },
      { id: 'short', label: 's5.try.short', note: 's5.note.short', patch: { view: { trainLength: 128 } } },
    ],
  },
  {
    id: 6,
    title: 's6.title',
    body: 's6.body',
    look: 's6.look',
    formulaLabel: 's6.formula',
    formula: ({ view }) => {
      const { d, params } = view.spec;
      const H = params.heads;
      const slopes =
        (H & (H - 1)) === 0
          ? String.raw`\ \ (H = ${H}:\ m_1 = 2^{${firstSlopeExponent(H)}},\ \dots,\ m_{${H}} = 2^{-8} = \tfrac{1}{256})`
          : '';
      return (
        String.raw`\begin{gathered}` +
        String.raw`\langle R_m q,\ R_n k\rangle = q^{\top} R_m^{\top} R_n\, k = q^{\top} R_{n-m}\, k,\quad ` +
        String.raw`R_m = \mathrm{diag}\big(\mathrm{rot}(m\theta_0), \dots, \mathrm{rot}(m\theta_{${d / 2 - 1}})\big),\ ` +
        String.raw`\theta_i = {${texNum(params.base)}}^{-2i/${d}} \\ ` +
        String.raw`s_h(i, j) = q_i^{\top} k_j - m_h\,(i - j)\ \ (j \le i),\quad m_h = 2^{-8h/H}` +
        slopes +
        String.raw`\end{gathered}`
      );
    },
    setup: {
      spec: { pe: 'rope', params: { base: 10000, layout: 'interleaved', heads: 8 } },
      view: { tab: 'lab' },
    },
    tryThis: [
      { id: 'alibi', label: 's6.try.alibi', note: 's6.note.alibi', patch: { spec: { pe: 'alibi' } } },
      {
        id: 'rope',
        label: 's6.try.rope',
        note: 's6.note.rope',
        patch: { spec: { pe: 'rope', params: { base: 10000 } } },
      },
      {
        id: 'llama3',
        label: 's6.try.llama3',
        note: 's6.note.llama3',
        patch: { spec: { pe: 'rope', params: { base: 500000 } } },
      },
      {
        id: 'heads16',
        label: 's6.try.heads16',
        note: 's6.note.heads16',
        patch: { spec: { pe: 'alibi', params: { heads: 16 } } },
      },
    ],
  },
  STEP_7, // the sigmoid embedding pitfall (step7.ts)
  STEP_8, // RoPE past the training length (step8.ts)
];

/** The step with this id, or null. */
export function stepAt(id: number | null): LessonStep | null {
  return LESSONS.find((s) => s.id === id) ?? null;
}
