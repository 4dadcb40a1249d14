// First paint (issue 9): the build's precomputed default run, as the page receives it (computed by the engine's
// Pipeline on the CPU backend, serialised by the Vite plugin, decoded by the client), checked against references
// computed here, and the rule that it is shown for the default spec only.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Matrix } from '../protocol/messages.ts';
import { DEFAULT_SPEC, DEFAULT_TEXT } from '../protocol/specs.ts';
import { normals } from '../numerics/rng.ts';
import { wordVocab } from '../tokenizers/word.ts';
import { computeFirstPaint } from '../engine/firstPaint.ts';
import { serialiseFirstPaint } from '../../vite-first-paint.ts';
import { firstPaintPatch, holdFirstPaint, sameSpec, type FirstPaintModule } from './firstPaint.ts';
import { createStore, initialState } from './store.ts';
import { parseHash } from './urlState.ts';

const WORDS = ['the', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'the', 'mat', 'was', 'warm', '.'];
const T = WORDS.length;
const { d, seed } = DEFAULT_SPEC;
const { base } = DEFAULT_SPEC.params;

let module: FirstPaintModule;
let matrices: Record<string, Matrix>;

beforeAll(async () => {
  // What the virtual module's source holds: JSON, so the round trip is the one the page makes.
  module = JSON.parse(JSON.stringify(serialiseFirstPaint(await computeFirstPaint())));
  const patch = firstPaintPatch(parseHash('').view.spec, module);
  if (!patch?.matrices) throw new Error('the default URL gave no first paint');
  matrices = patch.matrices;
});

/** The paper's interleaved convention (encodings/sinusoidal.ts) in float64. */
function closedForm(p: number, k: number): number {
  const angle = p / Math.pow(base, (2 * Math.floor(k / 2)) / d);
  return k % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

describe('the precomputed default run', () => {
  test('is computed for the default spec and holds the tokens and the three foundation matrices, [T, d] each', () => {
    expect(module.spec).toEqual(DEFAULT_SPEC);
    expect(Object.keys(matrices)).toEqual(['embeddings', 'pe', 'input']);
    for (const m of Object.values(matrices)) {
      expect(m.shape).toEqual([T, d]);
      expect(m.data).toBeInstanceOf(Float32Array);
      expect(m.data.length).toBe(T * d);
      expect(m.rowLabels).toEqual(WORDS);
    }
  });

  test('its tokens are the lower-cased words and the full stop of the default text, with their offsets', () => {
    expect(module.tokens.map((t) => t.text)).toEqual(WORDS);
    for (const t of module.tokens) expect(DEFAULT_TEXT.slice(t.start, t.end).toLowerCase()).toBe(t.text);
    expect(module.tokens.map((t) => t.id)).toEqual(WORDS.map((w) => wordVocab.id(w)));
    expect(module.total).toBe(T);
    expect(module.vocabSize).toBe(wordVocab.size);
  });

  test('its positional encoding is the float64 sinusoid PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(…) within 1e-4', () => {
    const P = matrices.pe.data;
    for (let p = 0; p < T; p++)
      for (let k = 0; k < d; k++) expect(Math.abs(P[p * d + k] - closedForm(p, k))).toBeLessThan(1e-4);
  });

  test('its embedding rows are the rows of the seeded N(0, 1) table picked by token id', () => {
    const E = matrices.embeddings.data;
    const table = normals(wordVocab.size * d, seed);
    module.tokens.forEach((t, r) => {
      for (let j = 0; j < d; j++) expect(E[r * d + j]).toBe(table[t.id * d + j]);
    });
  });

  test('its input X is E + PE element by element (the float32 sum, exactly)', () => {
    const E = matrices.embeddings.data;
    const P = matrices.pe.data;
    const X = matrices.input.data;
    for (let k = 0; k < T * d; k++) expect(X[k]).toBe(Math.fround(E[k] + P[k]));
  });
});

describe('showing it', () => {
  test('only a spec deep-equal to the default one gets it: other text, a trailing space or another seed does not', () => {
    expect(firstPaintPatch(parseHash('#text=hello').view.spec, module)).toBeNull();
    expect(firstPaintPatch({ ...DEFAULT_SPEC, text: `${DEFAULT_TEXT} ` }, module)).toBeNull();
    expect(firstPaintPatch({ ...DEFAULT_SPEC, seed: seed + 1 }, module)).toBeNull();
    const params = { ...DEFAULT_SPEC.params, positions: 511 };
    expect(firstPaintPatch({ ...DEFAULT_SPEC, params }, module)).toBeNull();
    // key order does not matter, values do
    const reverse = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const reordered = { ...reverse(DEFAULT_SPEC), params: reverse(DEFAULT_SPEC.params) };
    expect(Object.keys(reordered)[0]).toBe('checkpoint');
    expect(sameSpec(reordered, DEFAULT_SPEC)).toBe(true);
    expect(sameSpec({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameSpec({ a: null }, { a: {} })).toBe(false);
  });

  test('the store is marked precomputed until the first real matrix arrives, which clears the mark', () => {
    const store = createStore({ ...initialState, view: parseHash('').view });
    holdFirstPaint(store, module);
    expect(store.get().precomputed).toBe(true);
    expect(store.get().tokens.map((t) => t.text)).toEqual(WORDS);
    store.set({ tokens: [...store.get().tokens] }); // the worker's tokens: still precomputed matrices
    expect(store.get().precomputed).toBe(true);
    const real = { ...matrices.embeddings, data: matrices.embeddings.data.slice() };
    store.set((s) => ({ matrices: { ...s.matrices, embeddings: real } }));
    expect(store.get().precomputed).toBe(false);
    expect(store.get().matrices.embeddings).toBe(real);
  });

  test('a change of spec before the worker answers drops the precomputed tokens and matrices at once', () => {
    const store = createStore({ ...initialState, view: parseHash('').view });
    holdFirstPaint(store, module);
    store.set((s) => ({ view: { ...s.view, spec: { ...s.view.spec, text: 'hello' } } }));
    const s = store.get();
    expect(s.precomputed).toBe(false);
    expect(s.tokens).toEqual([]);
    expect(s.matrices).toEqual({});
    expect(s.vocabSize).toBeNull();
  });

  test('a page opened on another spec never holds them', () => {
    const store = createStore({ ...initialState, view: parseHash('#text=hello').view });
    holdFirstPaint(store, module);
    expect(store.get().precomputed).toBe(false);
    expect(store.get().matrices).toEqual({});
    expect(store.get().tokens).toEqual([]);
  });
});
