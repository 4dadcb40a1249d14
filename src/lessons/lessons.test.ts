// The lesson steps: every state a lesson can reach is a valid, shareable view; the strings are complete in both
// languages; the formulas parse; and the numbers in the prose match closed forms and published facts
// (Vaswani et al. 2017; Press et al. 2022; GPT-2's 50,257 × 768 token table and 1024 × 768 position table).
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, test } from 'vitest';
import corpus from '../tokenizers/corpus.txt?raw';
import { char } from '../tokenizers/char.ts';
import { splitWords, word } from '../tokenizers/word.ts';
import { DEFAULT_VIEW, LESSON_COUNT, parseHash, toHash, type ViewState } from '../client/urlState.ts';
import { DEFAULT_TEXT, validateProjection, validateSpec } from '../protocol/specs.ts';
import { DEFAULT_ROPE } from '../protocol/rope.ts';
import {
  LESSONS,
  UNKNOWN_WORD_TEXT,
  applyPatch,
  shuffleWords,
  stepAt,
  texInt,
  type LessonStep,
} from './lessons.ts';
import { LANGS, STRINGS, fill, type StringKey } from './strings.ts';

const keysOf = (step: LessonStep): StringKey[] => [
  step.title,
  step.body,
  step.look,
  step.formulaLabel,
  ...step.tryThis.flatMap((t) => [t.label, t.note]),
];

/** Every view a step can show: its setup from the default view, then each try-this from there and from default. */
function statesOf(step: LessonStep): ViewState[] {
  const opened = applyPatch({ ...DEFAULT_VIEW, lesson: step.id }, step.setup);
  return [
    opened,
    ...step.tryThis.map((t) => applyPatch(opened, t.patch)),
    ...step.tryThis.map((t) => applyPatch({ ...DEFAULT_VIEW, lesson: step.id }, t.patch)),
  ];
}

