// math.ts's KdIndex (hover's nearest point, brushing's points in a rectangle) checked against linear scans
// written here, directly and through the zoom. Exact-arithmetic cases use integer coordinates and power-of-two
// zooms so boundary points (on a brush edge, at exactly the hover radius, duplicates) are compared without
// rounding doubt.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KdIndex, brushToBase, fitView, screenToBase, toScreen } from './math.ts';

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
