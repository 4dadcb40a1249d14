// Hover read-outs of big matrices (DESIGN.md "Big tables"). A pooled E, PE or X cell is a block mean: the tooltip
// says so at once, and once the pointer has rested DEBOUNCE_MS on it the worker is asked for the block's exact values
// (protocol/cells.ts, out of band). The answer replaces the text with the exact value under the pointer and the
// block's exact range, and is kept, so moving inside the same block needs no new request. An answer for a view that
// is gone (new text, restarted worker) is null: the block mean stays. Overview rows of a big position table are
// block means too; the detail window holds the exact rows.
import type { FromEngine, Matrix } from '../protocol/messages.ts';
import {
  blockOf,
  cellAt,
  isCellMatrix,
  valueAt,
  windowAround,
  type CellBlock,
  type CellMatrix,
  type CellRequest,
} from '../protocol/cells.ts';
import type { Overview, Pooled, WindowInfo } from '../protocol/window.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatNumber, t } from '../i18n/t.ts';

/** How long the pointer rests on a cell before its exact values are asked for. */
export const DEBOUNCE_MS = 80;

type Send = (req: CellRequest) => number;
let send: Send | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let waiting: { cellId: number; key: string; done: (b: CellBlock | null) => void } | null = null;
/** The newest answer: the hover reads it while the pointer stays inside its window. */
let kept: CellBlock | null = null;

/** Where requests go (the engine client, once it exists). */
export function connectCells(to: Send | null): void {
  send = to;
  kept = null;
}

/** Drops a request not yet sent and any answer still awaited (the pointer left). */
export function cancelCells(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  waiting = null;
}

/**
 * After DEBOUNCE_MS, asks for `req`'s block; `done` gets the answer, or null when its view is gone. A request already
 * awaited for the same values is not sent again: its answer goes to the newest `done`.
 */
export function askCells(req: CellRequest, done: (b: CellBlock | null) => void): void {
  const key = JSON.stringify([req.view, req.name, windowAround(req.block, req.at), req.block]);
  if (waiting?.key === key) {
    waiting.done = done;
    return;
  }
  cancelCells();
  timer = setTimeout(() => {
    timer = null;
    if (send) waiting = { cellId: send(req), key, done };
  }, DEBOUNCE_MS);
}

/** The worker's answer; an answer to anything but the newest request is dropped. */
export function receiveCells(msg: Extract<FromEngine, { type: 'cells' }>): void {
  const w = waiting;
  if (!w || w.cellId !== msg.cellId) return;
  waiting = null;
  if (msg.answer) kept = msg.answer;
  w.done(msg.answer);
}

/** An exact value as the tooltip shows it: 7 significant digits (float32 holds about 7). */
export function exactValue(v: number): string {
  return String(Number(v.toPrecision(7)));
}

const SYMBOL: Record<CellMatrix, string> = { embeddings: 'E', pe: 'PE', input: 'X' };

/** A token's text for the tooltip: quoted, with line breaks and tabs escaped. */
function quoted(label: string | undefined): string {
  return `“${(label ?? '').replace(/[\n\r\t]/g, (c) => JSON.stringify(c).slice(1, -1))}”`;
}

/** Two lines: the exact value at [t, j], and the block's exact range. */
export function exactText(lang: Lang, b: CellBlock, tok: number, j: number): string {
  const n = (x: number) => formatNumber(lang, x);
  const v = valueAt(b, tok, j) ?? Number.NaN;
  const label = b.labels[tok - b.window.rows[0]];
  const [t0, t1] = b.block.rows;
  const [j0, j1] = b.block.cols;
  const count = (t1 - t0 + 1) * (j1 - j0 + 1);
  return [
    t(lang, 'hover.exact', { m: SYMBOL[b.name], t: n(tok), label: quoted(label), j: n(j), v: exactValue(v) }),
    t(lang, 'hover.blockRange', {
      t0: n(t0),
      t1: n(t1),
      j0: n(j0),
      j1: n(j1),
      n: n(count),
      min: exactValue(b.min),
      max: exactValue(b.max),
      mean: exactValue(b.mean),
    }),
  ].join('\n');
}

/** "a…b" of an axis pooled in blocks of b, or the index alone. */
function span(lang: Lang, i: number, b: number, n: number): string {
  const f = (x: number) => formatNumber(lang, x);
  return b === 1 ? f(i) : `${f(i * b)}…${f(Math.min(n, (i + 1) * b) - 1)}`;
}

/** The block mean's read-out (shown until the exact values arrive, and when they cannot). */
export function meanText(lang: Lang, p: Pooled, row: number, col: number, v: number): string {
  const rows = span(lang, row, p.rowBlock, p.shape[0]);
  const cols = span(lang, col, p.colBlock, p.shape[1]);
  return t(lang, 'hover.blockMean', { rows, cols, v: v.toFixed(4) });
}

/**
 * The tooltip of a pooled cell: the exact values when an answer holding the cell under the pointer is kept, else the
 * block mean now and, through `later`, the exact values once the worker answers.
 */
export function pooledTip(
  lang: Lang,
  m: Matrix,
  row: number,
  col: number,
  v: number,
  within: [number, number],
  later: (text: string) => void,
): string {
  const p = m.pooled;
  const mean = p ? meanText(lang, p, row, col, v) : v.toFixed(4);
  if (!p || p.view === undefined || !isCellMatrix(m.name)) return mean;
  const [tok, j] = cellAt(p, row, col, within);
  const held = kept;
  if (held && held.view === p.view && held.name === m.name && valueAt(held, tok, j) !== null)
    return exactText(lang, held, tok, j);
  const req: CellRequest = { view: p.view, name: m.name, block: blockOf(p, row, col), at: [tok, j] };
  askCells(req, (b) => later(b ? exactText(lang, b, tok, j) : mean));
  return mean;
}

/** A detail-window cell: exact (the window holds the table's real rows). */
export function windowText(lang: Lang, w: WindowInfo, row: number, col: number, v: number): string {
  return t(lang, 'hover.window', {
    p: formatNumber(lang, w.start + row),
    c: formatNumber(lang, col),
    v: exactValue(v),
  });
}

/** An overview cell: the mean of a block of positions (the detail window below shows them exactly). */
export function overviewText(lang: Lang, o: Overview, row: number, col: number, v: number): string {
  const a = row * o.block;
  const b = Math.min(o.total, (row + 1) * o.block) - 1;
  const f = (x: number) => formatNumber(lang, x);
  return t(lang, 'hover.overviewMean', { a: f(a), b: f(b), c: f(col), v: v.toFixed(4) });
}
