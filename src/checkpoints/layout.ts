// A 2-D float table stored row-major at a byte offset of a Blob (a safetensors tensor, a C-order .npy array):
// decoding its words to float32 in either byte order, reading only chosen rows (consecutive rows coalesced into
// one byte range each), and streaming the whole table in chunks of rows. Row r spans bytes
// begin + r·cols·item … begin + (r + 1)·cols·item, so any set of rows costs only its own bytes.
import { msg } from '../protocol/msg.ts';
import { CheckpointError, f32FromLE, f64FromLE, readRange, u16FromLE } from './binary.ts';
import { decodeHalf } from './float16.ts';

export type FloatKind = 'f16' | 'bf16' | 'f32' | 'f64';

export const FLOAT_BYTES: Record<FloatKind, number> = { f16: 2, bf16: 2, f32: 4, f64: 8 };

/** Stored words → float32 (f16, bf16, f32 exactly; f64 rounded to the nearest float32). */
export function decodeFloats(bytes: Uint8Array, kind: FloatKind, littleEndian = true): Float32Array {
  const le = littleEndian ? bytes : swapBytes(bytes, FLOAT_BYTES[kind]);
  switch (kind) {
    case 'f32':
      return f32FromLE(le);
    case 'f64':
      return f64FromLE(le);
    case 'f16':
    case 'bf16':
      return decodeHalf(u16FromLE(le), kind);
    default:
      return assertNeverKind(kind);
  }
}

function assertNeverKind(kind: never): never {
  throw new Error(`unknown float kind: ${String(kind)}`);
}

/** A copy with the bytes of every `width`-byte word reversed (big-endian ↔ little-endian). */
export function swapBytes(bytes: Uint8Array, width: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let w = 0; w < bytes.length; w += width)
    for (let k = 0; k < width; k++) out[w + k] = bytes[w + width - 1 - k];
  return out;
}

export interface RowMajorTable {
  blob: Blob;
  /** File label for messages, and the tensor's name. */
  label: string;
  name: string;
  /** Absolute byte offset of row 0. */
  begin: number;
  rows: number;
  cols: number;
  kind: FloatKind;
  littleEndian: boolean;
}

/** Sorted distinct rows → runs [first, end) of consecutive rows. */
export function coalesceRows(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else runs.push([r, r + 1]);
  }
  return runs;
}

/** Rows [first, end) of the table as float32 [end − first, cols]. */
export async function readRowRange(t: RowMajorTable, first: number, end: number): Promise<Float32Array> {
  const rowBytes = t.cols * FLOAT_BYTES[t.kind];
  const bytes = await readRange(
    t.blob,
    t.begin + first * rowBytes,
    t.begin + end * rowBytes,
    t.label,
    msg('ckpt.part.rows', { first, last: end - 1, name: t.name }),
  );
  return decodeFloats(bytes, t.kind, t.littleEndian);
}

/**
 * The rows `ids` [ids.length, cols], in the order given (repeats allowed), reading each run of consecutive
 * needed rows once and nothing else. Ids outside 0…rows − 1 are refused.
 */
export async function readRows(t: RowMajorTable, ids: ArrayLike<number>): Promise<Float32Array> {
  const list = Array.from(ids);
  const { cols } = t;
  const bad = list.find((id) => !Number.isInteger(id) || id < 0 || id >= t.rows);
  if (bad !== undefined) {
    throw new CheckpointError('ckpt.rowOutside', {
      label: t.label,
      row: bad,
      name: t.name,
      last: t.rows - 1,
    });
  }
  const runs = coalesceRows(list);
  const parts = await Promise.all(runs.map(([a, b]) => readRowRange(t, a, b)));
  const out = new Float32Array(list.length * cols);
  const slots = new Map<number, number[]>(); // row → places in `out`
  list.forEach((id, i) => slots.set(id, [...(slots.get(id) ?? []), i]));
  runs.forEach(([a, b], k) => {
    for (let r = a; r < b; r++) {
      const row = parts[k].subarray((r - a) * cols, (r - a + 1) * cols);
      for (const i of slots.get(r) ?? []) out.set(row, i * cols);
    }
  });
  return out;
}

/** The whole table in chunks of at most `chunkRows` rows, in order; only one chunk is held at a time. */
export async function* rowChunks(
  t: RowMajorTable,
  chunkRows: number,
): AsyncGenerator<{ first: number; rows: number; total: number; data: Float32Array }> {
  for (let first = 0; first < t.rows; first += chunkRows) {
    const end = Math.min(t.rows, first + chunkRows);
    yield { first, rows: end - first, total: t.rows, data: await readRowRange(t, first, end) };
  }
}
