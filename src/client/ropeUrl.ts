// RoPE's URL keys (issue #15): head_dim, rotary_pct, rope_type and the frequency rule's constants. Each key is
// parsed and range-checked alone; then the combination is checked (protocol/rope.ts validateRope) and a key that
// breaks it falls back to its default with a notice, the rule's own key first, rope_type last.
import {
  DEFAULT_ROPE,
  ROPE_TYPES,
  ROPE_URL_KEYS,
  validateRope,
  type RopeField,
  type RopeParams,
} from '../protocol/rope.ts';
import { LIMITS, isOneOf, type EncodingParams } from '../protocol/specs.ts';

export const ROPE_KEYS = [
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
] as const satisfies ReadonlyArray<(typeof ROPE_URL_KEYS)[RopeField]>;

type Bad = (key: string, value: string, why: string, fallback: unknown) => void;

const FIELDS = Object.keys(ROPE_URL_KEYS) as RopeField[];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const MAX_FACTOR = 1e6;

/** Reads the RoPE keys of `q` into `params` (model width d already parsed); bad values are refused via `bad`. */
export function parseRopeKeys(q: URLSearchParams, params: EncodingParams, d: number, bad: Bad): void {
  const get = (field: RopeField, parse: (v: string) => RopeParams[RopeField] | undefined, why: string) => {
    const key = ROPE_URL_KEYS[field];
    const v = q.get(key);
    if (v === null) return;
    const value = parse(v);
    if (value === undefined) bad(key, v, why, DEFAULT_ROPE[field]);
    else Object.assign(params, { [field]: value });
  };
  const number =
    (min: number, max: number, open = false) =>
    (v: string) => {
      const n = Number(v);
      const ok = v.trim() !== '' && Number.isFinite(n) && (open ? n > min : n >= min) && n <= max;
      return ok ? n : undefined;
    };
  const integer =
    (min: number, max: number, even = false) =>
    (v: string) => {
      const n = /^\d{1,8}$/.test(v) ? Number(v) : NaN;
      return n >= min && n <= max && (!even || n % 2 === 0) ? n : undefined;
    };
  const list = (v: string) => {
    const items = v === '' ? [] : v.split(',').map(number(0, MAX_FACTOR, true));
    return items.length <= LIMITS.dMax / 2 && items.every((n) => n !== undefined)
      ? (items as number[])
      : undefined;
  };
  const positive = `must be a number above 0 and at most ${MAX_FACTOR}`;
  get('headDim', integer(2, LIMITS.dMax, true), `must be an even integer from 2 to ${LIMITS.dMax}`);
  get('rotaryPct', number(0, 1, true), 'must be a number above 0 and at most 1');
  get('ropeType', (v) => (isOneOf(ROPE_TYPES, v) ? v : undefined), `is not one of ${ROPE_TYPES.join(', ')}`);
  get('factor', number(1, MAX_FACTOR), `must be a number from 1 to ${MAX_FACTOR}`);
  get('lowFreqFactor', number(0, MAX_FACTOR, true), positive);
  get('highFreqFactor', number(0, MAX_FACTOR, true), positive);
  get('originalContext', integer(1, 1e7), 'must be an integer from 1 to 10000000');
  get('betaFast', number(0, 1e4, true), 'must be a number above 0 and at most 10000');
  get('betaSlow', number(0, 1e4, true), 'must be a number above 0 and at most 10000');
  get('attentionFactor', number(0, 100, true), 'must be a number above 0 and at most 100');
  const listWhy = `must be up to ${LIMITS.dMax / 2} comma-separated numbers above 0`;
  get('longFactor', list, listWhy);
  get('shortFactor', list, listWhy);

  // Each round resets one key that is away from its default, so this ends within FIELDS.length rounds.
  for (let round = 0; round <= FIELDS.length; round++) {
    const problem = validateRope(params, d, params.positions);
    if (!problem) return;
    const field = problem.fields.find((f) => !same(params[f], DEFAULT_ROPE[f])) ?? 'ropeType';
    const key = ROPE_URL_KEYS[field];
    bad(key, q.get(key) ?? '', `is refused: ${problem.message.replace(/\.$/, '')}`, DEFAULT_ROPE[field]);
    Object.assign(params, { [field]: DEFAULT_ROPE[field] });
  }
}

/** Writes the RoPE keys that differ from their defaults. */
export function putRopeKeys(p: URLSearchParams, params: RopeParams): void {
  for (const field of FIELDS) {
    const value = params[field];
    if (value === null || same(value, DEFAULT_ROPE[field])) continue;
    p.set(ROPE_URL_KEYS[field], Array.isArray(value) ? value.join(',') : String(value));
  }
}
