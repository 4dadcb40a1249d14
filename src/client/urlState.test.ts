// The URL hash: shareable state that round-trips, and untrusted input that falls back to defaults with a notice.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_PROJECTION,
  DEFAULT_SPEC,
  EMBEDDINGS,
  ENCODINGS,
  INITS,
  LAYOUTS,
  PROJECTION_METHODS,
  PROJECTION_SOURCES,
  TOKENIZERS,
  type RunSpec,
} from '../protocol/specs.ts';
import { DEFAULT_VIEW, MAX_URL_TEXT, toHash, type ViewState } from './urlState.ts';
import { parseShown } from './url/testParse.ts';

/** Arbitrary valid views: every URL key takes any value the app accepts. */
const validView: fc.Arbitrary<ViewState> = fc
  .record({
    text: fc.string({
      unit: fc.oneof(
        fc.constantFrom('&', '=', '#', '+', '%', ' ', '?', '\n'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 80,
    }),
    tokenizer: fc.constantFrom(...TOKENIZERS),
    d: fc.integer({ min: 1, max: 1024 }).map((h) => 2 * h),
    pe: fc.constantFrom(...ENCODINGS),
    seed: fc.integer({ min: -(2 ** 31 - 1), max: 2 ** 31 - 1 }),
    base: fc.oneof(
      fc.double({ min: 1, max: 1e12, noNaN: true }).filter((b) => b > 1),
      fc.constantFrom(10000, 500000, 1.5),
    ),
    layout: fc.constantFrom(...LAYOUTS),
    heads: fc.integer({ min: 1, max: 64 }),
    buckets: fc.integer({ min: 2, max: 256 }),
    maxdist: fc.integer({ min: 2, max: 1_048_576 }),
    bidirectional: fc.boolean(),
    positions: fc.integer({ min: 1, max: 1_048_576 }),
    scaleEmbeddings: fc.boolean(),
    causal: fc.boolean(),
    special: fc.boolean(),
    sharedScale: fc.boolean(),
    trainLength: fc.integer({ min: 1, max: 1_048_576 }),
    dimFractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
      minLength: 1,
      maxLength: 16,
    }),
  })
  .map(
    ({
      text,
      tokenizer,
      d,
      pe,
      seed,
      scaleEmbeddings,
      causal,
      special,
      sharedScale,
      trainLength,
      dimFractions,
      ...p
    }) => {
      const spec: RunSpec = {
        ...DEFAULT_SPEC,
        text,
        tokenizer,
        d,
        pe,
        seed,
        params: { ...DEFAULT_SPEC.params, ...p },
        scaleEmbeddings,
        causal,
        special,
      };
      const dims = dimFractions.map((f) => Math.floor(f * d)); // each in 0…d−1
      return { ...DEFAULT_VIEW, spec, sharedScale, trainLength, dims };
    },
  );

