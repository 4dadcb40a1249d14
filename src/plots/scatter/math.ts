// Pure maths behind drawScatter (no DOM, no d3, so Node tests import it): the data → screen view transform,
// a static k-d tree for hover (nearest point) and brushing (points in a rectangle), a level-of-detail order
// for drawing fewer points while the view moves, greedy label placement, colour packing and keyboard stepping.
// Conventions: screen coordinates are CSS pixels inside the plot area, y pointing down. A view is a per-axis
// affine map screen = k·data + b. The zoom is d3-zoom's transform {k, x, y}: zoomed = k·base + (x, y), so it
// scales both axes alike and nearest-in-pixels can be answered in base (zoom 1) coordinates.

export type Extent = [number, number];

/** screen x = kx·x + bx, screen y = ky·y + by. */
export interface Affine {
  kx: number;
  bx: number;
  ky: number;
  by: number;
}

/** d3-zoom's transform: a point p at zoom 1 is drawn at k·p + (x, y). */
export interface Zoom {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY_ZOOM: Zoom = { k: 1, x: 0, y: 0 };

/**
 * [min, max] of the first n finite values widened by `pad` of the span on each side. All-equal data gets a
 * span of 1 around the value and empty (or all non-finite) data gets [0, 1], so a view can always be fitted.
 */
export function paddedExtent(a: ArrayLike<number>, n: number, pad = 0.05): Extent {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const m = (hi - lo) * pad;
  return [lo - m, hi + m];
}

/** Maps xDomain onto [0, width] and yDomain onto [height, 0] (larger y drawn higher). */
export function fitView(xDomain: Extent, yDomain: Extent, width: number, height: number): Affine {
  const kx = width / (xDomain[1] - xDomain[0]);
  const ky = -height / (yDomain[1] - yDomain[0]);
  return { kx, bx: -kx * xDomain[0], ky, by: -ky * yDomain[1] };
}

/** The view after zooming the base view by z. */
export function composeView(base: Affine, z: Zoom): Affine {
  return { kx: z.k * base.kx, bx: z.k * base.bx + z.x, ky: z.k * base.ky, by: z.k * base.by + z.y };
}

export function toScreen(v: Affine, x: number, y: number): [number, number] {
  return [v.kx * x + v.bx, v.ky * y + v.by];
}

export function toData(v: Affine, sx: number, sy: number): [number, number] {
  return [(sx - v.bx) / v.kx, (sy - v.by) / v.ky];
}

/** A zoomed screen point back in base (zoom 1) pixels, where the spatial index lives. */
export function screenToBase(z: Zoom, sx: number, sy: number): [number, number] {
  return [(sx - z.x) / z.k, (sy - z.y) / z.k];
}

/** The data ranges visible in a width × height plot area. */
export function visibleDomain(v: Affine, width: number, height: number): { x: Extent; y: Extent } {
  const [x0, yTop] = toData(v, 0, 0);
  const [x1, yBottom] = toData(v, width, height);
  return { x: [x0, x1], y: [yBottom, yTop] };
}

/**
 * The view rewritten about a centre (cx, cy): screen = scale·(p − c) + offset. Points are uploaded to the GPU
 * as float32 offsets from the centre, which keeps precision when zoomed far into data far from the origin.
 */
export function centredView(v: Affine, cx: number, cy: number): { scale: Extent; offset: Extent } {
  return { scale: [v.kx, v.ky], offset: [v.kx * cx + v.bx, v.ky * cy + v.by] };
}

/** Base-pixel coordinates of every point (NaN stays NaN, so the index skips it). */
export function baseCoords(x: ArrayLike<number>, y: ArrayLike<number>, n: number, base: Affine) {
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = base.kx * x[i] + base.bx;
    w[i] = base.ky * y[i] + base.by;
  }
  return { u, v: w };
}

/**
 * A static 2-d tree over the finite points (x[i], y[i]), i < n. Leaves hold up to `leafSize` points; inner
 * nodes split at the median of a slice (axis alternating x, y) found by three-way quickselect, so equal or
 * sorted coordinates do not degrade it. Queries return original indices.
 */
export class KdIndex {
  readonly size: number;
  private readonly ids: Uint32Array;
  private readonly xy: Float64Array;
  private readonly leafSize: number;

