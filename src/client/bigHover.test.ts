// The hover of a pooled heatmap on the main thread: which exact cell the pointer is on, the block it asks for (after
// the pointer rests), that only the newest answer is shown, and that a kept answer serves moves inside its block.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { blockOf, cellAt, windowAround, type CellBlock, type CellRequest } from '../protocol/cells.ts';
import type { Matrix } from '../protocol/messages.ts';
import type { Pooled } from '../protocol/window.ts';
import {
  DEBOUNCE_MS,
  cancelCells,
  connectCells,
  exactText,
  meanText,
  overviewText,
  pooledTip,
  receiveCells,
} from './bigHover.ts';

/** 8,192 tokens × 4,096 dims pooled to 1,024 × 1,024: blocks of 8 tokens × 4 dims. */
const POOLED: Pooled = { shape: [8192, 4096], rowBlock: 8, colBlock: 4, reduction: 'mean', view: 5 };

describe('where the pointer is', () => {
  test('pooled cell (511, 256) is tokens 4,088…4,095 × dims 1,024…1,027', () => {
    expect(blockOf(POOLED, 511, 256)).toEqual({ rows: [4088, 4095], cols: [1024, 1027] });
  });

  test('the last block of an axis that does not divide evenly is short', () => {
    const p: Pooled = { shape: [3001, 16], rowBlock: 3, colBlock: 1, reduction: 'mean' };
    expect(blockOf(p, 1000, 15)).toEqual({ rows: [3000, 3000], cols: [15, 15] });
  });

  test('the position inside the drawn cell picks the exact token and dim of the block', () => {
    expect(cellAt(POOLED, 511, 256, [0, 0])).toEqual([4088, 1024]);
    expect(cellAt(POOLED, 511, 256, [0.7, 0.3])).toEqual([4088 + 5, 1024 + 1]);
    expect(cellAt(POOLED, 511, 256, [0.999, 0.999])).toEqual([4095, 1027]);
  });

  test('a block of at most 8 × 8 is read whole; a larger one 8 × 8 around the pointer, inside the block', () => {
    const small = { rows: [0, 7], cols: [8, 11] } as CellRequest['block'];
    expect(windowAround(small, [3, 9])).toEqual(small);
    const big = { rows: [0, 31], cols: [100, 163] } as CellRequest['block'];
    expect(windowAround(big, [30, 101])).toEqual({ rows: [24, 31], cols: [100, 107] });
    expect(windowAround(big, [16, 140])).toEqual({ rows: [12, 19], cols: [136, 143] });
  });
});

