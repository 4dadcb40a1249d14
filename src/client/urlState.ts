// The URL hash mirrors the user-visible state, so any view can be shared and reloaded.
// Parsing validates every key; a bad value falls back to its default and leaves a notice for the user.
import {
  DEFAULT_PROJECTION,
  DEFAULT_SPEC,
  EMBEDDINGS,
  ENCODINGS,
  INITS,
  LAYOUTS,
  LIMITS,
  PROJECTION_LIMITS,
  PROJECTION_METHODS,
  PROJECTION_SOURCES,
  TOKENIZERS,
  isOneOf,
  type ProjectionSpec,
  type RunSpec,
} from '../protocol/specs.ts';
import { COLORMAPS, type Colormap } from '../plots/scales.ts';
import * as trainUrl from './trainUrl.ts';
import { ROPE_KEYS, parseRopeKeys, putRopeKeys } from './ropeUrl.ts';
import { LANGS, browserLang, type Lang } from '../i18n/lang.ts';
import { t } from '../i18n/t.ts';
import { why as whyIn } from '../i18n/why.ts';

export interface ViewState {
  spec: RunSpec;
  /** One colour scale across the three heatmaps. */
  sharedScale: boolean;
  /** Positions at or past this "training length" are shaded; a learned table has nothing there. */
  trainLength: number;
  /** Dimensions drawn in the curves view. */
  dims: number[];
  /** The Projection panel's request. */
  proj: ProjectionSpec;
  /** The open lesson step (1…LESSON_COUNT), or null when exploring freely. */
  lesson: number | null;
  theme: Theme;
  /** Sequential colour map for weights and indices (signed data always uses the diverging map). */
  colormap: Colormap;
  /** Presentation mode: large type, only the chosen views. */
  present: boolean;
  /** The views shown in presentation mode, in page order. */
  views: PresentView[];
  /** Token rows picked by brushing the projection, ascending (URL key `sel`, as ranges: 0-3,7). */
  selected: number[];
  train: trainUrl.TrainConfig; // the Training panel's settings: URL keys train.* (client/trainUrl.ts)
  /** The interface's language (URL key `lang`; default: the browser's language). */
  lang: Lang;
}

/** The page's views that presentation mode can show or hide (URL key `views`, comma-separated). */
export const PRESENT_VIEWS = [
  'tokens',
  'embeddings',
  'pe',
  'input',
  'projection',
  'lab',
  'training',
  'tables',
  'checkpoint',
] as const;
export type PresentView = (typeof PRESENT_VIEWS)[number];

export const LESSON_COUNT = 6;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export { COLORMAPS, type Colormap };

export const DEFAULT_VIEW: ViewState = {
  spec: DEFAULT_SPEC,
  sharedScale: false,
  trainLength: 256,
  dims: [10, 11, 20, 21],
  proj: DEFAULT_PROJECTION,
  lesson: null,
  theme: 'light',
  colormap: 'auto',
  present: false,
  views: ['tokens', 'embeddings', 'pe', 'input', 'lab'],
  selected: [],
  train: trainUrl.DEFAULT_TRAIN_CONFIG,
  lang: browserLang(),
};

const KNOWN_KEYS = [
  'text',
  'tokenizer',
  'special',
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
  ...trainUrl.TRAIN_KEYS,
  ...ROPE_KEYS,
] as const;
/** Longest text accepted from a URL (characters). */
export const MAX_URL_TEXT = 100_000;

function show(value: string): string {
  const clipped = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(clipped);
}

function parseIntStrict(value: string): number | null {
  return /^-?\d{1,10}$/.test(value.trim()) ? Number(value) : null;
}

