// math.ts (the scatter's pure maths) checked against closed forms and brute force written here: view
// transforms, the level-of-detail order, label placement, colour packing and keyboard stepping (the k-d tree and
// brushing through the zoom are in kdIndex.test.ts). Exact-arithmetic cases use integer coordinates and
// power-of-two zooms so boundary points are compared without rounding doubt.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  boxesOverlap,
  centredView,
  composeView,
  fitView,
  lodOrder,
  packColors,
  paddedExtent,
  placeLabels,
  screenToBase,
  stepIndex,
  thinnedAlpha,
  toData,
  toScreen,
  visibleDomain,
  type Box,
} from './math.ts';

const coord = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
const smallInt = fc.integer({ min: -20, max: 20 });

describe('view transforms', () => {
  test('paddedExtent widens [1, 3] by 5 % each side, skips non-finite values and handles flat or empty data', () => {
    const [lo, hi] = paddedExtent([1, 3, NaN, 2, Infinity], 5);
    expect(lo).toBeCloseTo(0.9, 12);
    expect(hi).toBeCloseTo(3.1, 12);
    expect(paddedExtent([2, 2, 2], 3)).toEqual([1.5, 2.5]);
    expect(paddedExtent([NaN], 1)).toEqual([0, 1]);
    expect(paddedExtent([5, 100], 1)).toEqual([4.5, 5.5]); // only the first n values count
  });

  test('fitView sends the domain corners to the plot corners, larger y upwards', () => {
    const v = fitView([-2, 6], [10, 30], 400, 200);
    expect(toScreen(v, -2, 10)).toEqual([0, 200]);
    expect(toScreen(v, 6, 30)).toEqual([400, 0]);
    expect(toScreen(v, 2, 20)).toEqual([200, 100]);
  });

  test('data → screen → data round-trips at any zoom', () => {
    const zoomArb = fc.record({
      k: fc.double({ min: 0.5, max: 2e4, noNaN: true }),
      x: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      y: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
    });
    fc.assert(
      fc.property(
        coord,
        coord,
        coord,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        zoomArb,
        (px, py, a, span, z) => {
          const base = fitView([a, a + span], [a - span, a + 2 * span], 640, 360);
          const v = composeView(base, z);
          const [sx, sy] = toScreen(v, px, py);
          const [qx, qy] = toData(v, sx, sy);
          const tol = 1e-9 * (Math.abs(px) + Math.abs(py) + Math.abs(a) + 3 * span + 1);
          expect(Math.abs(qx - px)).toBeLessThanOrEqual(tol);
          expect(Math.abs(qy - py)).toBeLessThanOrEqual(tol);
        },
      ),
    );
  });

  test('a zoomed view draws a point at k·(base position) + (x, y), as d3-zoom does', () => {
    fc.assert(
      fc.property(coord, coord, smallInt, smallInt, fc.integer({ min: -3, max: 10 }), (px, py, tx, ty, e) => {
        const base = fitView([-10, 30], [-5, 5], 500, 300);
        const z = { k: 2 ** e, x: tx, y: ty };
        const [bx, by] = toScreen(base, px, py);
        const [sx, sy] = toScreen(composeView(base, z), px, py);
        expect(sx).toBeCloseTo(z.k * bx + tx, 6);
        expect(sy).toBeCloseTo(z.k * by + ty, 6);
        const [ux, uy] = screenToBase(z, sx, sy);
        expect(ux).toBeCloseTo(bx, 6);
        expect(uy).toBeCloseTo(by, 6);
      }),
    );
  });

  test('the centred form scale·(p − c) + offset gives the same screen position', () => {
    fc.assert(
      fc.property(coord, coord, coord, coord, (px, py, cx, cy) => {
        const v = composeView(fitView([-1e3, 1e3], [-1e3, 1e3], 800, 600), { k: 3, x: 17, y: -40 });
        const { scale, offset } = centredView(v, cx, cy);
        const [sx, sy] = toScreen(v, px, py);
        expect(scale[0] * (px - cx) + offset[0]).toBeCloseTo(sx, 6);
        expect(scale[1] * (py - cy) + offset[1]).toBeCloseTo(sy, 6);
      }),
    );
  });

  test('visibleDomain is the data under the plot corners', () => {
    const v = composeView(fitView([0, 8], [0, 4], 800, 400), { k: 2, x: -100, y: -50 });
    // Base: x = 100 px per unit, y = 100 px per unit downwards from 4. Zoom 2 shifted by (−100, −50).
    const { x, y } = visibleDomain(v, 800, 400);
    expect(x[0]).toBeCloseTo(0.5, 12); // screen 0 = 2·(100·x) − 100
    expect(x[1]).toBeCloseTo(4.5, 12); // screen 800
    expect(y[1]).toBeCloseTo(3.75, 12); // screen top 0 = 2·(400 − 100·y) − 50
    expect(y[0]).toBeCloseTo(1.75, 12); // screen bottom 400
  });
});

