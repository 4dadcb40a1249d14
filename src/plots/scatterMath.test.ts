// scatterMath.ts checked against brute force (linear scans written here) and closed forms. Exact-arithmetic
// cases use integer coordinates and power-of-two zooms so boundary points (on a brush edge, at exactly the hover
// radius, duplicates) are compared without rounding doubt.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  KdIndex,
  boxesOverlap,
  brushToBase,
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
} from './scatterMath.ts';

/** The nearest point by a linear scan: smallest squared distance ≤ r², ties to the smaller index; −1 if none. */
function bruteNearest(xs: number[], ys: number[], qx: number, qy: number, r = Infinity): number {
  let best = -1;
  let bestD = r * r;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    const d = (xs[i] - qx) ** 2 + (ys[i] - qy) ** 2;
    if (d < bestD || (d === bestD && best < 0)) [best, bestD] = [i, d];
  }
  return best;
}

function bruteRange(xs: number[], ys: number[], x0: number, y0: number, x1: number, y1: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++)
    if (xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1) out.push(i);
  return out;
}

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

describe('KdIndex', () => {
  const pointsArb = (c: fc.Arbitrary<number>) =>
    fc.array(fc.tuple(c, c), { minLength: 0, maxLength: 300 }).map((ps) => ({
      xs: ps.map((p) => p[0]),
      ys: ps.map((p) => p[1]),
    }));

  test('nearest equals a linear scan on random real points', () => {
    fc.assert(
      fc.property(
        pointsArb(coord),
        coord,
        coord,
        fc.integer({ min: 1, max: 20 }),
        ({ xs, ys }, qx, qy, leaf) => {
          const idx = new KdIndex(Float64Array.from(xs), Float64Array.from(ys), xs.length, leaf);
          expect(idx.nearest(qx, qy)).toBe(bruteNearest(xs, ys, qx, qy));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('nearest within a radius equals a linear scan on integer points with many ties, radius inclusive', () => {
    fc.assert(
      fc.property(
        pointsArb(fc.integer({ min: -8, max: 8 })),
        smallInt,
        smallInt,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        ({ xs, ys }, qx, qy, r, leaf) => {
          const idx = new KdIndex(xs, ys, xs.length, leaf);
          expect(idx.nearest(qx, qy, r)).toBe(bruteNearest(xs, ys, qx, qy, r));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('non-finite points are never returned and do not count towards size', () => {
    const xs = [NaN, 0, 5, Infinity];
    const ys = [0, 0, 5, 0];
    const idx = new KdIndex(xs, ys, 4);
    expect(idx.size).toBe(2);
    expect(idx.nearest(0, 0)).toBe(1);
    expect(idx.nearest(100, 0)).toBe(2);
    expect(idx.range(-1e9, -1e9, 1e9, 1e9)).toEqual([1, 2]);
    expect(new KdIndex([], [], 0).nearest(0, 0)).toBe(-1);
  });

  test('range equals a linear scan, including points on the rectangle edges', () => {
    fc.assert(
      fc.property(
        pointsArb(fc.integer({ min: -10, max: 10 })),
        smallInt,
        smallInt,
        smallInt,
        smallInt,
        fc.integer({ min: 1, max: 8 }),
        ({ xs, ys }, a, b, c, d, leaf) => {
          const [x0, x1] = [Math.min(a, c), Math.max(a, c)];
          const [y0, y1] = [Math.min(b, d), Math.max(b, d)];
          const idx = new KdIndex(xs, ys, xs.length, leaf);
          expect(idx.range(x0, y0, x1, y1)).toEqual(bruteRange(xs, ys, x0, y0, x1, y1));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('50,000 points on one vertical line (a flat axis) index correctly', () => {
    const n = 50_000;
    const xs = new Float64Array(n).fill(3);
    const ys = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n); // a permutation of 0…n−1
    const idx = new KdIndex(xs, ys, n);
    // The point with y = v has index i where 7919·i ≡ v (mod n); check by scanning.
    const arrX = Array.from(xs);
    const arrY = Array.from(ys);
    for (const [qx, qy] of [
      [3, 12345.4],
      [0, 0],
      [10, 49_999.6],
      [3.5, 25_000.5],
    ]) {
      expect(idx.nearest(qx, qy)).toBe(bruteNearest(arrX, arrY, qx, qy));
    }
    expect(idx.range(3, 100, 3, 199)).toEqual(bruteRange(arrX, arrY, 3, 100, 3, 199));
  });
});

describe('brushing and hover through the zoom', () => {
  // Base view with 1 px per unit (x right, y up from 200), so zoom-1 pixel coordinates are exact integers.
  const base = fitView([0, 400], [0, 200], 400, 200);

  test('a brushed screen rectangle selects exactly the points a linear scan in screen space finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 })), {
          maxLength: 200,
        }),
        fc.integer({ min: -2, max: 4 }),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -300, max: 300 }),
        fc.array(fc.integer({ min: -50, max: 450 }), { minLength: 4, maxLength: 4 }),
        (ps, e, tx, ty, [sx0, sy0, sx1, sy1]) => {
          const xs = ps.map((p) => p[0]);
          const ys = ps.map((p) => p[1]);
          const z = { k: 2 ** e, x: tx, y: ty };
          // Screen position written out by hand: base pixel (x, 200 − y), then k·p + t.
          const inRect = xs.flatMap((x, i) => {
            const sx = z.k * x + tx;
            const sy = z.k * (200 - ys[i]) + ty;
            const ok =
              sx >= Math.min(sx0, sx1) &&
              sx <= Math.max(sx0, sx1) &&
              sy >= Math.min(sy0, sy1) &&
              sy <= Math.max(sy0, sy1);
            return ok ? [i] : [];
          });
          const u = xs.map((x) => toScreen(base, x, 0)[0]);
          const v = ys.map((y) => toScreen(base, 0, y)[1]);
          const idx = new KdIndex(u, v, xs.length);
          expect(idx.range(...brushToBase(z, sx0, sy0, sx1, sy1))).toEqual(inRect);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('hover within 8 screen pixels at zoom k is a base-pixel query of radius 8/k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 })), {
          maxLength: 200,
        }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: -200, max: 200 }),
        (ps, e, qx, qy) => {
          const z = { k: 2 ** e, x: 40, y: -24 };
          const sx = ps.map((p) => z.k * p[0] + z.x);
          const sy = ps.map((p) => z.k * (200 - p[1]) + z.y);
          const u = ps.map((p) => p[0]);
          const v = ps.map((p) => 200 - p[1]);
          const idx = new KdIndex(u, v, ps.length);
          const [bu, bv] = screenToBase(z, qx, qy);
          expect(idx.nearest(bu, bv, 8 / z.k)).toBe(bruteNearest(sx, sy, qx, qy, 8));
        },
      ),
      { numRuns: 300 },
    );
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
