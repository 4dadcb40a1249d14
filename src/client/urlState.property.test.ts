// Property tests of the URL-hash parser on hostile input (issue 8): any hash — garbage in every key, unknown keys,
// broken percent-escapes, HTML and javascript: payloads, lone surrogates, huge values — parses without throwing
// into a view whose every field is inside its limit, with short notices that name the key, and whose own hash
// parses back to the same view with no notices. 10,000 generated hashes in all (5 properties × 2,000).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EMBEDDINGS,
  ENCODINGS,
  INITS,
  LAYOUTS,
  PROJECTION_METHODS,
  PROJECTION_SOURCES,
  TOKENIZERS,
  validateProjection,
  validateSpec,
} from '../protocol/specs.ts';
import { validateRope } from '../protocol/rope.ts';
import {
  COLORMAPS,
  DEFAULT_VIEW,
  LESSON_COUNT,
  MAX_URL_TEXT,
  PRESENT_VIEWS,
  THEMES,
  parseHash,
  toHash,
} from './urlState.ts';
import type { ViewState } from './urlState.ts';
import { MODELS } from '../models/registry.ts';
import { say } from '../i18n/t.ts';

const RUNS = 2_000;

/** The keys the app documents for its links (urlState.ts), written out here so a renamed key fails a test. */
const KEYS = [
  'model',
  'text',
  'tokenizer',
  'd',
  'pe',
  'seed',
  'base',
  'layout',
  'scale',
  'shared',
  'heads',
  'buckets',
  'maxdist',
  'bidirectional',
  'positions',
  'causal',
  'trainlen',
  'dims',
  'embedding',
  'init',
  'ckpt_token',
  'ckpt_pos',
  'proj',
  'method',
  'pdims',
  'ppos',
  'sample',
  'perplexity',
  'lr',
  'exact',
  'neighbors',
  'mindist',
  'iters',
  'pseed',
  'lesson',
  'theme',
  'colormap',
  'present',
  'views',
  'sel',
  'lang',
  'train.task',
  'train.k',
  'train.schemes',
  'train.d',
  'train.heads',
  'train.layers',
  'train.context',
  'train.batch',
  'train.lr',
  'train.steps',
  'train.snapshot',
  'train.seed',
  'train.backend',
  'head_dim',
  'rotary_pct',
  'rope_type',
  'factor',
  'low_freq_factor',
  'high_freq_factor',
  'original_context',
  'beta_fast',
  'beta_slow',
  'attention_factor',
  'long_factor',
  'short_factor',
] as const;

/** Values chosen to break parsers: numbers in odd spellings, prototype names, markup, escapes, control characters. */
const NASTY = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e9',
  '1e999',
  '-0',
  '0x10',
  '0b1',
  '1_000',
  '٣',
  '１２',
  '2.0',
  ' 64',
  '64 ',
  '+64',
  '1,2',
  ',',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '%',
  '%zz',
  '%00',
  '%E0%A4%A',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e',
  '\ufeff',
];

const value: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.constantFrom(...MODELS),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '.', 'e', ','), maxLength: 12 }),
);
const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'TEXT', 'd ', '', 'x') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** The form-urlencoding of one string, built by hand so raw pieces (a bare %, a lone surrogate) can be mixed in. */
const encode = (s: string) => new URLSearchParams([['', s]]).toString().slice(1);

