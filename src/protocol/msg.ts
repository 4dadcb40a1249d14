// A message for a person, as data: a key of the English message table (protocol/text.ts, part of i18n/en.ts, the
// reference) and its parameters. Workers and validators build these instead of English sentences; the main thread
// renders them in the interface's language at render time (i18n/t.ts), so a language switch re-renders what is on
// screen without a rerun. Numbers travel as numbers; a placeholder may name a format: `{n:n}` groups digits in the
// language's locale, `{x:p4}` is toPrecision(4), `{x:e2}` toExponential(2), `{x:f1}` toFixed(1); `{n}` is String(n).
// A parameter may itself be a message (a reason inside a frame), rendered in the same language.
import { MSG_EN, type MsgKey } from './text.ts';

export type { MsgKey };

export type MsgParam<K extends string = MsgKey> = string | number | Msg<K>;

export interface Msg<K extends string = MsgKey> {
  key: K;
  params?: Readonly<Record<string, MsgParam<K>>>;
}

/** A message with its parameters. */
export function msg(key: MsgKey, params?: Record<string, MsgParam>): Msg {
  return params ? { key, params } : { key };
}

/** An error thrown inside a worker whose message is data: the worker posts `msg`, never the English `message`. */
export class MsgError extends Error {
  constructor(
    readonly msg: Msg,
    options?: { cause?: unknown },
  ) {
    super(renderEn(msg), options);
  }
}

/** The message an error stands for: its own for a MsgError, else its text in the raw frame (`err.raw`). */
export function msgOf(err: unknown): Msg {
  if (err instanceof MsgError) return err.msg;
  return msg('err.raw', { text: err instanceof Error ? err.message : String(err) });
}

const HOLE = /\{(\w+)(?::([npef])(\d*))?\}/g;

function formatted(v: number, kind: string | undefined, digits: string, locale: string): string {
  const k = digits === '' ? undefined : Number(digits);
  if (kind === 'n') return v.toLocaleString(locale);
  if (kind === 'p') return v.toPrecision(k);
  if (kind === 'e') return v.toExponential(k);
  if (kind === 'f') return v.toFixed(k);
  return String(v);
}

/**
 * Fills `{name}` / `{name:fmt}` placeholders of `template`: numbers in their format and `locale`, messages
 * rendered by `render`. A placeholder without a value is left as it is, so it shows up in review.
 */
export function fillIn<K extends string>(
  template: string,
  values: Readonly<Record<string, MsgParam<K>>>,
  locale: string,
  render: (m: Msg<K>) => string,
): string {
  return template.replace(HOLE, (whole, name: string, kind: string | undefined, digits: string) => {
    if (!(name in values)) return whole;
    const v = values[name];
    if (typeof v === 'number') return formatted(v, kind, digits ?? '', locale);
    return typeof v === 'string' ? v : render(v);
  });
}

/** The `{name}` and `{name:fmt}` placeholders of a template, sorted (the same in every language). */
export function holes(template: string): string[] {
  return [...template.matchAll(HOLE)].map((m) => (m[2] ? `${m[1]}:${m[2]}${m[3]}` : m[1])).sort();
}

/** A message in English (for logs, Error.message and tests); the interface renders with i18n/t.ts. */
export function renderEn(m: Msg): string {
  return fillIn(MSG_EN[m.key], m.params ?? {}, 'en-US', renderEn);
}

/** What a registry holds, as named in `unknown <kind>: x`. */
export type RegistryKind = 'encoding' | 'ropeRule' | 'tokenizer' | 'embedding' | 'model' | 'projection';

/** The error a registry throws for a name it does not hold: `unknown encoding: x` (DESIGN.md). */
export function unknownName(kind: RegistryKind, name: string): MsgError {
  return new MsgError(msg('err.unknown', { kind: msg(`kind.${kind}`), name }));
}

/** Several messages as one: "a; b; c" (`msg.join`) or "a · b · c" (`msg.dot`), each rendered in its language. */
export function list(items: readonly Msg[], key: 'msg.join' | 'msg.dot' = 'msg.join'): Msg {
  if (items.length === 0) return msg('err.raw', { text: '' });
  return items.slice(0, -1).reduceRight((b: Msg, a) => msg(key, { a, b }), items[items.length - 1]);
}