export function parseHash(hash: string): { view: ViewState; notices: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const spec: RunSpec = { ...DEFAULT_SPEC, params: { ...DEFAULT_SPEC.params } };
  let sharedScale = DEFAULT_VIEW.sharedScale;
  let trainLength = DEFAULT_VIEW.trainLength;
  let dims = DEFAULT_VIEW.dims;
  const notices: string[] = [];
  // The language is read first, so every notice below is written in it (i18n/why.ts renders the common reasons).
  const langRaw = params.get('lang');
  const lang: Lang = langRaw !== null && isOneOf(LANGS, langRaw) ? langRaw : DEFAULT_VIEW.lang;
  const bad = (key: string, value: string, why: string, fallback: unknown) =>
    notices.push(
      t(lang, 'notice.urlBad', {
        key,
        value: show(value),
        why: whyIn(lang, why),
        fallback: JSON.stringify(fallback),
      }),
    );
  if (langRaw !== null && langRaw !== lang) bad('lang', langRaw, `is not one of ${LANGS.join(', ')}`, lang);

  for (const key of new Set(params.keys())) {
    if (!isOneOf(KNOWN_KEYS, key)) notices.push(t(lang, 'notice.urlUnknown', { key: show(key) }));
  }

  const text = params.get('text');
  if (text !== null) {
    if (text.length > MAX_URL_TEXT) {
      spec.text = text.slice(0, MAX_URL_TEXT);
      notices.push(t(lang, 'notice.urlText', { n: text.length, max: MAX_URL_TEXT }));
    } else spec.text = text;
  }

  const tokenizer = params.get('tokenizer');
  if (tokenizer !== null) {
    if (isOneOf(TOKENIZERS, tokenizer)) spec.tokenizer = tokenizer;
    else bad('tokenizer', tokenizer, `is not one of ${TOKENIZERS.join(', ')}`, spec.tokenizer);
  }

  const d = params.get('d');
  if (d !== null) {
    const n = parseIntStrict(d);
    if (n !== null && n >= LIMITS.dMin && n <= LIMITS.dMax && n % 2 === 0) spec.d = n;
    else bad('d', d, `must be an even integer from ${LIMITS.dMin} to ${LIMITS.dMax}`, spec.d);
  }

  const pe = params.get('pe');
  if (pe !== null) {
    if (isOneOf(ENCODINGS, pe)) spec.pe = pe;
    else bad('pe', pe, `is not one of ${ENCODINGS.join(', ')}`, spec.pe);
  }

  const seed = params.get('seed');
  if (seed !== null) {
    const n = parseIntStrict(seed);
    if (n !== null && Math.abs(n) <= 2 ** 31 - 1) spec.seed = n;
    else bad('seed', seed, 'must be an integer within ±2147483647', spec.seed);
  }

  const base = params.get('base');
  if (base !== null) {
    const n = Number(base);
    if (base.trim() !== '' && Number.isFinite(n) && n > 1 && n <= 1e12) spec.params.base = n;
    else bad('base', base, 'must be a number greater than 1 (and at most 1e12)', spec.params.base);
  }

  const layout = params.get('layout');
  if (layout !== null) {
    if (isOneOf(LAYOUTS, layout)) spec.params.layout = layout;
    else bad('layout', layout, `is not one of ${LAYOUTS.join(', ')}`, spec.params.layout);
  }

  const intKey = (key: string, min: number, max: number, fallback: number): number => {
    const v = params.get(key);
    if (v === null) return fallback;
    const n = parseIntStrict(v);
    if (n !== null && n >= min && n <= max) return n;
    bad(key, v, `must be an integer from ${min} to ${max}`, fallback);
    return fallback;
  };
  spec.params.heads = intKey('heads', 1, LIMITS.headsMax, spec.params.heads);
  spec.params.buckets = intKey('buckets', 2, LIMITS.bucketsMax, spec.params.buckets);
  spec.params.maxdist = intKey('maxdist', 2, LIMITS.maxPositions, spec.params.maxdist);
  spec.params.positions = intKey('positions', 1, LIMITS.maxPositions, spec.params.positions);
  trainLength = intKey('trainlen', 1, LIMITS.maxPositions, trainLength);
  parseRopeKeys(params, spec.params, spec.d, bad);

  const dimsRaw = params.get('dims');
  if (dimsRaw !== null) {
    const list = dimsRaw === '' ? [] : dimsRaw.split(',').map((x) => parseIntStrict(x));
    if (list.length <= 16 && list.every((n) => n !== null && n >= 0 && n < spec.d)) dims = list as number[];
    else bad('dims', dimsRaw, `must be up to 16 comma-separated dimensions below d = ${spec.d}`, dims);
  }

  const flag = (key: string, fallback: boolean): boolean => {
    const v = params.get(key);
    if (v === null) return fallback;
    if (v === '1' || v === '0') return v === '1';
    bad(key, v, 'must be 1 or 0', fallback);
    return fallback;
  };
  spec.scaleEmbeddings = flag('scale', spec.scaleEmbeddings);
  sharedScale = flag('shared', sharedScale);
  spec.params.bidirectional = flag('bidirectional', spec.params.bidirectional);
  spec.causal = flag('causal', spec.causal);
  spec.special = flag('special', spec.special);

  const choice = <T extends string>(key: string, list: readonly T[], fallback: T): T => {
    const v = params.get(key);
    if (v === null) return fallback;
    if (isOneOf(list, v)) return v;
    bad(key, v, `is not one of ${list.join(', ')}`, fallback);
    return fallback;
  };
  const num = (key: string, min: number, max: number, fallback: number): number => {
    const v = params.get(key);
    if (v === null) return fallback;
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) return n;
    bad(key, v, `must be a number from ${min} to ${max}`, fallback);
    return fallback;
  };
  spec.embedding = choice('embedding', EMBEDDINGS, spec.embedding);
  spec.init = choice('init', INITS, spec.init);
  const name = (key: string): string | null => {
    const v = params.get(key);
    if (v === null) return null;
    if (v.length > 0 && v.length <= 200 && ![...v].some((c) => c.charCodeAt(0) < 32)) return v;
    bad(key, v, 'must be a tensor name of 1 to 200 printable characters', null);
    return null;
  };
  spec.checkpoint = { token: name('ckpt_token'), position: name('ckpt_pos') };
  if (spec.embedding === 'checkpoint' && !spec.checkpoint.token) spec.checkpoint.token = null;

  const P = PROJECTION_LIMITS;
  const D = DEFAULT_PROJECTION;
  const proj: ProjectionSpec = {
    source: choice('proj', PROJECTION_SOURCES, D.source),
    method: choice('method', PROJECTION_METHODS, D.method),
    dims: choice('pdims', ['2', '3'] as const, String(D.dims) as '2' | '3') === '3' ? 3 : 2,
    withPositions: flag('ppos', D.withPositions),
    sample: intKey('sample', 3, P.sampleMax, D.sample),
    perplexity: num('perplexity', P.perplexityMin, P.perplexityMax, D.perplexity),
    learningRate: num('lr', 1, 10000, D.learningRate),
    tsneExact: flag('exact', D.tsneExact),
    neighbors: intKey('neighbors', P.neighborsMin, P.neighborsMax, D.neighbors),
    minDist: num('mindist', 0, 1, D.minDist),
    iterations: intKey('iters', 10, P.iterationsMax, D.iterations),
    seed: intKey('pseed', -(2 ** 31 - 1), 2 ** 31 - 1, D.seed),
  };

  const lessonRaw = params.get('lesson');
  const lesson = lessonRaw === null ? null : intKey('lesson', 1, LESSON_COUNT, 0) || null;
  const theme = choice('theme', THEMES, DEFAULT_VIEW.theme);
  const colormap = choice('colormap', COLORMAPS, DEFAULT_VIEW.colormap);
  const present = flag('present', DEFAULT_VIEW.present);
  let views = DEFAULT_VIEW.views;
  const viewsRaw = params.get('views');
  if (viewsRaw !== null) {
    const list = viewsRaw.split(',');
    if (list.every((v) => isOneOf(PRESENT_VIEWS, v)) && new Set(list).size === list.length)
      views = PRESENT_VIEWS.filter((v) => list.includes(v));
    else
      bad(
        'views',
        viewsRaw,
        `must be distinct names from ${PRESENT_VIEWS.join(', ')}, comma-separated`,
        views.join(','),
      );
  }

  let selected = DEFAULT_VIEW.selected;
  const selRaw = params.get('sel');
  if (selRaw !== null) {
    const rows = parseRanges(selRaw, LIMITS.maxTokens);
    if (rows) selected = rows;
    else
      bad(
        'sel',
        selRaw,
        `must be ascending rows or ranges (like 0-3,7) below ${LIMITS.maxTokens.toLocaleString('en')}`,
        '',
      );
  }

  const v = { spec, sharedScale, trainLength, dims, proj, lesson, theme, colormap, present, views, selected };
  return { view: { ...v, train: trainUrl.parseTrainKeys(params, bad), lang }, notices };
}

