// The Barnes–Hut quadtree for 2-D t-SNE (van der Maaten 2014): a quadtree over Y in flat typed arrays, rebuilt
// every iteration into the same buffers, and the repulsive forces from it. A cell stands in for its points when
// its half-width / distance to its centre of mass < θ, as bhtsne does (θ = 0 gives the exact forces).

/** A 2-D quadtree over Y in flat arrays, rebuilt every iteration into the same buffers. */
export interface Quadtree {
  size: number;
  cx: Float64Array;
  cy: Float64Array;
  half: Float64Array;
  mass: Int32Array;
  comX: Float64Array;
  comY: Float64Array;
  /** First of four consecutive children, or −1 for a leaf. */
  child: Int32Array;
  /** A leaf's points are order[start…end). */
  start: Int32Array;
  end: Int32Array;
  order: Int32Array;
  scratch: Int32Array;
}

const MAX_DEPTH = 50;

function allocNodes(tree: Quadtree, count: number): number {
  const at = tree.size;
  if (at + count > tree.cx.length) {
    const cap = Math.max(2 * tree.cx.length, at + count);
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    tree.cx = grow(tree.cx);
    tree.cy = grow(tree.cy);
    tree.half = grow(tree.half);
    tree.mass = grow(tree.mass);
    tree.comX = grow(tree.comX);
    tree.comY = grow(tree.comY);
    tree.child = grow(tree.child);
    tree.start = grow(tree.start);
    tree.end = grow(tree.end);
  }
  tree.size += count;
  return at;
}

function buildNode(tree: Quadtree, Y: Float64Array, node: number, s: number, e: number, depth: number): void {
  const { order } = tree;
  let sx = 0;
  let sy = 0;
  for (let t = s; t < e; t++) {
    sx += Y[2 * order[t]];
    sy += Y[2 * order[t] + 1];
  }
  const count = e - s;
  tree.mass[node] = count;
  tree.comX[node] = count > 0 ? sx / count : 0;
  tree.comY[node] = count > 0 ? sy / count : 0;
  tree.start[node] = s;
  tree.end[node] = e;
  tree.child[node] = -1;
  if (count <= 1 || depth >= MAX_DEPTH) return;
  // Counting sort of order[s…e) into the quadrants (x ≥ cx) + 2·(y ≥ cy).
  const cx = tree.cx[node];
  const cy = tree.cy[node];
  const { scratch } = tree;
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  for (let t = s; t < e; t++) {
    const q = (Y[2 * order[t]] >= cx ? 1 : 0) + (Y[2 * order[t] + 1] >= cy ? 2 : 0);
    if (q === 0) n0++;
    else if (q === 1) n1++;
    else if (q === 2) n2++;
  }
  let a0 = s;
  let a1 = s + n0;
  let a2 = a1 + n1;
  let a3 = a2 + n2;
  for (let t = s; t < e; t++) {
    const i = order[t];
    const q = (Y[2 * i] >= cx ? 1 : 0) + (Y[2 * i + 1] >= cy ? 2 : 0);
    if (q === 0) scratch[a0++] = i;
    else if (q === 1) scratch[a1++] = i;
    else if (q === 2) scratch[a2++] = i;
    else scratch[a3++] = i;
  }
  for (let t = s; t < e; t++) order[t] = scratch[t];
  const first = allocNodes(tree, 4);
  tree.child[node] = first;
  const h = tree.half[node] / 2;
  const ends = [a0, a1, a2, a3];
  for (let q = 0; q < 4; q++) {
    tree.cx[first + q] = cx + (q & 1 ? h : -h);
    tree.cy[first + q] = cy + (q & 2 ? h : -h);
    tree.half[first + q] = h;
    buildNode(tree, Y, first + q, q === 0 ? s : ends[q - 1], ends[q], depth + 1);
  }
}

/** Builds the quadtree of the n points Y [n, 2], reusing `reuse`'s buffers when given. */
export function buildQuadtree(Y: Float64Array, n: number, reuse?: Quadtree): Quadtree {
  const cap = Math.max(4 * n + 1, 16);
  const tree: Quadtree = reuse ?? {
    size: 0,
    cx: new Float64Array(cap),
    cy: new Float64Array(cap),
    half: new Float64Array(cap),
    mass: new Int32Array(cap),
    comX: new Float64Array(cap),
    comY: new Float64Array(cap),
    child: new Int32Array(cap),
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    order: new Int32Array(n),
    scratch: new Int32Array(n),
  };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, Y[2 * i]);
    maxX = Math.max(maxX, Y[2 * i]);
    minY = Math.min(minY, Y[2 * i + 1]);
    maxY = Math.max(maxY, Y[2 * i + 1]);
  }
  for (let i = 0; i < n; i++) tree.order[i] = i;
  tree.size = 0;
  const root = allocNodes(tree, 1);
  tree.cx[root] = n > 0 ? (minX + maxX) / 2 : 0;
  tree.cy[root] = n > 0 ? (minY + maxY) / 2 : 0;
  tree.half[root] = n > 0 ? Math.max(maxX - minX, maxY - minY) / 2 + 1e-12 : 1;
  buildNode(tree, Y, root, 0, n, 0);
  return tree;
}

/**
 * For each point i: out_i = Σ_{j≠i} num_ij²·(y_i − y_j), num_ij = 1/(1 + ‖y_i − y_j‖²), a cell standing in for
 * its points when half-width/distance < θ (bhtsne's rule). Returns the matching estimate of Z = Σ_{i≠j} num_ij.
 */
export function quadtreeRepulsion(
  tree: Quadtree,
  Y: Float64Array,
  n: number,
  theta: number,
  out: Float64Array,
): number {
  const stack = new Int32Array(4 * MAX_DEPTH + 8);
  const theta2 = theta * theta;
  const { mass, child, comX, comY, half, order, start, end } = tree;
  let Z = 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    let fx = 0;
    let fy = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const m = mass[node];
      if (m === 0) continue;
      const first = child[node];
      if (first < 0) {
        for (let t = start[node]; t < end[node]; t++) {
          const j = order[t];
          if (j === i) continue;
          const dx = xi - Y[2 * j];
          const dy = yi - Y[2 * j + 1];
          const num = 1 / (1 + dx * dx + dy * dy);
          Z += num;
          fx += num * num * dx;
          fy += num * num * dy;
        }
        continue;
      }
      const dx = xi - comX[node];
      const dy = yi - comY[node];
      const d2 = dx * dx + dy * dy;
      const h = half[node];
      if (h * h < theta2 * d2) {
        const num = 1 / (1 + d2);
        Z += m * num;
        fx += m * num * num * dx;
        fy += m * num * num * dy;
      } else {
        stack[top++] = first;
        stack[top++] = first + 1;
        stack[top++] = first + 2;
        stack[top++] = first + 3;
      }
    }
    out[2 * i] = fx;
    out[2 * i + 1] = fy;
  }
  return Z;
}
