// Big tables (DESIGN.md "Big tables: overview + detail"). A position table of more than DETAIL_ROWS rows is never
// sent whole: the worker sends an overview (each overview row the MEAN of a block of consecutive table rows,
// reduced on the device, at most OVERVIEW_ROWS rows) and the exact rows of a detail window A…B (inclusive, at most
// DETAIL_ROWS rows). A [T, d] matrix past POOL_FROM rows or columns is drawn pooled the same way (block means).
// Both threads import this module: types and tiny pure helpers only.
import { msg, type Msg } from './msg.ts';

/** Most rows of a detail window, and the size up to which a table is sent whole (window = the whole table). */
export const DETAIL_ROWS = 4096;
/** Most rows of an overview (about a screen's pixel rows). */
export const OVERVIEW_ROWS = 1024;
/** A [T, d] matrix with more rows or columns than this is pooled to at most POOL_TO per axis. */
export const POOL_FROM = 2048;
export const POOL_TO = 1024;

/** Inclusive positions [A, B]. */
export type RowWindow = [number, number];

/** Where a detail matrix sits in its table: rows start…end (inclusive) of `total`. */
export interface WindowInfo {
  start: number;
  end: number;
  total: number;
}

/** A table reduced to the pixel grid: overview row r is the mean of table rows r·block … min((r+1)·block, total) − 1. */
export interface Overview {
  /** [ceil(total / block), cols] */
  shape: [number, number];
  data: Float32Array;
  block: number;
  total: number;
  reduction: 'mean';
}

/** A [rows, cols] matrix pooled by block means: the Matrix's shape is ceil(rows/rowBlock) × ceil(cols/colBlock). */
export interface Pooled {
  /** The exact matrix's [rows, cols]. */
  shape: [number, number];
  rowBlock: number;
  colBlock: number;
  reduction: 'mean';
  /** The run that drew it: an exact-values request for its cells names this view (protocol/cells.ts). */
  view?: number;
}

/** Rows per overview row: the smallest block that gives at most OVERVIEW_ROWS rows. */
export function overviewBlock(total: number): number {
  return Math.max(1, Math.ceil(total / OVERVIEW_ROWS));
}

/** Whether a table of `total` rows is sent as overview + detail (else whole, as a plain matrix). */
export function isBig(total: number): boolean {
  return total > DETAIL_ROWS;
}

/** The window shown before the user picks one: the first DETAIL_ROWS rows (the whole table when it is small). */
export function defaultWindow(total: number): RowWindow {
  return [0, Math.min(total, DETAIL_ROWS) - 1];
}

/** A problem with window A-B over a table of `total` rows, naming the key and the limit; null when fine. */
export function validateWindow(w: RowWindow, total: number): Msg | null {
  const [a, b] = w;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > total - 1)
    return msg('window.outside', { last: total - 1, a, b });
  if (b < a) return msg('window.reversed', { a, b });
  if (b - a + 1 > DETAIL_ROWS) return msg('window.tooLong', { max: DETAIL_ROWS, got: b - a + 1 });
  return null;
}

/** The window a table of `total` rows shows for a request (null: the default); small tables show all rows. */
export function resolveWindow(w: RowWindow | null, total: number): RowWindow {
  return !isBig(total) || !w ? defaultWindow(total) : w;
}

/** "A-B" ↔ [A, B]. */
export function formatWindow(w: RowWindow): string {
  return `${w[0]}-${w[1]}`;
}

export function parseWindow(raw: string): RowWindow | null {
  const m = /^(\d{1,7})-(\d{1,7})$/.exec(raw.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Block size per axis pooling `n` to at most POOL_TO (1 when n ≤ POOL_FROM: the axis is kept exact). */
export function poolBlock(n: number): number {
  return n > POOL_FROM ? Math.ceil(n / POOL_TO) : 1;
}
