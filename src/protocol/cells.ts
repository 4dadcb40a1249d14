// Exact values under the pointer on a pooled [T, d] heatmap (issue 14 item 4). A pooled cell is the mean of a block
// of tokens × dims; while the pointer rests on it the main thread asks the worker for the block's exact values
// (protocol 'cells'), answered out of band, never queued behind a run. Both threads import this module: types and
// tiny pure helpers only.
import type { Pooled } from './window.ts';
import { FOUNDATION_VIEWS } from './views.ts';

/** The [T, d] matrices that can be drawn pooled: E, PE and X. */
export type CellMatrix = (typeof FOUNDATION_VIEWS)[number];

export function isCellMatrix(name: string): name is CellMatrix {
  return (FOUNDATION_VIEWS as readonly string[]).includes(name);
}

/** Inclusive rows (tokens) a…b and columns (dims) a…b of a [T, d] matrix. */
export interface CellRect {
  rows: [number, number];
  cols: [number, number];
}

/** A request for the exact values of one block of a pooled matrix, with the exact cell under the pointer. */
export interface CellRequest {
  /** Pooled.view of the matrix: the run that drew it. */
  view: number;
  name: CellMatrix;
  block: CellRect;
  /** [t, j] under the pointer, inside the block. */
  at: [number, number];
}

/** Most exact values one answer carries (8 × 8); a larger block sends those around the pointer and its range. */
export const CELLS_MAX_SIDE = 8;
/** Most cells of a block the worker reads to give its exact min, max and mean. */
export const CELLS_MAX_BLOCK = 1 << 16;

/** What the worker answers for a block: exact values of `window` (inside `block`) and the block's whole range. */
export interface CellBlock {
  /** The run that drew the pooled matrix (Pooled.view): the answer belongs to that view only. */
  view: number;
  name: CellMatrix;
  block: CellRect;
  /** Rows × cols of exact values, row-major: the whole block when it has at most 8 × 8 cells. */
  window: CellRect;
  values: Float32Array;
  /** Token text of each row of the window. */
  labels: string[];
  /** Exact minimum, maximum and mean over the whole block (the mean in float64). */
  min: number;
  max: number;
  mean: number;
}

/** The block of the exact matrix that pooled cell (row, col) is the mean of (the last block of an axis may be short). */
export function blockOf(p: Pooled, row: number, col: number): CellRect {
  const span = (i: number, b: number, n: number): [number, number] => [i * b, Math.min(n, (i + 1) * b) - 1];
  return { rows: span(row, p.rowBlock, p.shape[0]), cols: span(col, p.colBlock, p.shape[1]) };
}

/**
 * The exact cell [t, j] under the pointer inside pooled cell (row, col): `within` is where the pointer sits inside
 * the drawn cell, [0, 1) per axis (rows, then columns).
 */
export function cellAt(p: Pooled, row: number, col: number, within: [number, number]): [number, number] {
  const b = blockOf(p, row, col);
  const at = (r: [number, number], f: number) =>
    Math.min(r[1], r[0] + Math.floor(Math.max(0, f) * (r[1] - r[0] + 1)));
  return [at(b.rows, within[0]), at(b.cols, within[1])];
}

/** At most CELLS_MAX_SIDE rows and columns of `block` around [t, j] (the whole block when it is that small). */
export function windowAround(block: CellRect, at: [number, number]): CellRect {
  const side = (r: [number, number], x: number): [number, number] => {
    const n = r[1] - r[0] + 1;
    if (n <= CELLS_MAX_SIDE) return r;
    const a = Math.min(Math.max(r[0], x - CELLS_MAX_SIDE / 2), r[1] - CELLS_MAX_SIDE + 1);
    return [a, a + CELLS_MAX_SIDE - 1];
  };
  return { rows: side(block.rows, at[0]), cols: side(block.cols, at[1]) };
}

/** Whether [t, j] lies inside a rectangle. */
export function holds(r: CellRect, t: number, j: number): boolean {
  return t >= r.rows[0] && t <= r.rows[1] && j >= r.cols[0] && j <= r.cols[1];
}

/** The exact value at [t, j] from an answer whose window holds it; null otherwise. */
export function valueAt(b: CellBlock, t: number, j: number): number | null {
  if (!holds(b.window, t, j)) return null;
  const cols = b.window.cols[1] - b.window.cols[0] + 1;
  return b.values[(t - b.window.rows[0]) * cols + (j - b.window.cols[0])];
}