/** "0-3,7" → [0, 1, 2, 3, 7]; null unless every part is a row or range below `limit`, strictly ascending. */
export function parseRanges(raw: string, limit: number): number[] | null {
  const rows: number[] = [];
  for (const part of raw.split(',')) {
    const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b >= limit || (rows.length > 0 && a <= rows[rows.length - 1])) return null;
    for (let r = a; r <= b; r++) rows.push(r);
  }
  return rows;
}

/** Ascending rows → "0-3,7" (consecutive runs become ranges, so a brushed block stays short in a link). */
export function formatRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return parts.join(',');
}

/** The hash for a view; keys at their default are left out to keep links short, except text. */
export function toHash({
  spec,
  sharedScale,
  trainLength,
  dims,
  proj,
  lesson,
  theme,
  colormap,
  present,
  views,
  selected,
  train,
  lang,
}: ViewState): string {
  const p = new URLSearchParams();
  // A link carries at most MAX_URL_TEXT characters; the whole text is kept in local storage (see useEngine).
  p.set('text', spec.text.length > MAX_URL_TEXT ? spec.text.slice(0, MAX_URL_TEXT) : spec.text);
  p.set('tokenizer', spec.tokenizer);
  p.set('d', String(spec.d));
  p.set('pe', spec.pe);
  p.set('seed', String(spec.seed));
  p.set('base', String(spec.params.base));
  if (spec.params.layout !== DEFAULT_SPEC.params.layout) p.set('layout', spec.params.layout);
  if (spec.scaleEmbeddings) p.set('scale', '1');
  if (sharedScale) p.set('shared', '1');
  const P = spec.params;
  const D = DEFAULT_SPEC.params;
  if (P.heads !== D.heads) p.set('heads', String(P.heads));
  if (P.buckets !== D.buckets) p.set('buckets', String(P.buckets));
  if (P.maxdist !== D.maxdist) p.set('maxdist', String(P.maxdist));
  if (P.bidirectional !== D.bidirectional) p.set('bidirectional', P.bidirectional ? '1' : '0');
  if (P.positions !== D.positions) p.set('positions', String(P.positions));
  putRopeKeys(p, P);
  if (spec.causal) p.set('causal', '1');
  if (spec.special !== DEFAULT_SPEC.special) p.set('special', spec.special ? '1' : '0');
  if (trainLength !== DEFAULT_VIEW.trainLength) p.set('trainlen', String(trainLength));
  if (dims.join() !== DEFAULT_VIEW.dims.join()) p.set('dims', dims.join(','));
  if (spec.embedding !== DEFAULT_SPEC.embedding) p.set('embedding', spec.embedding);
  if (spec.init !== DEFAULT_SPEC.init) p.set('init', spec.init);
  if (spec.checkpoint.token) p.set('ckpt_token', spec.checkpoint.token);
  if (spec.checkpoint.position) p.set('ckpt_pos', spec.checkpoint.position);
  const Q = DEFAULT_PROJECTION;
  const put = (key: string, value: string | number | boolean, fallback: string | number | boolean) => {
    if (value !== fallback) p.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  };
  put('proj', proj.source, Q.source);
  put('method', proj.method, Q.method);
  put('pdims', proj.dims, Q.dims);
  put('ppos', proj.withPositions, Q.withPositions);
  put('sample', proj.sample, Q.sample);
  put('perplexity', proj.perplexity, Q.perplexity);
  put('lr', proj.learningRate, Q.learningRate);
  put('exact', proj.tsneExact, Q.tsneExact);
  put('neighbors', proj.neighbors, Q.neighbors);
  put('mindist', proj.minDist, Q.minDist);
  put('iters', proj.iterations, Q.iterations);
  put('pseed', proj.seed, Q.seed);
  if (lesson !== null) p.set('lesson', String(lesson));
  put('theme', theme, DEFAULT_VIEW.theme);
  put('colormap', colormap, DEFAULT_VIEW.colormap);
  put('present', present, DEFAULT_VIEW.present);
  if (views.join() !== DEFAULT_VIEW.views.join()) p.set('views', views.join(','));
  if (selected.length > 0) p.set('sel', formatRanges(selected));
  trainUrl.writeTrainKeys(p, train);
  put('lang', lang, DEFAULT_VIEW.lang);
  return '#' + p.toString();
}
