// The t-SNE objective KL(P‖Q) with the Student-t kernel q_ij ∝ 1/(1 + ‖y_i − y_j‖²), and its gradient: exact
// O(n²) over a dense P, or Barnes–Hut O(n log n) (van der Maaten 2014) with the attraction over the sparse P and
// the repulsion (and Z) from the quadtree (tree.ts). Early exaggeration multiplies P in the attraction.
import type { SparseRows } from './affinities.ts';
import { buildQuadtree, quadtreeRepulsion, type Quadtree } from './tree.ts';

/**
 * Exact gradient of KL(P‖Q) for Y [n, 2] into grad: 4 Σ_j (e·p_ij − q_ij)(y_i − y_j)/(1 + ‖y_i − y_j‖²),
 * with P dense and symmetric. Returns Z = Σ_{i≠j} 1/(1 + ‖y_i − y_j‖²).
 */
export function exactGradient(
  P: Float64Array,
  Y: Float64Array,
  n: number,
  exaggeration: number,
  grad: Float64Array,
) {
  let Z = 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    for (let j = i + 1; j < n; j++) {
      const dx = xi - Y[2 * j];
      const dy = yi - Y[2 * j + 1];
      Z += 2 / (1 + dx * dx + dy * dy);
    }
  }
  grad.fill(0);
  const invZ = Z > 0 ? 1 / Z : 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    let gx = 0;
    let gy = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - Y[2 * j];
      const dy = yi - Y[2 * j + 1];
      const num = 1 / (1 + dx * dx + dy * dy);
      const mult = (exaggeration * P[i * n + j] - num * invZ) * num;
      gx += mult * dx;
      gy += mult * dy;
      grad[2 * j] -= mult * dx;
      grad[2 * j + 1] -= mult * dy;
    }
    grad[2 * i] += gx;
    grad[2 * i + 1] += gy;
  }
  for (let t = 0; t < 2 * n; t++) grad[t] *= 4;
  return Z;
}

/** Barnes–Hut gradient: attraction over the sparse P, repulsion from the quadtree. Returns the estimated Z. */
export function bhGradient(
  P: SparseRows,
  Y: Float64Array,
  n: number,
  theta: number,
  exaggeration: number,
  grad: Float64Array,
  tree?: Quadtree,
): number {
  const t = buildQuadtree(Y, n, tree);
  const Z = quadtreeRepulsion(t, Y, n, theta, grad); // grad holds Σ_j num² (y_i − y_j) for now
  const invZ = Z > 0 ? 1 / Z : 0;
  for (let i = 0; i < n; i++) {
    const xi = Y[2 * i];
    const yi = Y[2 * i + 1];
    let ax = 0;
    let ay = 0;
    for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
      const j = P.cols[e];
      const dx = xi - Y[2 * j];
      const dy = yi - Y[2 * j + 1];
      const w = (exaggeration * P.vals[e]) / (1 + dx * dx + dy * dy);
      ax += w * dx;
      ay += w * dy;
    }
    grad[2 * i] = 4 * (ax - grad[2 * i] * invZ);
    grad[2 * i + 1] = 4 * (ay - grad[2 * i + 1] * invZ);
  }
  return Z;
}

/** Σ_{i≠j} 1/(1 + ‖y_i − y_j‖²) exactly. */
export function exactZ(Y: Float64Array, n: number): number {
  let Z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Y[2 * i] - Y[2 * j];
      const dy = Y[2 * i + 1] - Y[2 * j + 1];
      Z += 2 / (1 + dx * dx + dy * dy);
    }
  }
  return Z;
}

/** Σ p ln p and Σ p over the non-zero entries: the constant parts of KL. */
export function selfTerms(vals: Float64Array): { plogp: number; mass: number } {
  let plogp = 0;
  let mass = 0;
  for (const p of vals) {
    if (p > 0) plogp += p * Math.log(p);
    mass += p;
  }
  return { plogp, mass };
}

/**
 * KL(P‖Q) = Σ p ln(p/q) = Σ p ln p + Σ p ln(1 + ‖y_i − y_j‖²) + (Σ p)·ln Z, with q_ij = 1/((1 + ‖y_i − y_j‖²)·Z).
 * Dense P gets its exact Z in the same pass; sparse P uses `sparseZ`.
 */
export function klDivergence(
  P: Float64Array | SparseRows,
  self: { plogp: number; mass: number },
  Y: Float64Array,
  n: number,
  sparseZ: () => number,
): number {
  let cross = 0;
  let Z = 0;
  if (P instanceof Float64Array) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = Y[2 * i] - Y[2 * j];
        const dy = Y[2 * i + 1] - Y[2 * j + 1];
        const w = 1 + dx * dx + dy * dy;
        Z += 2 / w;
        const p = P[i * n + j];
        if (p > 0) cross += 2 * p * Math.log(w);
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
        const j = P.cols[e];
        const dx = Y[2 * i] - Y[2 * j];
        const dy = Y[2 * i + 1] - Y[2 * j + 1];
        if (P.vals[e] > 0) cross += P.vals[e] * Math.log(1 + dx * dx + dy * dy);
      }
    }
    Z = sparseZ();
  }
  return self.plogp + cross + self.mass * Math.log(Z);
}