function answer(req: CellRequest, value: (t: number, j: number) => number): CellBlock {
  const w = windowAround(req.block, req.at);
  const values: number[] = [];
  const labels: string[] = [];
  for (let t = w.rows[0]; t <= w.rows[1]; t++) {
    labels.push(t % 2 ? 'b' : 'a');
    for (let j = w.cols[0]; j <= w.cols[1]; j++) values.push(value(t, j));
  }
  return {
    view: req.view,
    name: req.name,
    block: req.block,
    window: w,
    values: Float32Array.from(values),
    labels,
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

describe('asking the worker', () => {
  const sent: CellRequest[] = [];
  let id = 0;
  const m: Matrix = {
    name: 'pe',
    title: 'Positional encoding',
    shape: [1024, 1024],
    data: new Float32Array(1024 * 1024),
    pooled: POOLED,
  };
  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
    connectCells((req) => {
      sent.push(req);
      return ++id;
    });
  });
  afterEach(() => {
    cancelCells();
    connectCells(null);
    vi.useRealTimers();
  });

  test('the tooltip shows the block mean at once, asks once the pointer rests, then shows the exact values', () => {
    const later = vi.fn();
    const now = pooledTip('en', m, 511, 256, 0.25, [0.7, 0.3], later);
    expect(now).toBe('block mean of tokens 4,088…4,095 × dims 1,024…1,027 · 0.2500');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(sent).toEqual([
      { view: 5, name: 'pe', block: { rows: [4088, 4095], cols: [1024, 1027] }, at: [4093, 1025] },
    ]);
    receiveCells({ type: 'cells', cellId: id, answer: answer(sent[0], (t, j) => t / 8192 + j / 1e6) });
    expect(later).toHaveBeenCalledTimes(1);
    const text = String(later.mock.calls[0][0]);
    expect(text.split('\n')[0]).toBe(
      `exact PE[t=4,093 “b”, j=1,025] = ${Number(Math.fround(4093 / 8192 + 1025 / 1e6).toPrecision(7))}`,
    );
    const f = (x: number) => Number(Math.fround(x).toPrecision(7));
    const [min, max] = [f(4088 / 8192 + 1024 / 1e6), f(4095 / 8192 + 1027 / 1e6)];
    expect(text.split('\n')[1]).toMatch(
      new RegExp(
        `^block t 4,088…4,095 × j 1,024…1,027 \\(32 values\\): min ${min} · max ${max} · mean 0\\.5`,
      ),
    );
  });

  test('moves inside the answered block are exact at once, with no new request', () => {
    pooledTip('en', m, 511, 256, 0.25, [0.1, 0.1], () => {});
    vi.advanceTimersByTime(DEBOUNCE_MS);
    receiveCells({ type: 'cells', cellId: id, answer: answer(sent[0], (t, j) => t + j) });
    const text = pooledTip('en', m, 511, 256, 0.25, [0.9, 0.9], () => {});
    expect(text.split('\n')[0]).toBe(`exact PE[t=4,095 “b”, j=1,027] = ${4095 + 1027}`);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
  });

  test('an older answer is dropped, and a gone view (null) keeps the block mean', () => {
    const first = vi.fn();
    pooledTip('en', m, 10, 10, 0.5, [0, 0], first);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    const firstId = id;
    const second = vi.fn();
    pooledTip('en', m, 20, 20, 0.75, [0, 0], second);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    receiveCells({ type: 'cells', cellId: firstId, answer: answer(sent[0], () => 1) });
    expect(first).not.toHaveBeenCalled();
    receiveCells({ type: 'cells', cellId: id, answer: null });
    expect(second).toHaveBeenCalledWith('block mean of tokens 160…167 × dims 80…83 · 0.7500');
  });

  test('moving on before the pointer rests sends nothing for the cells passed over', () => {
    for (let r = 0; r < 5; r++) {
      pooledTip('en', m, r, 0, 0, [0, 0], () => {});
      vi.advanceTimersByTime(DEBOUNCE_MS / 2);
    }
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(sent.map((s) => s.block.rows[0])).toEqual([32]);
  });
});

describe('the read-outs in both languages', () => {
  const b = answer(
    { view: 1, name: 'input', block: { rows: [0, 1], cols: [2, 3] }, at: [1, 3] },
    (t, j) => t - j / 4,
  );

  test('an exact value names the matrix, token, label and dim; the second line the block range', () => {
    expect(exactText('en', b, 1, 3)).toBe(
      'exact X[t=1 “b”, j=3] = 0.25\nblock t 0…1 × j 2…3 (4 values): min -0.75 · max 0.5 · mean -0.125',
    );
    expect(exactText('zh', b, 1, 3)).toBe(
      '精确值 X[t=1 “b”, j=3] = 0.25\n块 t 0…1 × j 2…3（4 个值）：最小 -0.75 · 最大 0.5 · 均值 -0.125',
    );
  });

  test('a block mean and an overview row say they are means and name the block', () => {
    expect(meanText('zh', POOLED, 1, 2, 0.5)).toBe('词元 8…15 × 维度 8…11 的块均值 · 0.5000');
    const o = { shape: [1024, 8] as [number, number], data: new Float32Array(0), block: 128, total: 131072 };
    expect(overviewText('en', { ...o, reduction: 'mean' }, 1023, 7, -0.5)).toBe(
      'block mean of positions 130,944…131,071 · dim 7 · -0.5000 (drag for the exact rows)',
    );
  });
});