describe('level-of-detail order (decimation while moving)', () => {
  /** Number of distinct cells of side c holding the given points: a direct count. */
  const occupied = (us: number[], vs: number[], idx: ArrayLike<number>, c: number) =>
    new Set(Array.from(idx, (i) => `${Math.floor(us[i] / c)},${Math.floor(vs[i] / c)}`)).size;

  test('is a permutation with non-finite points last', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord, fc.boolean()), { maxLength: 300 }), (ps) => {
        const us = ps.map(([u, , bad]) => (bad ? NaN : u + 1e3));
        const vs = ps.map(([, v]) => v + 1e3);
        const { order, starts } = lodOrder(us, vs, ps.length);
        expect(Array.from(order).sort((a, b) => a - b)).toEqual(ps.map((_, i) => i));
        const finite = us.filter(Number.isFinite).length;
        expect(starts[starts.length - 1]).toBe(finite);
        for (let k = 0; k < ps.length; k++) expect(Number.isFinite(us[order[k]])).toBe(k < finite);
      }),
    );
  });

  test('the prefix up to level L holds exactly one point in every occupied cell of side 16/2^L', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 300, noNaN: true }),
            fc.double({ min: 0, max: 200, noNaN: true }),
          ),
          {
            maxLength: 400,
          },
        ),
        (ps) => {
          const us = ps.map((p) => p[0]);
          const vs = ps.map((p) => p[1]);
          const all = ps.map((_, i) => i);
          const { order, starts } = lodOrder(us, vs, ps.length, 16, 4);
          for (let L = 0; L < 4; L++) {
            const c = 16 / 2 ** L;
            const prefix = order.subarray(0, starts[L + 1]);
            // One per cell: as many prefix points as occupied cells, and the prefix alone occupies them all.
            expect(prefix.length).toBe(occupied(us, vs, all, c));
            expect(occupied(us, vs, prefix, c)).toBe(prefix.length);
          }
        },
      ),
    );
  });

  test('a dense cluster is thinned but isolated outliers and the extremes come first', () => {
    const us: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      us.push(100 + (i % 100) * 0.1); // a 10 × 10 px block of 10,000 points
      vs.push(100 + Math.floor(i / 100) * 0.1);
    }
    const outliers = [
      [0, 0],
      [700, 3],
      [5, 390],
      [690, 380],
      [400, 50],
    ];
    for (const [u, v] of outliers) {
      us.push(u);
      vs.push(v);
    }
    const { order, starts } = lodOrder(us, vs, us.length);
    const first = new Set(order.subarray(0, starts[1]));
    // Level 0: one point per 16-px cell, the block spans at most 4 such cells.
    expect(starts[1]).toBeLessThanOrEqual(outliers.length + 4);
    for (let k = 0; k < outliers.length; k++) expect(first.has(10_000 + k)).toBe(true);
  });

  test('thinned opacity makes m points as opaque as n in a dense spot: 1 − (1 − a)^(n/m)', () => {
    expect(thinnedAlpha(0.5, 200, 100)).toBeCloseTo(0.75, 12);
    expect(thinnedAlpha(0.55, 50_000, 50_000)).toBe(0.55);
    // Covering a pixel with 2 of the thinned points equals covering it with 4 of the originals at 0.2.
    const a = thinnedAlpha(0.2, 4, 2);
    expect(1 - (1 - a) ** 2).toBeCloseTo(1 - 0.8 ** 4, 12);
  });
});