/** Hashes as a link, a hand-edited URL, or noise: pairs either encoded or pasted raw, keys repeated at will. */
const hostileHash: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(key, value, fc.boolean()), { maxLength: 12 })
      .map(
        (pairs) =>
          '#' + pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encode(k)}=${encode(v)}`)).join('&'),
      ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }).map((s) => '#' + s) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('&', '=', '%', '+', '#', 'd', 'text', '2'), maxLength: 40 }),
  },
);

/** What URLSearchParams does to a value on the way in: UTF-8, so each lone surrogate becomes U+FFFD. */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const inRange = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;

/** Every per-field limit the app states (specs.ts LIMITS, PROJECTION_LIMITS; urlState.ts), spelled out again. */
function fieldProblems(view: ViewState): string[] {
  const { spec, proj } = view;
  const p = spec.params;
  const t = view.train;
  const problems: [boolean, string][] = [
    [spec.text.length <= MAX_URL_TEXT, 'text too long'],
    [(TOKENIZERS as readonly string[]).includes(spec.tokenizer), 'tokenizer'],
    [inRange(spec.d, 2, 8192) && spec.d % 2 === 0, 'd'],
    [(ENCODINGS as readonly string[]).includes(spec.pe), 'pe'],
    [inRange(spec.seed, -(2 ** 31 - 1), 2 ** 31 - 1), 'seed'],
    [Number.isFinite(p.base) && p.base > 1 && p.base <= 1e12, 'base'],
    [(LAYOUTS as readonly string[]).includes(p.layout), 'layout'],
    [inRange(p.heads, 1, 64), 'heads'],
    [inRange(p.buckets, 2, 256), 'buckets'],
    [inRange(p.maxdist, 2, 1_048_576), 'maxdist'],
    [inRange(p.positions, 1, 1_048_576), 'positions'],
    [inRange(view.trainLength, 1, 1_048_576), 'trainlen'],
    // The default dims are kept when only d changes (the curves view skips dims at or past d).
    [
      view.dims.length <= 16 &&
        (view.dims === DEFAULT_VIEW.dims || view.dims.every((j) => inRange(j, 0, spec.d - 1))),
      'dims',
    ],
    [(EMBEDDINGS as readonly string[]).includes(spec.embedding), 'embedding'],
    [(INITS as readonly string[]).includes(spec.init), 'init'],
    [(PROJECTION_SOURCES as readonly string[]).includes(proj.source), 'proj'],
    [(PROJECTION_METHODS as readonly string[]).includes(proj.method), 'method'],
    [validateProjection(proj) === null, 'projection'],
    [view.lesson === null || inRange(view.lesson, 1, LESSON_COUNT), 'lesson'],
    [(THEMES as readonly string[]).includes(view.theme), 'theme'],
    [(COLORMAPS as readonly string[]).includes(view.colormap), 'colormap'],
    [view.lang === 'en' || view.lang === 'zh', 'lang'],
    [typeof view.present === 'boolean' && typeof view.sharedScale === 'boolean', 'flags'],
    [
      view.views.length >= 1 &&
        view.views.every((v) => (PRESENT_VIEWS as readonly string[]).includes(v)) &&
        new Set(view.views).size === view.views.length,
      'views',
    ],
    [view.selected.every((r, i) => inRange(r, 0, 2047) && (i === 0 || r > view.selected[i - 1])), 'sel'],
    // train.*: protocol/training.ts TRAIN_LIMITS, spelled out again
    [['reverse', 'copy', 'charlm'].includes(t.task) && inRange(t.k, 1, 64), 'train.task/k'],
    [inRange(t.d, 32, 128) && inRange(t.heads, 2, 4) && inRange(t.layers, 1, 2), 'train.d/heads/layers'],
    [inRange(t.context, 8, 256) && inRange(t.batch, 1, 128) && inRange(t.steps, 1, 100_000), 'train.sizes'],
    [t.lr > 0 && t.lr < 1 && inRange(t.snapshotEvery, 1, 100_000), 'train.lr/snapshot'],
    [
      inRange(t.seed, -(2 ** 31 - 1), 2 ** 31 - 1) && ['auto', 'webgpu', 'webgl', 'cpu'].includes(t.backend),
      'train.seed',
    ],
    [
      t.schemes.length >= 1 &&
        new Set(t.schemes).size === t.schemes.length &&
        t.schemes.every((s) => ['learned', 'sinusoidal', 'rope', 'alibi', 'none'].includes(s)),
      'train.schemes',
    ],
    [validateRope(p, spec.d, p.positions) === null, 'rope'],
  ];
  for (const name of [spec.checkpoint.token, spec.checkpoint.position]) {
    problems.push([
      name === null ||
        (name.length >= 1 &&
          name.length <= 200 &&
          Array.from(name).every((c) => (c.codePointAt(0) ?? 0) >= 32)),
      'name',
    ]);
  }
  return problems.filter(([ok]) => !ok).map(([, what]) => what);
}

/** validateSpec problems that only a combination of individually valid keys can cause. */
const CROSS_FIELD = /vectors need the|Load a checkpoint|T5 max distance must be larger/;

describe('URL hash parser on hostile input (property)', () => {
  test('any hash parses without throwing into a view whose every field is inside its stated limit', () => {
    fc.assert(
      fc.property(hostileHash, (hash) => {
        const { view } = parseHash(hash);
        expect(fieldProblems(view)).toEqual([]);
        const problem = validateSpec(view.spec);
        if (problem !== null) expect(problem).toMatch(CROSS_FIELD);
      }),
      { numRuns: RUNS },
    );
  });

  test('notices stay short (a value is quoted to at most 40 characters) and there is at most one per key', () => {
    fc.assert(
      fc.property(
        hostileHash,
        fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, fc.nat(150_000)),
        (hash, pad) => {
          // One time in ten, a value is padded to up to 150,000 characters: the notice must not grow with it.
          const padded = pad ? `${hash}&seed=${'9'.repeat(pad)}` : hash;
          const { notices } = parseHash(padded);
          const keys = new Set(new URLSearchParams(padded.replace(/^#/, '')).keys());
          expect(notices.length).toBeLessThanOrEqual(keys.size + 1); // + 1: "URL text was … characters"
          for (const n of notices) expect(say('en', n).length).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('one key with any value is either taken silently, or refused with one notice naming it and no effect', () => {
    fc.assert(
      fc.property(key, value, (k, v) => {
        const { view, notices } = parseHash(`#${encode(k)}=${encode(v)}`);
        expect(notices.length).toBeLessThanOrEqual(1);
        if (notices.length === 1) {
          const known = (KEYS as readonly string[]).includes(wellFormed(k));
          expect(say('en', notices[0])).toContain(known ? `URL key "${k}"` : 'Ignored unknown URL key');
          expect(view).toEqual(DEFAULT_VIEW);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('the hash the app writes for any parsed view parses back to the same view, with no notices', () => {
    fc.assert(
      fc.property(hostileHash, (hash) => {
        const { view } = parseHash(hash);
        const again = parseHash(toHash(view));
        expect(again.notices).toEqual([]);
        // JSON: a parsed "-0" and the "0" written back for it are the same setting.
        expect(JSON.stringify(again.view)).toBe(JSON.stringify(view));
      }),
      { numRuns: RUNS },
    );
  });

  test('any text — markup, javascript:, NUL, RTL marks, lone surrogates — comes back as the same plain string', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom(...NASTY, '&', '=', '+', '#', '%', '<', '>', '"', "'"),
        maxLength: 30,
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const { view, notices } = parseHash('#' + new URLSearchParams({ text: t }).toString());
        expect(notices).toEqual([]);
        expect(view.spec.text).toBe(wellFormed(t));
        expect({ ...view, spec: { ...view.spec, text: '' } }).toEqual({
          ...DEFAULT_VIEW,
          spec: { ...DEFAULT_VIEW.spec, text: '' },
        });
      }),
      { numRuns: RUNS },
    );
  });
});
