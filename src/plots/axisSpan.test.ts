// The heatmap's axes in real units (issue 14): a pooled [8192, 4096] drawn as 1,024 × 1,024 block means, and a
// detail window of positions 1,044,480…1,048,575, tick real indices at the centre of the cell that holds them.
// Expected placements are worked by hand: a 1,024-cell grid over 8,192 tokens holds token t in cell ⌊t / 8⌋.
import { expect, test } from 'vitest';
import { spanTicks } from './axisSpan.ts';

test('a pooled axis of 8,192 tokens drawn as 1,024 cells ticks in tokens: 0, 1,000 … 8,000, in cells t / 8', () => {
  const ticks = spanTicks({ start: 0, count: 8192 }, 1024);
  expect(ticks).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]);
});

test('a detail window of 4,096 positions near 2^20 ticks in positions, all inside the window', () => {
  const ticks = spanTicks({ start: 1_044_480, count: 4096 }, 4096);
  expect(ticks.length).toBeGreaterThan(2);
  for (const t of ticks) {
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(1_044_480);
    expect(t).toBeLessThanOrEqual(1_048_575);
  }
  expect(ticks).toContain(1_045_000);
});

test('ticks that would share a drawn cell are dropped, keeping the first', () => {
  // 10 real rows over 2 cells: ticks 0…9 fall in cells 0,0,0,0,0,1,1,1,1,1
  expect(spanTicks({ start: 0, count: 10 }, 2)).toEqual([0, 5]);
});
