// The URL keys of what the page shows around the run: shared colour scale, training length, plotted dimensions,
// the projection request, lessons, theme, colour map, presentation mode, the views shown and the selected rows.
// Projection ranges come from protocol/specs.ts PROJECTION_LIMITS and validateProjection.
import {
  DEFAULT_PROJECTION,
  LIMITS,
  PROJECTION_LIMITS,
  PROJECTION_METHODS,
  PROJECTION_SOURCES,
  validateProjection,
  type ProjectionSpec,
} from '../../protocol/specs.ts';
import { COLORMAPS } from '../../plots/scales.ts';
import { LANGS } from '../../i18n/lang.ts';
import { LESSON_COUNT, PRESENT_VIEWS, THEMES, formatRanges, parseRanges, type ViewState } from './state.ts';
import {
  choiceCodec,
  flagCodec,
  intCodec,
  numberCodec,
  type AnyUrlKey,
  type Parsed,
  type UrlKey,
} from './key.ts';
import { message } from '../../i18n/t.ts';

type Codec<T> = { parse(raw: string, view: ViewState): Parsed<T>; format(x: T): string };

/** A key stored at view[field]. */
function viewKey<F extends keyof ViewState>(
  name: string,
  field: F,
  codec: Codec<ViewState[F]>,
): UrlKey<ViewState[F]> {
  return { name, get: (v) => v[field], set: (v, x) => ({ ...v, [field]: x }), ...codec };
}

/** A key stored at view.proj[field], judged by validateProjection as well. */
function projKey<F extends keyof ProjectionSpec>(
  name: string,
  field: F,
  codec: Codec<ProjectionSpec[F]>,
): UrlKey<ProjectionSpec[F]> {
  return {
    name,
    get: (v) => v.proj[field],
    set: (v, x) => ({ ...v, proj: { ...v.proj, [field]: x } }),
    validate: (v) => validateProjection(v.proj),
    ...codec,
  };
}

/** Distinct names from `list`, comma-separated, kept in the list's order. */
function namesCodec<T extends string>(list: readonly T[]): Codec<T[]> {
  return {
    parse: (raw) => {
      const names = raw.split(',');
      return names.every((n) => (list as readonly string[]).includes(n)) &&
        new Set(names).size === names.length
        ? { value: list.filter((n) => names.includes(n)) }
        : { why: message('url.names', { list: list.join(', ') }) };
    },
    format: (x) => x.join(','),
  };
}

const P = PROJECTION_LIMITS;
const SEED_MAX = 2 ** 31 - 1;

export const VIEW_KEYS: AnyUrlKey[] = [
  viewKey('shared', 'sharedScale', flagCodec),
  viewKey('trainlen', 'trainLength', intCodec(1, LIMITS.maxPositions)),
  {
    ...viewKey('dims', 'dims', {
      parse: (raw, v) => {
        const list = raw === '' ? [] : raw.split(',').map((x) => intCodec(0, v.spec.d - 1).parse(x));
        return list.length <= 16 && list.every((n) => 'value' in n)
          ? { value: list.map((n) => ('value' in n ? n.value : 0)) }
          : { why: message('url.dims', { d: v.spec.d }) };
      },
      format: (x) => x.join(','),
    }),
  },
];

export const PROJECTION_KEYS: AnyUrlKey[] = [
  projKey('proj', 'source', choiceCodec(PROJECTION_SOURCES)),
  projKey('method', 'method', choiceCodec(PROJECTION_METHODS)),
  projKey('pdims', 'dims', {
    parse: (raw) =>
      raw === '2' || raw === '3'
        ? { value: Number(raw) as 2 | 3 }
        : { why: message('url.oneOf', { list: '2, 3' }) },
    format: String,
  }),
  projKey('ppos', 'withPositions', flagCodec),
  projKey('sample', 'sample', intCodec(3, P.sampleMax)),
  projKey('perplexity', 'perplexity', numberCodec(P.perplexityMin, P.perplexityMax)),
  projKey('lr', 'learningRate', {
    parse: (raw) => {
      const n = numberCodec().parse(raw);
      return 'value' in n && n.value > 0 && n.value <= 10000
        ? n
        : { why: message('url.aboveAtMost', { min: 0, max: 10000 }) };
    },
    format: String,
  }),
  projKey('exact', 'tsneExact', flagCodec),
  projKey('neighbors', 'neighbors', intCodec(P.neighborsMin, P.neighborsMax)),
  projKey('mindist', 'minDist', numberCodec(0, 1)),
  projKey('iters', 'iterations', intCodec(10, P.iterationsMax)),
  projKey('pseed', 'seed', intCodec(-SEED_MAX, SEED_MAX)),
];

export const PAGE_KEYS: AnyUrlKey[] = [
  // read before every other key by parseHash too, so that notices come out in this language
  viewKey('lang', 'lang', choiceCodec(LANGS)),
  {
    ...viewKey('lesson', 'lesson', {
      parse: (raw) => {
        const n = intCodec(1, LESSON_COUNT).parse(raw);
        return 'value' in n ? n : { why: message('url.int', { min: 1, max: LESSON_COUNT }) };
      },
      format: (x) => String(x),
    }),
    show: () => '0',
  },
  viewKey('theme', 'theme', choiceCodec(THEMES)),
  viewKey('colormap', 'colormap', choiceCodec(COLORMAPS)),
  viewKey('present', 'present', flagCodec),
  {
    ...viewKey('views', 'views', namesCodec(PRESENT_VIEWS)),
    show: (x: string[]) => JSON.stringify(x.join(',')),
  },
  {
    ...viewKey('sel', 'selected', {
      parse: (raw) => {
        const rows = parseRanges(raw, LIMITS.maxTokens);
        return rows ? { value: rows } : { why: message('url.ranges', { max: LIMITS.maxTokens }) };
      },
      format: formatRanges,
    }),
    show: () => '""',
  },
];

export { DEFAULT_PROJECTION };
