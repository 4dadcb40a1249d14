// RoPE's URL keys (issue #15): head_dim, rotary_pct, rope_type and the frequency rule's constants. Each key is
// parsed and range-checked alone; then checkRope judges the combination with the protocol's validateRope, and a
// key that breaks it falls back to its default with a notice, the rule's own key first, rope_type last.
import {
  DEFAULT_ROPE,
  ROPE_TYPES,
  ROPE_URL_KEYS,
  validateRope,
  type RopeField,
  type RopeParams,
} from '../../protocol/rope.ts';
import { LIMITS } from '../../protocol/specs.ts';
import type { ViewState } from './state.ts';
import { choiceCodec, type AnyUrlKey, type Parsed, type UrlKey } from './key.ts';
import { message, type Message } from '../../i18n/t.ts';

const MAX_FACTOR = 1e6;

type Codec<T> = { parse(raw: string): Parsed<T>; format(x: T): string };

const number = (min: number, max: number, open: boolean, why: Message): Codec<number> => ({
  parse: (raw) => {
    const n = Number(raw);
    const fine = raw.trim() !== '' && Number.isFinite(n) && (open ? n > min : n >= min) && n <= max;
    return fine ? { value: n } : { why };
  },
  format: String,
});
const integer = (min: number, max: number, even: boolean, why: Message): Codec<number> => ({
  parse: (raw) => {
    const n = /^\d{1,8}$/.test(raw) ? Number(raw) : NaN;
    return n >= min && n <= max && (!even || n % 2 === 0) ? { value: n } : { why };
  },
  format: String,
});
const item = number(0, MAX_FACTOR, true, message('url.finite'));
const list: Codec<number[]> = {
  parse: (raw) => {
    const items = raw === '' ? [] : raw.split(',').map((x) => item.parse(x));
    return items.length <= LIMITS.dMax / 2 && items.every((n) => 'value' in n)
      ? { value: items.map((n) => ('value' in n ? n.value : 0)) }
      : { why: message('url.numbers', { max: LIMITS.dMax / 2 }) };
  },
  format: (x) => x.join(','),
};

function ropeKey<F extends RopeField>(
  field: F,
  codec: Codec<NonNullable<RopeParams[F]>>,
): UrlKey<RopeParams[F]> {
  return {
    name: ROPE_URL_KEYS[field],
    get: (v) => v.spec.params[field],
    set: (v, x) => ({ ...v, spec: { ...v.spec, params: { ...v.spec.params, [field]: x } } }),
    // An empty value is the field's null default where it has one (head_dim: d; attention_factor: the rule's).
    parse: (raw) =>
      raw === '' && DEFAULT_ROPE[field] === null ? { value: null as RopeParams[F] } : codec.parse(raw),
    format: (x) => (x === null ? '' : codec.format(x as NonNullable<RopeParams[F]>)),
  };
}

const above = (max: number) => message('url.aboveAtMost', { min: 0, max });
const positive = above(MAX_FACTOR);

export const ROPE_KEYS: AnyUrlKey[] = [
  ropeKey('headDim', integer(2, LIMITS.dMax, true, message('url.evenInt', { min: 2, max: LIMITS.dMax }))),
  ropeKey('rotaryPct', number(0, 1, true, above(1))),
  ropeKey('ropeType', choiceCodec(ROPE_TYPES)),
  ropeKey('factor', number(1, MAX_FACTOR, false, message('url.number', { min: 1, max: MAX_FACTOR }))),
  ropeKey('lowFreqFactor', number(0, MAX_FACTOR, true, positive)),
  ropeKey('highFreqFactor', number(0, MAX_FACTOR, true, positive)),
  ropeKey('originalContext', integer(1, 1e7, false, message('url.int', { min: 1, max: 10000000 }))),
  ropeKey('betaFast', number(0, 1e4, true, above(10000))),
  ropeKey('betaSlow', number(0, 1e4, true, above(10000))),
  ropeKey('attentionFactor', number(0, 100, true, above(100))),
  ropeKey('longFactor', list),
  ropeKey('shortFactor', list),
];

const FIELDS = Object.keys(ROPE_URL_KEYS) as RopeField[];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Bad = (key: string, value: string, why: Message, fallback: unknown) => void;

/**
 * The combination of RoPE keys, judged by validateRope (model width and positions already parsed). Each round
 * resets one key that is away from its default, so this ends within FIELDS.length rounds.
 */
export function checkRope(view: ViewState, q: URLSearchParams, bad: Bad): ViewState {
  let params = view.spec.params;
  for (let round = 0; round <= FIELDS.length; round++) {
    const problem = validateRope(params, view.spec.d, params.positions);
    if (!problem) break;
    const field = problem.fields.find((f) => !same(params[f], DEFAULT_ROPE[f])) ?? 'ropeType';
    const key = ROPE_URL_KEYS[field];
    bad(key, q.get(key) ?? '', message('url.refused', { reason: problem.message }), DEFAULT_ROPE[field]);
    params = { ...params, [field]: DEFAULT_ROPE[field] };
  }
  return { ...view, spec: { ...view.spec, params } };
}