describe('URL state', () => {
  test('property: parseShown(toHash(view)) gives back any valid view, with no notices', () => {
    fc.assert(
      fc.property(validView, (view) => {
        const hash = toHash(view);
        expect(hash.startsWith('#')).toBe(true);
        expect(parseShown(hash)).toEqual({ view, notices: [] });
      }),
      { numRuns: 300 },
    );
  });

  test('the default view round-trips, and an empty hash gives the default view with no notices', () => {
    expect(parseShown(toHash(DEFAULT_VIEW))).toEqual({ view: DEFAULT_VIEW, notices: [] });
    expect(parseShown('')).toEqual({ view: DEFAULT_VIEW, notices: [] });
    expect(parseShown('#')).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  const garbage: Record<string, string[]> = {
    tokenizer: ['bpe', '', 'WORD', '<script>'],
    d: ['3', '0', '-64', '8194', 'abc', '', '1e3', '64px', '99999999999999'],
    pe: ['sinusoid', '', 'SINUSOIDAL', 'constructor'],
    seed: ['1.5', 'abc', '', '2147483648', '-2147483648', '0x10'],
    base: ['1', '0.5', '-10000', 'abc', '', 'NaN', 'Infinity', '1e13', ' '],
    layout: ['split', '', 'HALF'],
    scale: ['yes', 'true', '2', ''],
    shared: ['no', 'false', '-1', ''],
    heads: ['0', '65', '-1', '2.5', 'many', ''],
    buckets: ['1', '257', 'x', ''],
    maxdist: ['1', '1048577', '1e3', ''],
    positions: ['0', '1048577', '-5', 'all', ''],
    bidirectional: ['yes', '2', ''],
    causal: ['true', 'no', ''],
    special: ['yes', 'true', '2', ''],
    trainlen: ['0', '1048577', 'long', ''],
    dims: ['64', '-1', 'a,b', '0,,1', '0;1', '0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16'],
  };
  for (const [key, values] of Object.entries(garbage)) {
    test(`garbage in "${key}" falls back to the default with one notice naming the key`, () => {
      for (const value of values) {
        const { view, notices } = parseShown(`#${key}=${encodeURIComponent(value)}`);
        expect(view).toEqual(DEFAULT_VIEW);
        expect(notices).toHaveLength(1);
        expect(notices[0]).toContain(`"${key}"`);
      }
    });
  }

  test("special defaults to 1 (add the tokenizer's default special tokens); special=0 turns them off and is kept in the link", () => {
    expect(DEFAULT_VIEW.spec.special).toBe(true);
    const { view, notices } = parseShown('#tokenizer=gemma3&special=0');
    expect(notices).toEqual([]);
    expect(view.spec).toMatchObject({ tokenizer: 'gemma3', special: false });
    expect(new URLSearchParams(toHash(view).slice(1)).get('special')).toBe('0');
    expect(new URLSearchParams(toHash(DEFAULT_VIEW).slice(1)).get('special')).toBeNull();
  });

  test('garbage in one key keeps the good values of the others', () => {
    const { view, notices } = parseShown('#d=7&tokenizer=char&seed=7&layout=half');
    expect(view.spec.d).toBe(DEFAULT_SPEC.d);
    expect(view.spec.tokenizer).toBe('char');
    expect(view.spec.seed).toBe(7);
    expect(view.spec.params.layout).toBe('half');
    expect(notices).toHaveLength(1);
  });

  test('unknown keys are ignored with a notice naming them', () => {
    const { view, notices } = parseShown('#colour=red&d=128&__proto__=1');
    expect(view).toEqual({ ...DEFAULT_VIEW, spec: { ...DEFAULT_SPEC, d: 128 } });
    expect(notices).toHaveLength(2);
    expect(notices.some((n) => n.includes('colour'))).toBe(true);
    expect(notices.some((n) => n.includes('__proto__'))).toBe(true);
  });

  test('text=<script>alert(1)</script> is plain text, both raw and percent-encoded, and round-trips', () => {
    const script = '<script>alert(1)</script>';
    expect(parseShown(`#text=${script}`).view.spec.text).toBe(script);
    expect(parseShown(`#text=${encodeURIComponent(script)}`).view.spec.text).toBe(script);
    const view = { ...DEFAULT_VIEW, spec: { ...DEFAULT_SPEC, text: script } };
    const hash = toHash(view);
    expect(hash).not.toMatch(/[<>]/);
    expect(parseShown(hash)).toEqual({ view, notices: [] });
  });

  test('a 100 KB text is clipped to the first 100,000 characters with a notice', () => {
    const long = 'ab'.repeat(51_200); // 102,400 characters
    const { view, notices } = parseShown(`#text=${long}`);
    expect(view.spec.text).toBe(long.slice(0, 100_000));
    expect(MAX_URL_TEXT).toBe(100_000);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/102400/);
    expect(notices[0]).toMatch(/100000/);
  });

  test('a text of exactly 100,000 characters is kept whole without a notice', () => {
    const text = 'x'.repeat(100_000);
    expect(parseShown(`#text=${text}`)).toEqual({
      view: { ...DEFAULT_VIEW, spec: { ...DEFAULT_SPEC, text } },
      notices: [],
    });
  });

  test('property: embedding, checkpoint and projection keys round-trip through the hash without notices', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((v) => ![...v].some((c) => c.charCodeAt(0) < 32));
    fc.assert(
      fc.property(
        fc.record({
          embedding: fc.constantFrom(...EMBEDDINGS),
          init: fc.constantFrom(...INITS),
          token: fc.option(name),
          position: fc.option(name),
          source: fc.constantFrom(...PROJECTION_SOURCES),
          method: fc.constantFrom(...PROJECTION_METHODS),
          dims: fc.constantFrom(2 as const, 3 as const),
          withPositions: fc.boolean(),
          sample: fc.integer({ min: 3, max: 50_000 }),
          perplexity: fc.double({ min: 2, max: 100, noNaN: true }),
          learningRate: fc.double({ min: 1, max: 10_000, noNaN: true }),
          tsneExact: fc.boolean(),
          neighbors: fc.integer({ min: 2, max: 200 }),
          minDist: fc.double({ min: 0, max: 1, noNaN: true }),
          iterations: fc.integer({ min: 10, max: 5000 }),
          seed: fc.integer({ min: -(2 ** 31 - 1), max: 2 ** 31 - 1 }),
        }),
        ({ embedding, init, token, position, ...proj }) => {
          const view: ViewState = {
            ...DEFAULT_VIEW,
            spec: { ...DEFAULT_SPEC, embedding, init, checkpoint: { token, position } },
            proj: {
              ...DEFAULT_PROJECTION,
              ...proj,
              perplexity: proj.perplexity + 0,
              minDist: proj.minDist + 0,
            },
          };
          expect(parseShown(toHash(view))).toEqual({ view, notices: [] });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('bad projection values fall back to defaults, each with a notice naming its limit', () => {
    const { view, notices } = parseShown(
      '#proj=galaxy&method=svd&pdims=4&perplexity=0&neighbors=1000&mindist=2&iters=5',
    );
    expect(view.proj).toEqual(DEFAULT_PROJECTION);
    expect(notices).toHaveLength(7);
    expect(notices.join('\n')).toMatch(/"proj" = "galaxy" is not one of positions, tokens, vocabulary/);
    expect(notices.join('\n')).toMatch(/"perplexity" = "0" must be a number from 2 to 100/);
    expect(notices.join('\n')).toMatch(/"neighbors" = "1000" must be an integer from 2 to 200/);
    expect(notices.join('\n')).toMatch(/"iters" = "5" must be an integer from 10 to 5000/);
  });

  test('an unknown embedding and a control character in a tensor name fall back with notices', () => {
    const { view, notices } = parseShown('#embedding=word2vec&ckpt_token=wte%00x');
    expect(view.spec.embedding).toBe('random');
    expect(view.spec.checkpoint.token).toBeNull();
    expect(notices).toHaveLength(2);
  });

  test('a text longer than 100,000 characters puts only its first 100,000 in the link', () => {
    const text = 'x'.repeat(100_000) + 'tail';
    const hash = toHash({ ...DEFAULT_VIEW, spec: { ...DEFAULT_SPEC, text } });
    expect(parseShown(hash).view.spec.text).toBe('x'.repeat(100_000));
  });

  test('presentation views and the colour map round-trip; unknown or repeated views fall back with a notice', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      present: true,
      colormap: 'cividis',
      views: ['pe', 'projection', 'training'],
    };
    const hash = toHash(view);
    expect(hash).toContain('views=pe%2Cprojection%2Ctraining');
    expect(hash).toContain('colormap=cividis');
    expect(parseShown(hash)).toEqual({ view, notices: [] });
    // The order in a link does not matter: views are shown in page order.
    expect(parseShown('#views=lab,tokens').view.views).toEqual(['tokens', 'lab']);
    for (const raw of ['', 'tokens,tokens', 'slides', 'pe,,lab']) {
      const { view: v, notices } = parseShown(`#views=${encodeURIComponent(raw)}`);
      expect(v.views).toEqual(DEFAULT_VIEW.views);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(
        /URL key "views" .* must be distinct names from tokens, embeddings, pe, input/,
      );
    }
    expect(parseShown('#colormap=jet').notices[0]).toMatch(
      /"colormap" = "jet" is not one of auto, viridis, cividis, rdbu/,
    );
  });

  test('brushed rows travel in the link as ranges and come back; malformed or descending lists fall back', () => {
    const view: ViewState = { ...DEFAULT_VIEW, selected: [0, 1, 2, 3, 7, 9, 10, 8191] };
    const hash = toHash(view);
    expect(new URLSearchParams(hash.slice(1)).get('sel')).toBe('0-3,7,9-10,8191');
    expect(parseShown(hash)).toEqual({ view, notices: [] });
    for (const raw of ['3-1', '1,1', '5,2', '0-8192', 'a', '1,,2', '-1', '']) {
      const { view: v, notices } = parseShown(`#sel=${encodeURIComponent(raw)}`);
      expect(v.selected).toEqual([]);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(
        /URL key "sel" .* must be ascending rows or ranges \(like 0-3,7\) below 8,192/,
      );
    }
  });

  test('the language travels as lang=zh|en, written only when it differs from the browser default (en in Node)', () => {
    expect(DEFAULT_VIEW.lang).toBe('en'); // Node has no navigator: the browser default is English
    expect(toHash(DEFAULT_VIEW)).not.toContain('lang=');
    const zh: ViewState = { ...DEFAULT_VIEW, lang: 'zh' };
    expect(new URLSearchParams(toHash(zh).slice(1)).get('lang')).toBe('zh');
    expect(parseShown(toHash(zh))).toEqual({ view: zh, notices: [] });
    expect(parseShown('#lang=en')).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  test('a bad lang falls back to the default with a notice naming the key; the rest of the link is kept', () => {
    for (const raw of ['fr', 'ZH', 'zh-CN', '']) {
      const { view, notices } = parseShown(`#lang=${encodeURIComponent(raw)}&d=32`);
      expect(view.lang).toBe('en');
      expect(view.spec.d).toBe(32);
      expect(notices).toEqual([`URL key "lang" = ${JSON.stringify(raw)} is not one of en, zh; using "en".`]);
    }
  });

  test('with lang=zh, the notices about other keys are written in Chinese', () => {
    const { view, notices } = parseShown('#lang=zh&theme=neon&bogus=1');
    expect(view.lang).toBe('zh');
    expect(parseShown('#lang=zh&d=7').notices).toEqual([
      'URL 参数 "d" = "7" 无效（必须是 2 到 8192 之间的偶数）；改用 64。',
    ]);
    expect(notices).toEqual([
      '已忽略未知的 URL 参数 "bogus"。',
      'URL 参数 "theme" = "neon" 无效（不是 light, dark 中的一个）；改用 "light"。',
    ]);
  });
});
