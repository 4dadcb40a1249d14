// One URL key: its name, where its value lives in the view, how it is read from and written to the hash, and which
// validator judges it. urlState.ts walks one table of these (url/keys.ts) to parse and to serialise, so each key is
// written once. A key refuses a raw value with a reason (a message: `must be …`, i18n/enUrl.ts); the caller turns
// that into a notice that names the key and the value kept, rendered in the interface's language when shown.
import { message, type Message } from '../../i18n/t.ts';
import type { ViewState } from './state.ts';

export type Parsed<T> = { value: T } | { why: Message };

export interface UrlKey<T> {
  /** The key as it appears in the hash. */
  name: string;
  /** The value in a view. */
  get(view: ViewState): T;
  /** A copy of the view with the value set. */
  set(view: ViewState, value: T): ViewState;
  /** Reads the raw string; `view` holds every key parsed before this one (the table's order). */
  parse(raw: string, view: ViewState): Parsed<T>;
  /** The string written in the hash. */
  format(value: T): string;
  /** Written even at its default value (the keys that make a link self-describing: text, d, pe …). */
  always?: boolean;
  /** A notice for a value accepted with a change (a text clipped to the URL limit). */
  notice?(raw: string): Message | null;
  /** How the kept value is shown in a refusal notice (default: its JSON). */
  show?(value: T): string | Message;
  /**
   * The protocol's own validator over the view with this key set (validateSpec, validateProjection …): a problem
   * refuses the value with that message. Ranges live there, not here, so the URL and the engine cannot drift.
   */
  validate?(view: ViewState): Message | null;
}

/** Erases T for the table, which holds keys of many value types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyUrlKey = UrlKey<any>;

const ok = <T>(value: T): Parsed<T> => ({ value });
const no = <T>(why: Message): Parsed<T> => ({ why });

/** An integer written in decimal (up to 10 digits, optional sign) within [min, max]. */
export function intCodec(min: number, max: number) {
  return {
    parse: (raw: string): Parsed<number> =>
      /^-?\d{1,10}$/.test(raw.trim()) && Number(raw) >= min && Number(raw) <= max
        ? ok(Number(raw))
        : no(message('url.int', { min, max })),
    format: (n: number) => String(n),
  };
}

/** A finite number; the range check belongs to the key's validator (or `min`/`max` where there is none). */
export function numberCodec(min = -Infinity, max = Infinity) {
  return {
    parse: (raw: string): Parsed<number> => {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) && n >= min && n <= max
        ? ok(n)
        : no(Number.isFinite(min) ? message('url.number', { min, max }) : message('url.finite'));
    },
    format: (n: number) => String(n),
  };
}

/** 1 or 0. */
export const flagCodec = {
  parse: (raw: string): Parsed<boolean> =>
    raw === '1' || raw === '0' ? ok(raw === '1') : no(message('url.flag')),
  format: (b: boolean) => (b ? '1' : '0'),
};

/** One of a fixed list of names. */
export function choiceCodec<T extends string>(list: readonly T[]) {
  return {
    parse: (raw: string): Parsed<T> =>
      (list as readonly string[]).includes(raw)
        ? ok(raw as T)
        : no(message('url.oneOf', { list: list.join(', ') })),
    format: (v: T) => v,
  };
}