describe('placeLabels', () => {
  const boxArb = fc.record({
    x: fc.integer({ min: -20, max: 300 }),
    y: fc.integer({ min: -20, max: 200 }),
    w: fc.integer({ min: 1, max: 80 }),
    h: fc.integer({ min: 1, max: 20 }),
  });
  const W = 300;
  const H = 180;
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= W && b.y + b.h <= H;

  test('kept labels lie inside, miss every obstacle and each other, and the choice is greedy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(boxArb, { minLength: 1, maxLength: 4 }), { maxLength: 80 }),
        fc.array(boxArb, { maxLength: 30 }),
        fc.integer({ min: 8, max: 100 }),
        (items, obstacles, cell) => {
          const kept = placeLabels(items, W, H, obstacles, cell);
          const boxes = kept.map(([i, j]) => items[i][j]);
          for (const b of boxes) {
            expect(inside(b)).toBe(true);
            for (const o of obstacles) expect(boxesOverlap(o, b)).toBe(false);
          }
          for (let a = 0; a < boxes.length; a++)
            for (let b = a + 1; b < boxes.length; b++) expect(boxesOverlap(boxes[a], boxes[b])).toBe(false);
          // Greedy, checked by brute force: every earlier candidate of a kept item, and every candidate of a
          // skipped item, is outside or hits an obstacle or a label kept for an earlier item.
          const keptOf = new Map(kept);
          items.forEach((cands, i) => {
            const before = kept.filter(([k]) => k < i).map(([k, j]) => items[k][j]);
            const blocked = (b: Box) =>
              !inside(b) ||
              obstacles.some((o) => boxesOverlap(o, b)) ||
              before.some((o) => boxesOverlap(o, b));
            const chosen = keptOf.get(i);
            cands.forEach((b, j) => {
              if (chosen === undefined || j < chosen) expect(blocked(b)).toBe(true);
            });
          });
        },
      ),
    );
  });

  test('touching boxes do not overlap; a shared interior does; a blocked first choice falls to the next', () => {
    const a = { x: 0, y: 0, w: 10, h: 10 };
    expect(boxesOverlap(a, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
    expect(boxesOverlap(a, { x: 9, y: 9, w: 5, h: 5 })).toBe(true);
    const right = { x: 20, y: 0, w: 10, h: 10 };
    const left = { x: 40, y: 0, w: 10, h: 10 };
    expect(
      placeLabels([[a], [{ x: 5, y: 5, w: 2, h: 2 }], [right, left]], 100, 100, [
        { x: 25, y: 0, w: 2, h: 2 },
      ]),
    ).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });
});

describe('packColors and stepIndex', () => {
  const lut = Uint32Array.from({ length: 256 }, (_, i) => 0xff000000 + i);

  test('the domain ends map to the first and last table entries, the midpoint to entry round(127.5) = 128', () => {
    const c = packColors(Float32Array.from([0, 10, 5, -3, 99, NaN]), 6, [0, 10], lut, 7, 0xdead);
    expect(Array.from(c)).toEqual([lut[0], lut[255], lut[128], lut[0], lut[255], 0xdead]);
    expect(Array.from(packColors(undefined, 3, [0, 1], lut, 0xffa65624))).toEqual([
      0xffa65624, 0xffa65624, 0xffa65624,
    ]);
  });

  test('arrow keys step through indices and stop at the ends', () => {
    expect(stepIndex(null, 'ArrowRight', 5)).toBe(0);
    expect(stepIndex(null, 'ArrowLeft', 5)).toBe(4);
    expect(stepIndex(2, 'ArrowDown', 5)).toBe(3);
    expect(stepIndex(4, 'ArrowRight', 5)).toBe(4);
    expect(stepIndex(0, 'ArrowUp', 5)).toBe(0);
    expect(stepIndex(3, 'Home', 5)).toBe(0);
    expect(stepIndex(0, 'End', 5)).toBe(4);
    expect(stepIndex(2, 'PageDown', 50)).toBe(12);
    expect(stepIndex(5, 'PageUp', 50)).toBe(0);
    expect(stepIndex(1, 'a', 5)).toBeUndefined();
    expect(stepIndex(null, 'ArrowRight', 0)).toBeUndefined();
  });
});
