// The worker protocol: discriminated unions, one payload per message type.
// Matrices travel as Float32Array with their buffer transferred, never copied or JSON-ed.
import type { RunSpec } from './specs.ts';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';

export interface Matrix {
  /** Stable key, e.g. 'pe'. */
  name: string;
  /** Human title; also the accessible name of the panel that shows it. */
  title: string;
  /** [rows, cols] */
  shape: [number, number];
  /** Row-major values, rows × cols. */
  data: Float32Array;
  rowLabels?: string[];
  /** Column labels when columns are not dimensions (e.g. positions). */
  colLabels?: string[];
  /** Colour scale: signed data is diverging (default), weights and indices sequential. */
  colors?: 'diverging' | 'sequential';
  /** Key of the spec-without-text that produced a text-independent matrix (lets the worker skip resending). */
  staticKey?: string;
  /** One line for the panel caption, e.g. what was left out. */
  note?: string;
}

export interface Token {
  text: string;
  id: number;
  /** UTF-16 offsets into the input text: text.slice(start, end) is the token's source. */
  start: number;
  end: number;
  /** UTF-8 byte offsets into the input: a byte-level BPE piece may cover part of one character. */
  byteStart: number;
  byteEnd: number;
  unknown: boolean;
}

/** A live invariant check: the property, the measured worst case, the limit, and whether it holds. */
export interface Check {
  name: string;
  value: number;
  limit: number;
  pass: boolean;
  detail: string;
}

export type ToEngine =
  /** `cached`: the staticKey of the text-independent matrices the client already holds. */
  | { type: 'run'; runId: number; spec: RunSpec; cached: string | null }
  | { type: 'cancel'; runId: number }
  /** Test hook: throws inside the worker's message handler to exercise crash recovery. */
  | { type: 'crash' };

export type FromEngine =
  | { type: 'ready'; backend: BackendName; adapter: string | null; fallbacks: string[] }
  | { type: 'tokens'; runId: number; tokens: Token[]; vocabSize: number }
  | { type: 'matrix'; runId: number; matrix: Matrix }
  | { type: 'checks'; runId: number; scheme: string; checks: Check[] }
  /** `names`: every matrix this run's view consists of (the client drops any other it still holds). */
  | { type: 'done'; runId: number; ms: number; numTensors: number; names: string[] }
  | { type: 'error'; runId: number | null; message: string };

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}

/** The buffers to transfer with a message, so matrices move instead of being copied. */
export function transferables(msg: FromEngine): ArrayBuffer[] {
  if (msg.type !== 'matrix') return [];
  const buffer = msg.matrix.data.buffer;
  return buffer instanceof ArrayBuffer ? [buffer] : [];
}

/** File-name slug of a panel title: "Input (token + position)" → "input-token-position". */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