  constructor(x: ArrayLike<number>, y: ArrayLike<number>, n: number, leafSize = 16) {
    let m = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) m++;
    this.size = m;
    this.ids = new Uint32Array(m);
    this.xy = new Float64Array(2 * m);
    this.leafSize = Math.max(1, leafSize);
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
      this.ids[j] = i;
      this.xy[2 * j] = x[i];
      this.xy[2 * j + 1] = y[i];
      j++;
    }
    this.build(0, m - 1, 0);
  }

  private build(lo: number, hi: number, axis: number): void {
    if (hi - lo < this.leafSize) return;
    const mid = (lo + hi) >> 1;
    this.select(mid, lo, hi, axis);
    this.build(lo, mid - 1, 1 - axis);
    this.build(mid + 1, hi, 1 - axis);
  }

  /** Reorders [lo, hi] so slot k holds its sorted value on `axis`, smaller-or-equal before, larger-or-equal after. */
  private select(k: number, lo: number, hi: number, axis: number): void {
    const c = this.xy;
    while (hi > lo) {
      const pivot = c[2 * ((lo + hi) >> 1) + axis];
      // Three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot.
      let lt = lo;
      let gt = hi;
      let i = lo;
      while (i <= gt) {
        const v = c[2 * i + axis];
        if (v < pivot) this.swap(lt++, i++);
        else if (v > pivot) this.swap(i, gt--);
        else i++;
      }
      if (k < lt) hi = lt - 1;
      else if (k > gt) lo = gt + 1;
      else return;
    }
  }

  private swap(a: number, b: number): void {
    const ids = this.ids;
    const c = this.xy;
    const t = ids[a];
    ids[a] = ids[b];
    ids[b] = t;
    for (let d = 0; d < 2; d++) {
      const u = c[2 * a + d];
      c[2 * a + d] = c[2 * b + d];
      c[2 * b + d] = u;
    }
  }

  /**
   * Index of the point closest to (qx, qy) within maxDist (inclusive), or −1. Among equally close points the
   * smallest index wins, so the answer is unique.
   */
  nearest(qx: number, qy: number, maxDist = Infinity): number {
    const c = this.xy;
    const ids = this.ids;
    let best = maxDist * maxDist;
    let bestId = -1;
    const consider = (j: number) => {
      const dx = c[2 * j] - qx;
      const dy = c[2 * j + 1] - qy;
      const d2 = dx * dx + dy * dy;
      if (d2 < best || (d2 === best && (bestId < 0 || ids[j] < bestId))) {
        best = d2;
        bestId = ids[j];
      }
    };
    const visit = (lo: number, hi: number, axis: number): void => {
      if (hi - lo < this.leafSize) {
        for (let j = lo; j <= hi; j++) consider(j);
        return;
      }
      const mid = (lo + hi) >> 1;
      consider(mid);
      const d = (axis === 0 ? qx : qy) - c[2 * mid + axis];
      const [nearLo, nearHi, farLo, farHi] = d < 0 ? [lo, mid - 1, mid + 1, hi] : [mid + 1, hi, lo, mid - 1];
      visit(nearLo, nearHi, 1 - axis);
      if (d * d <= best) visit(farLo, farHi, 1 - axis);
    };
    if (Number.isFinite(qx) && Number.isFinite(qy)) visit(0, this.size - 1, 0);
    return bestId;
  }

  /** Indices (ascending) of the points with minX ≤ x ≤ maxX and minY ≤ y ≤ maxY. */
  range(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const c = this.xy;
    const out: number[] = [];
    const inside = (j: number) => {
      const x = c[2 * j];
      const y = c[2 * j + 1];
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) out.push(this.ids[j]);
    };
    const visit = (lo: number, hi: number, axis: number): void => {
      if (hi - lo < this.leafSize) {
        for (let j = lo; j <= hi; j++) inside(j);
        return;
      }
      const mid = (lo + hi) >> 1;
      inside(mid);
      const split = c[2 * mid + axis];
      if ((axis === 0 ? minX : minY) <= split) visit(lo, mid - 1, 1 - axis);
      if ((axis === 0 ? maxX : maxY) >= split) visit(mid + 1, hi, 1 - axis);
    };
    visit(0, this.size - 1, 0);
    return out.sort((a, b) => a - b);
  }
}

/**
 * A drawing order for level-of-detail decimation: any prefix of it is a spatially stratified sample, so a
 * renderer that is too slow for every point can draw the first m while the view moves. Level 0 holds one
 * point per occupied cell of side `cell` (in the units of u, v), level 1 one more per occupied cell of side
 * cell/2 not yet covered, and so on for `levels` levels; the rest follow. Within a level the order is a fixed
 * pseudo-random shuffle. So the first (number of occupied coarse cells) points cover every coarse cell: isolated
 * points and the extremes of the cloud survive decimation, only dense areas are thinned. Non-finite points go
 * last. Returns the order and where each level starts (starts[levels + 1] = number of finite points).
 */