const step = (id: number): LessonStep => {
  const s = stepAt(id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};
const tryOf = (id: number, name: string) => {
  const t = step(id).tryThis.find((x) => x.id === name);
  if (!t) throw new Error(`no try-this ${name} in step ${id}`);
  return t;
};
const wavelength = (base: number, d: number, i: number) => 2 * Math.PI * Math.pow(base, (2 * i) / d);
const en = STRINGS.en;

describe('lesson steps', () => {
  test('there are LESSON_COUNT = 8 steps with ids 1 to 8 in order, and stepAt finds each', () => {
    expect(LESSON_COUNT).toBe(8);
    expect(LESSONS.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of LESSONS) expect(stepAt(s.id)).toBe(s);
    expect(stepAt(0)).toBeNull();
    expect(stepAt(9)).toBeNull();
    expect(stepAt(null)).toBeNull();
  });

  test.each(LESSONS.map((s) => [s.id, s] as const))(
    'step %i: the setup and every try-this give a spec and a projection that validate',
    (_, s) => {
      for (const v of statesOf(s)) {
        expect(validateSpec(v.spec)).toBeNull();
        expect(validateProjection(v.proj)).toBeNull();
        expect(v.dims.every((j) => Number.isInteger(j) && j >= 0 && j < v.spec.d)).toBe(true);
        expect(v.lesson).toBe(s.id);
      }
    },
  );

  test.each(LESSONS.map((s) => [s.id, s] as const))(
    'step %i: every state survives a round trip through the URL unchanged and without notices',
    (_, s) => {
      for (const v of statesOf(s)) {
        const back = parseHash(toHash(v));
        expect(back.notices).toEqual([]);
        expect(back.view).toEqual(v);
      }
    },
  );

  test('opening a step after another step’s try-this restores every field its setup names', () => {
    for (const target of LESSONS) {
      for (const from of LESSONS) {
        for (const t of from.tryThis) {
          const elsewhere = applyPatch(applyPatch(DEFAULT_VIEW, from.setup), t.patch);
          const a = applyPatch(elsewhere, target.setup);
          const b = applyPatch(DEFAULT_VIEW, target.setup);
          const setup = typeof target.setup === 'function' ? target.setup(DEFAULT_VIEW) : target.setup;
          const { params, ...spec } = setup.spec ?? {};
          for (const k of Object.keys(spec) as (keyof typeof spec)[]) expect(a.spec[k]).toEqual(b.spec[k]);
          for (const k of Object.keys(params ?? {}) as (keyof typeof params)[])
            expect(a.spec.params[k]).toEqual(b.spec.params[k]);
          for (const k of Object.keys(setup.view ?? {}) as (keyof ViewState)[]) expect(a[k]).toEqual(b[k]);
          for (const k of Object.keys(setup.proj ?? {}) as (keyof ViewState['proj'])[])
            expect(a.proj[k]).toEqual(b.proj[k]);
        }
      }
    }
  });

  test('no setup changes the text, so a teacher’s own sentence stays across steps', () => {
    const own = { ...DEFAULT_VIEW, spec: { ...DEFAULT_VIEW.spec, text: 'My own sentence.' } };
    for (const s of LESSONS) expect(applyPatch(own, s.setup).spec.text).toBe('My own sentence.');
  });

  test('step 3 shuffles with no positions and then puts sinusoidal back; step 6 opens on RoPE, then ALiBi', () => {
    const opened = applyPatch(DEFAULT_VIEW, step(3).setup);
    const shuffledView = applyPatch(opened, tryOf(3, 'shuffle').patch);
    expect(shuffledView.spec.pe).toBe('none');
    expect(shuffledView.spec.causal).toBe(false);
    const back = applyPatch(shuffledView, tryOf(3, 'sinusoidal').patch);
    expect(back.spec.pe).toBe('sinusoidal');
    expect(back.spec.text).toBe(shuffledView.spec.text);

    const six = applyPatch(DEFAULT_VIEW, step(6).setup);
    expect(six.spec.pe).toBe('rope');
    expect(applyPatch(six, tryOf(6, 'alibi').patch).spec.pe).toBe('alibi');
  });

  test('step 5 opens on the learned table with positions past L = 256 shaded (N = 512)', () => {
    const v = applyPatch(DEFAULT_VIEW, step(5).setup);
    expect(v.spec.pe).toBe('learned');
    expect(v.trainLength).toBe(256);
    expect(v.spec.params.positions).toBe(512);
    expect(applyPatch(v, tryOf(5, 'short').patch).trainLength).toBe(128);
  });
});

describe('applyPatch', () => {
  test('merges params key by key and leaves the input view untouched', () => {
    const before = structuredClone(DEFAULT_VIEW);
    const v = applyPatch(DEFAULT_VIEW, { spec: { pe: 'alibi', params: { heads: 16 } }, proj: { dims: 3 } });
    expect(v.spec.params).toEqual({
      ...DEFAULT_ROPE, // issue #15's RoPE fields, untouched by the patch
      base: 10000,
      layout: 'interleaved',
      heads: 16,
      buckets: 32,
      maxdist: 128,
      bidirectional: true,
      positions: 512,
    });
    expect(v.spec.pe).toBe('alibi');
    expect(v.proj.dims).toBe(3);
    expect(v.proj.method).toBe('pca');
    expect(DEFAULT_VIEW).toEqual(before);
  });

  test('drops curve dimensions at or past a smaller d, so the view stays valid', () => {
    const v = applyPatch({ ...DEFAULT_VIEW, dims: [0, 1, 10, 11, 20, 21] }, { spec: { d: 12 } });
    expect(v.dims).toEqual([0, 1, 10, 11]);
  });

  test('a function patch reads the view it is applied to', () => {
    const v = applyPatch(DEFAULT_VIEW, (view) => ({ spec: { seed: view.spec.seed + 1 } }));
    expect(v.spec.seed).toBe(DEFAULT_VIEW.spec.seed + 1);
  });
});

describe('shuffleWords', () => {
  const sorted = (text: string) => text.split(/\s+/).filter(Boolean).sort();
  const wordArb = fc.stringMatching(/^[A-Za-z.,']{1,6}$/);

  test('keeps the multiset of words and changes their order whenever two words differ', () => {
    fc.assert(
      fc.property(
        fc.array(wordArb, { maxLength: 20 }),
        fc.constantFrom(' ', '  ', '\n', ' \t'),
        (words, gap) => {
          const text = words.join(gap);
          const out = shuffleWords(text);
          expect(sorted(out)).toEqual([...words].sort());
          if (new Set(words).size >= 2) expect(out).not.toBe(words.join(' '));
        },
      ),
    );
  });

  test('the example sentence keeps its multiset of word-tokenizer ids, and pressing again gives a new order', () => {
    const ids = (text: string) =>
      word
        .tokenize(text)
        .map((t) => t.id)
        .sort((a, b) => a - b);
    const once = shuffleWords(DEFAULT_TEXT);
    expect(ids(once)).toEqual(ids(DEFAULT_TEXT));
    expect(splitWords(once).map((w) => w.piece)).not.toEqual(splitWords(DEFAULT_TEXT).map((w) => w.piece));
    expect(shuffleWords(once)).not.toBe(once);
  });

  test('is deterministic, so a shuffled lesson can be shared by link', () => {
    expect(shuffleWords(DEFAULT_TEXT)).toBe(shuffleWords(DEFAULT_TEXT));
  });
});

describe('strings', () => {
  test('every language has exactly the keys of en, none of them empty', () => {
    const keys = Object.keys(en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      for (const k of keys) expect(STRINGS[lang][k as StringKey].trim()).not.toBe('');
    }
  });

  test('every key a step uses exists in every language, and each step’s keys are its own (s<id>.*)', () => {
    for (const s of LESSONS) {
      for (const k of keysOf(s)) {
        for (const lang of LANGS) expect(typeof STRINGS[lang][k]).toBe('string');
        expect(k.startsWith(`s${s.id}.`)).toBe(true);
      }
      for (const t of s.tryThis) {
        expect(t.label).toBe(`s${s.id}.try.${t.id}`);
        expect(t.note).toBe(`s${s.id}.note.${t.id}`);
      }
    }
  });

  test('each translation has the same {placeholders} as en, and fill() fills them', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const lang of LANGS)
      for (const k of Object.keys(en) as StringKey[]) expect(holes(STRINGS[lang][k])).toEqual(holes(en[k]));
    expect(fill(en['ui.stepOf'], { k: 3, n: 6 })).toBe('Step 3 of 6');
    expect(fill(STRINGS.zh['ui.stepOf'], { k: 3, n: 6 })).toBe('第 3 步，共 6 步');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('formulas', () => {
  const contexts = (s: LessonStep) =>
    statesOf(s).flatMap((view) => [
      { view, vocabSize: null },
      { view, vocabSize: 50257 },
    ]);

  test.each(LESSONS.map((s) => [s.id, s] as const))(
    'step %i: the formula parses with KaTeX in every state the step reaches',
    (_, s) => {
      for (const ctx of contexts(s)) {
        expect(() =>
          katex.renderToString(s.formula(ctx), { throwOnError: true, displayMode: true }),
        ).not.toThrow();
      }
    },
  );

  test('formulas still parse for unusual settings: d = 2, half layout, 12 heads, scaled embeddings', () => {
    const odd: ViewState = {
      ...DEFAULT_VIEW,
      spec: {
        ...DEFAULT_VIEW.spec,
        d: 2,
        scaleEmbeddings: true,
        params: { ...DEFAULT_VIEW.spec.params, layout: 'half', heads: 12, base: 1.5 },
      },
    };
    for (const s of LESSONS)
      expect(() =>
        katex.renderToString(s.formula({ view: odd, vocabSize: 7 }), { throwOnError: true }),
      ).not.toThrow();
  });

  test('step 2 shows V·d computed from the live V and d (300 · 64 = 19,200)', () => {
    const tex = step(2).formula({ view: DEFAULT_VIEW, vocabSize: 300 });
    expect(tex).toContain(`= ${texInt(300 * 64)}`);
    expect(texInt(300 * 64)).toBe('19{,}200');
  });

  test('step 4 shows wavelengths from 2π to 2π·10000^(62/64) ≈ 47,117 at d = 64', () => {
    const tex = step(4).formula({ view: applyPatch(DEFAULT_VIEW, step(4).setup), vocabSize: null });
    expect(tex).toContain(String.raw`[\,2\pi,\ ${texInt(wavelength(10000, 64, 31))}\,]`);
    expect(texInt(wavelength(10000, 64, 31))).toBe('47{,}117');
  });

  test('step 4’s rotation M_k maps PE(p) to PE(p+k) (checked in float64 for the matrix as written)', () => {
    const tex = step(4).formula({ view: DEFAULT_VIEW, vocabSize: null });
    expect(tex).toContain(String.raw`\cos k\omega_i & \sin k\omega_i \\ -\sin k\omega_i & \cos k\omega_i`);
    for (const [p, k, w] of [
      [3, 5, 1],
      [100, 17, 0.01],
      [4000, 900, Math.pow(10000, -20 / 64)],
    ]) {
      const [s, c] = [Math.sin(p * w), Math.cos(p * w)];
      const rotated = [Math.cos(k * w) * s + Math.sin(k * w) * c, -Math.sin(k * w) * s + Math.cos(k * w) * c];
      expect(rotated[0]).toBeCloseTo(Math.sin((p + k) * w), 12);
      expect(rotated[1]).toBeCloseTo(Math.cos((p + k) * w), 12);
    }
  });

  test('step 6 lists the first ALiBi slope 2^(−8/H) and the last 2^(−8) for power-of-two H', () => {
    for (const H of [1, 2, 4, 8, 16, 32, 64]) {
      const view = applyPatch(DEFAULT_VIEW, { spec: { params: { heads: H } } });
      const tex = step(6).formula({ view, vocabSize: null });
      const m = tex.match(/m_1 = 2\^\{-(?:\\frac\{1\}\{(\d+)\}|(\d+))\}/);
      expect(m).not.toBeNull();
      const exponent = m![1] ? 1 / Number(m![1]) : Number(m![2]);
      expect(exponent).toBeCloseTo(8 / H, 12);
      expect(tex).toContain(String.raw`m_{${H}} = 2^{-8} = \tfrac{1}{256}`);
    }
  });
});

describe('numbers in the prose', () => {
  test('GPT-2: 50,257 = 256 bytes + 50,000 merges + 1 token, and its token table has 50,257 × 768 parameters', () => {
    expect(256 + 50000 + 1).toBe(50257);
    expect(en['s1.body']).toContain('50,257 tokens (256 bytes, 50,000 merges and one end-of-text token)');
    for (const lang of LANGS) {
      expect(STRINGS[lang]['s2.body']).toContain(`50,257 × 768 = ${(50257 * 768).toLocaleString('en-US')}`);
      expect(STRINGS[lang]['s5.body']).toMatch(
        new RegExp(`1024[^\\d]+768[^\\d]+${(1024 * 768).toLocaleString('en-US')}`),
      );
    }
    // about a third of GPT-2 small's 124 million parameters
    expect((50257 * 768) / 124e6).toBeGreaterThan(0.3);
    expect((50257 * 768) / 124e6).toBeLessThan(0.35);
  });

  test('sinusoidal wavelengths: 2π ≈ 6.28, 10000·2π ≈ 62,832, pair 10 at d = 64 ≈ 111.7, base 100 ≈ 544', () => {
    const longest = Math.round(wavelength(10000, 64, 31)).toLocaleString('en-US');
    for (const lang of LANGS) {
      const S = STRINGS[lang];
      expect(S['s4.body']).toContain(`2π ≈ ${(2 * Math.PI).toFixed(2)}`);
      expect(S['s4.body']).toContain(Math.round(2 * Math.PI * 10000).toLocaleString('en-US'));
      expect(S['s4.note.pair10']).toContain(`≈ ${wavelength(10000, 64, 10).toFixed(1)}`);
      expect(S['s4.note.base100']).toContain(`≈ ${Math.round(wavelength(100, 64, 31))}`);
      expect(S['s4.note.base100']).toContain(`≈ ${longest}`);
      expect(S['s4.note.base10000']).toContain(`≈ ${longest}`);
      expect(S['s6.note.llama3']).toContain(`≈ ${longest}`);
    }
    expect(en['s6.note.llama3']).toContain(`≈ ${(wavelength(500000, 64, 31) / 1e6).toFixed(2)} million`);
    expect(STRINGS.zh['s6.note.llama3']).toContain(`≈ ${Math.round(wavelength(500000, 64, 31) / 1e4)} 万`);
  });

  test('ALiBi slopes for 8 heads run from 2^(−8/8) = 1/2 to 2^(−8) = 1/256; 16 heads start at 2^(−1/2)', () => {
    expect(2 ** (-8 / 8)).toBe(1 / 2);
    expect(2 ** -8).toBe(1 / 256);
    for (const lang of LANGS) {
      expect(STRINGS[lang]['s6.body']).toMatch(/1\/2.*1\/4.*1\/256/);
      expect(STRINGS[lang]['s6.note.heads16']).toContain('2^(−1/2)');
    }
    expect(-8 / 16).toBe(-1 / 2);
  });

  test('the example sentence: 12 word tokens, “the” at positions 0, 4 and 7, “mat” at 5 and 8', () => {
    const pieces = splitWords(DEFAULT_TEXT).map((w) => w.piece);
    const at = (w: string) => pieces.flatMap((p, i) => (p === w ? [i] : []));
    expect(pieces.length).toBe(12);
    expect(at('the')).toEqual([0, 4, 7]);
    expect(at('mat')).toEqual([5, 8]);
    expect(en['s2.body']).toContain('positions 0, 4 and 7');
    expect(en['s2.note.example']).toContain('rows 5 and 8');
    expect(en['s1.note.example']).toMatch(/^Twelve tokens/);
  });

  test('“quokka” is outside the word vocabulary, so it alone becomes [UNK] (id 0)', () => {
    expect(/\bquokka\b/i.test(corpus)).toBe(false);
    const unknown = word.tokenize(UNKNOWN_WORD_TEXT).filter((t) => t.unknown);
    expect(unknown.map((t) => [t.text, t.id])).toEqual([['quokka', 0]]);
  });

  test('the character tokenizer spells “The quokka sat on the mat.” as 26 known tokens, against 7 words', () => {
    expect([...UNKNOWN_WORD_TEXT].length).toBe(26);
    expect(UNKNOWN_WORD_TEXT.match(/[a-z]+|\./gi)).toHaveLength(7);
    const tokens = char.tokenize(UNKNOWN_WORD_TEXT);
    expect(tokens.map((t) => t.text).join('')).toBe(UNKNOWN_WORD_TEXT);
    expect(tokens.filter((t) => t.unknown)).toEqual([]);
    expect(tokens).toHaveLength(26);
    expect(en['s1.note.char']).toContain('7 word tokens become 26');
  });

  test('GPT-2 (r50k_base, via gpt-tokenizer) writes “ quokka” as “ qu”, “ok”, “ka”', async () => {
    const { encode, decode } = await import('gpt-tokenizer/encoding/r50k_base');
    expect(encode(' quokka').map((id) => decode([id]))).toEqual([' qu', 'ok', 'ka']);
    expect(en['s1.note.gpt2']).toContain('“ qu”, “ok” and “ka”');
  });
});
