// The run spec's URL keys: text, tokenizer, width, scheme and its shared parameters, embeddings and checkpoint
// tensor names. Ranges come from protocol/specs.ts LIMITS, the protocol's own bounds.
import {
  EMBEDDINGS,
  ENCODINGS,
  INITS,
  LAYOUTS,
  LIMITS,
  TOKENIZERS,
  type EncodingParams,
  type RunSpec,
} from '../../protocol/specs.ts';
import type { ViewState } from './state.ts';
import { message } from '../../i18n/t.ts';
import {
  choiceCodec,
  flagCodec,
  intCodec,
  numberCodec,
  type AnyUrlKey,
  type Parsed,
  type UrlKey,
} from './key.ts';

/** Longest text accepted from a URL (characters). */
export const MAX_URL_TEXT = 100_000;
const SEED_MAX = 2 ** 31 - 1;

const withSpec = (v: ViewState, patch: Partial<RunSpec>): ViewState => ({
  ...v,
  spec: { ...v.spec, ...patch },
});
const withParams = (v: ViewState, patch: Partial<EncodingParams>): ViewState =>
  withSpec(v, { params: { ...v.spec.params, ...patch } });

/** A key stored at spec[field]. */
function specKey<F extends keyof RunSpec>(
  name: string,
  field: F,
  codec: { parse(raw: string): Parsed<RunSpec[F]>; format(x: RunSpec[F]): string },
  always = false,
): UrlKey<RunSpec[F]> {
  return { name, always, get: (v) => v.spec[field], set: (v, x) => withSpec(v, { [field]: x }), ...codec };
}

/** A key stored at spec.params[field]. */
function paramKey<F extends keyof EncodingParams>(
  name: string,
  field: F,
  codec: { parse(raw: string): Parsed<EncodingParams[F]>; format(x: EncodingParams[F]): string },
  always = false,
): UrlKey<EncodingParams[F]> {
  return {
    name,
    always,
    get: (v) => v.spec.params[field],
    set: (v, x) => withParams(v, { [field]: x }),
    ...codec,
  };
}

/** A checkpoint tensor name: 1 to 200 printable characters. */
const tensorName = {
  parse: (raw: string): Parsed<string | null> =>
    raw.length > 0 && raw.length <= 200 && ![...raw].some((c) => c.charCodeAt(0) < 32)
      ? { value: raw }
      : { why: message('url.tensor') },
  format: (x: string | null) => x ?? '',
};

export const SPEC_KEYS: AnyUrlKey[] = [
  {
    name: 'text',
    always: true,
    get: (v) => v.spec.text,
    set: (v, text: string) => withSpec(v, { text }),
    // A link carries at most MAX_URL_TEXT characters; the whole text is kept in local storage (useEngine).
    parse: (raw) => ({ value: raw.slice(0, MAX_URL_TEXT) }),
    format: (text: string) => text.slice(0, MAX_URL_TEXT),
    notice: (raw: string) =>
      raw.length > MAX_URL_TEXT ? message('notice.urlText', { n: raw.length, max: MAX_URL_TEXT }) : null,
  },
  specKey('tokenizer', 'tokenizer', choiceCodec(TOKENIZERS), true),
  specKey(
    'd',
    'd',
    {
      parse: (raw) => {
        const n = intCodec(LIMITS.dMin, LIMITS.dMax).parse(raw);
        return 'value' in n && n.value % 2 === 0
          ? n
          : { why: message('url.evenInt', { min: LIMITS.dMin, max: LIMITS.dMax }) };
      },
      format: String,
    },
    true,
  ),
  specKey('pe', 'pe', choiceCodec(ENCODINGS), true),
  specKey(
    'seed',
    'seed',
    {
      parse: (raw) => {
        const n = intCodec(-SEED_MAX, SEED_MAX).parse(raw);
        return 'value' in n ? n : { why: message('url.seed', { max: SEED_MAX }) };
      },
      format: String,
    },
    true,
  ),
  paramKey(
    'base',
    'base',
    {
      parse: (raw) => {
        const n = numberCodec().parse(raw);
        return 'value' in n && n.value > 1 && n.value <= 1e12 ? n : { why: message('url.base') };
      },
      format: String,
    },
    true,
  ),
  paramKey('layout', 'layout', choiceCodec(LAYOUTS)),
  paramKey('heads', 'heads', intCodec(1, LIMITS.headsMax)),
  paramKey('buckets', 'buckets', intCodec(2, LIMITS.bucketsMax)),
  paramKey('maxdist', 'maxdist', intCodec(2, LIMITS.maxPositions)),
  paramKey('positions', 'positions', intCodec(1, LIMITS.maxPositions)),
  specKey('scale', 'scaleEmbeddings', flagCodec),
  paramKey('bidirectional', 'bidirectional', flagCodec),
  specKey('causal', 'causal', flagCodec),
  specKey('special', 'special', flagCodec),
  specKey('embedding', 'embedding', choiceCodec(EMBEDDINGS)),
  specKey('init', 'init', choiceCodec(INITS)),
  {
    name: 'ckpt_token',
    get: (v) => v.spec.checkpoint.token,
    set: (v, token: string | null) => withSpec(v, { checkpoint: { ...v.spec.checkpoint, token } }),
    ...tensorName,
  },
  {
    name: 'ckpt_pos',
    get: (v) => v.spec.checkpoint.position,
    set: (v, position: string | null) => withSpec(v, { checkpoint: { ...v.spec.checkpoint, position } }),
    ...tensorName,
  },
];