export function lodOrder(u: ArrayLike<number>, v: ArrayLike<number>, n: number, cell = 16, levels = 4) {
  // A fixed shuffle of 0…n−1 (Fisher–Yates driven by a 32-bit xorshift).
  const visit = new Uint32Array(n);
  for (let i = 0; i < n; i++) visit[i] = i;
  let state = 0x9e3779b9;
  for (let i = n - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    const t = visit[i];
    visit[i] = visit[j];
    visit[j] = t;
  }
  const level = new Uint8Array(n).fill(255);
  const key = (i: number, c: number) => Math.floor(u[i] / c) * 0x200000 + Math.floor(v[i] / c);
  for (let L = 0; L <= levels; L++) {
    const c = cell / 2 ** L;
    const taken = new Set<number>();
    for (let i = 0; i < n; i++) if (level[i] < L) taken.add(key(i, c));
    for (const i of visit) {
      if (level[i] !== 255 || !Number.isFinite(u[i]) || !Number.isFinite(v[i])) continue;
      const k = key(i, c);
      if (L < levels && taken.has(k)) continue;
      taken.add(k);
      level[i] = L;
    }
  }
  // Counting sort by level, keeping the shuffled order inside each level; non-finite points (255) last.
  const counts = new Uint32Array(levels + 2);
  for (let i = 0; i < n; i++) counts[Math.min(level[i], levels + 1)]++;
  const starts = new Uint32Array(levels + 2);
  for (let L = 1; L < levels + 2; L++) starts[L] = starts[L - 1] + counts[L - 1];
  const order = new Uint32Array(n);
  const next = starts.slice();
  for (const i of visit) order[next[Math.min(level[i], levels + 1)]++] = i;
  return { order, starts };
}

/** Opacity for drawing m of n overlapping points so that a dense area looks as opaque as with all n. */
export function thinnedAlpha(alpha: number, n: number, m: number): number {
  return m >= n || m <= 0 ? alpha : 1 - Math.pow(1 - alpha, n / m);
}

/** A rectangle dragged between two zoomed screen points, as [minX, minY, maxX, maxY] in base pixels. */
export function brushToBase(z: Zoom, sx0: number, sy0: number, sx1: number, sy1: number) {
  const [u0, v0] = screenToBase(z, sx0, sy0);
  const [u1, v1] = screenToBase(z, sx1, sy1);
  return [Math.min(u0, u1), Math.min(v0, v1), Math.max(u0, u1), Math.max(v0, v1)] as const;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Greedy label placement. Obstacles (the points themselves, markers) are laid down first. Then each item in
 * order gets the first of its candidate boxes (e.g. right, left, above, below its point) that lies inside
 * [0, width] × [0, height] and overlaps no obstacle and no label kept before it; items with none are skipped.
 * Returns [item, candidate] pairs. A coarse grid of buckets keeps each test local.
 */
export function placeLabels(
  items: Box[][],
  width: number,
  height: number,
  obstacles: Box[] = [],
  cell = 64,
): Array<[number, number]> {
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const grid: Box[][] = Array.from({ length: cols * rows }, () => []);
  const cellsOf = (b: Box) => {
    const c0 = Math.max(0, Math.floor(b.x / cell));
    const c1 = Math.min(cols - 1, Math.floor((b.x + b.w) / cell));
    const r0 = Math.max(0, Math.floor(b.y / cell));
    const r1 = Math.min(rows - 1, Math.floor((b.y + b.h) / cell));
    const out: number[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(r * cols + c);
    return out;
  };
  const add = (b: Box) => {
    for (const k of cellsOf(b)) grid[k].push(b);
  };
  const free = (b: Box) =>
    b.x >= 0 &&
    b.y >= 0 &&
    b.x + b.w <= width &&
    b.y + b.h <= height &&
    cellsOf(b).every((k) => grid[k].every((o) => !boxesOverlap(o, b)));
  obstacles.forEach(add);
  const kept: Array<[number, number]> = [];
  items.forEach((cands, i) => {
    const j = cands.findIndex(free);
    if (j < 0) return;
    add(cands[j]);
    kept.push([i, j]);
  });
  return kept;
}

/**
 * One colour per point, packed as in scales.ts (0xAABBGGRR, i.e. RGBA bytes in memory): value lo → lut[0],
 * hi → lut[last], rounded to the nearest entry and clamped; non-finite values get `missing`. Without values
 * every point gets `plain`.
 */
export function packColors(
  values: ArrayLike<number> | undefined,
  n: number,
  domain: Extent,
  lut: Uint32Array,
  plain: number,
  missing = 0xff999999,
): Uint32Array {
  const out = new Uint32Array(n);
  if (!values) return out.fill(plain >>> 0);
  const last = lut.length - 1;
  const k = last / (domain[1] - domain[0] || 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = missing;
      continue;
    }
    const j = Math.round((v - domain[0]) * k);
    out[i] = lut[j < 0 ? 0 : j > last ? last : j];
  }
  return out;
}

/**
 * Keyboard hover: the arrow keys step through points in index order (Right/Down forward, Left/Up back, Page keys
 * by 10), Home/End jump to the ends. Returns the new index, or undefined when the key is not a stepping key.
 */
export function stepIndex(current: number | null, key: string, n: number): number | undefined {
  if (n <= 0) return undefined;
  const from = current ?? -1;
  const by: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  if (key === 'PageDown') return Math.min(n - 1, Math.max(0, from + 10));
  if (key === 'PageUp') return Math.max(0, (current ?? n) - 10);
  if (!(key in by)) return undefined;
  if (current === null) return by[key] > 0 ? 0 : n - 1;
  return Math.min(n - 1, Math.max(0, from + by[key]));
}
