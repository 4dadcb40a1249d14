// Symmetric eigenproblem in float64 for the top k eigenpairs of a small dense matrix (PCA's d×d covariance or
// n×n Gram, read back from the GPU). Householder reduction to tridiagonal form (≈ 4/3·m³ flops, the only cubic
// step), then implicit symmetric QR with Wilkinson shifts on the tridiagonal. The QR Givens rotations are
// recorded rather than accumulated into an m×m matrix, and replayed only on the k wanted unit vectors, so the
// eigenvectors cost O(k·m²) yet are as orthogonal as a full QR's, even inside clusters of equal eigenvalues.
// Conventions: matrices are row-major Float64Array [m, m]; only the lower triangle is read; eigenvalues come
// out in descending order; eigenvectors are rows of the returned [k, m] array, signs unnormalised.

export interface EigenResult {
  /** All m eigenvalues, largest first. */
  values: Float64Array;
  /** Unit eigenvectors of the k largest eigenvalues, row-major [k, m]. */
  vectors: Float64Array;
}

/**
 * Reduces the symmetric `a` (lower triangle, overwritten) to T = Qᵀ a Q with diagonal `diag` and sub-diagonal
 * `off`. Returns the Householder vectors, row j acting on rows j+1…m−1 with H_j = I − 2vvᵀ (a zero row is
 * H_j = I). Each pass over the trailing block both applies reflector j and forms B·v for reflector j+1, so the
 * matrix streams through memory once per step.
 */
function tridiagonalise(a: Float64Array, m: number, diag: Float64Array, off: Float64Array): Float64Array {
  const house = new Float64Array(m * m);
  let p = new Float64Array(m);
  let pNext = new Float64Array(m);

  // Builds reflector j from column j (rows j+1…); false when the column is already tridiagonal.
  const reflector = (j: number): boolean => {
    let tail2 = 0;
    for (let r = j + 2; r < m; r++) tail2 += a[r * m + j] * a[r * m + j];
    const x0 = a[(j + 1) * m + j];
    diag[j] = a[j * m + j];
    if (tail2 === 0) {
      off[j] = x0;
      return false;
    }
    const norm = Math.sqrt(x0 * x0 + tail2);
    const alpha = x0 > 0 ? -norm : norm;
    off[j] = alpha;
    const v = house.subarray(j * m, (j + 1) * m);
    v[j + 1] = x0 - alpha;
    for (let r = j + 2; r < m; r++) v[r] = a[r * m + j];
    const scale = 1 / Math.sqrt(tail2 + v[j + 1] * v[j + 1]);
    for (let r = j + 1; r < m; r++) v[r] *= scale;
    return true;
  };

  // out = B v for the trailing block rows/cols ≥ from, read from its lower triangle.
  const matvec = (from: number, v: Float64Array, out: Float64Array): void => {
    out.fill(0, from);
    for (let r = from; r < m; r++) {
      const row = r * m;
      const vr = v[r];
      let sum = 0;
      for (let c = from; c < r; c++) {
        const arc = a[row + c];
        sum += arc * v[c];
        out[c] += arc * vr;
      }
      out[r] += sum + a[row + r] * vr;
    }
  };

  let active = m > 2 && reflector(0);
  if (active) matvec(1, house.subarray(0, m), p);
  for (let j = 0; j < m - 2; j++) {
    const hasNext = j + 1 < m - 2;
    if (!active) {
      active = hasNext && reflector(j + 1);
      if (active) matvec(j + 2, house.subarray((j + 1) * m, (j + 2) * m), p);
      continue;
    }
    const v = house.subarray(j * m, (j + 1) * m);
    let k = 0;
    for (let r = j + 1; r < m; r++) k += v[r] * p[r];
    for (let r = j + 1; r < m; r++) p[r] -= k * v[r]; // w = p − (vᵀp)v;  H B H = B − 2vwᵀ − 2wvᵀ
    const w = p;
    // Column j+1 first, since reflector j+1 is built from it.
    const c1 = j + 1;
    for (let r = c1; r < m; r++) a[r * m + c1] -= 2 * (v[r] * w[c1] + w[r] * v[c1]);
    const next = hasNext && reflector(j + 1);
    const u = house.subarray((j + 1) * m, (j + 2) * m);
    const from = j + 2;
    if (next) {
      // Two rows per pass over the columns (each w[c], v[c], u[c], pNext[c] is then loaded once for both):
      // about twice as fast in V8 as one row at a time.
      pNext.fill(0, from);
      let r = from;
      for (; r + 1 < m; r += 2) {
        const row0 = r * m;
        const row1 = row0 + m;
        const v0 = 2 * v[r];
        const w0 = 2 * w[r];
        const u0 = u[r];
        const v1 = 2 * v[r + 1];
        const w1 = 2 * w[r + 1];
        const u1 = u[r + 1];
        let s0 = 0;
        let s1 = 0;
        for (let c = from; c < r; c++) {
          const wc = w[c];
          const vc = v[c];
          const uc = u[c];
          const a0 = a[row0 + c] - (v0 * wc + w0 * vc);
          const a1 = a[row1 + c] - (v1 * wc + w1 * vc);
          a[row0 + c] = a0;
          a[row1 + c] = a1;
          s0 += a0 * uc;
          s1 += a1 * uc;
          pNext[c] += a0 * u0 + a1 * u1;
        }
        const d0 = a[row0 + r] - (v0 * w[r] + w0 * v[r]);
        const a10 = a[row1 + r] - (v1 * w[r] + w1 * v[r]);
        const d1 = a[row1 + r + 1] - (v1 * w[r + 1] + w1 * v[r + 1]);
        a[row0 + r] = d0;
        a[row1 + r] = a10;
        a[row1 + r + 1] = d1;
        pNext[r] += s0 + d0 * u0 + a10 * u1;
        pNext[r + 1] += s1 + a10 * u0 + d1 * u1;
      }
      if (r < m) {
        const row = r * m;
        const vr2 = 2 * v[r];
        const wr2 = 2 * w[r];
        const ur = u[r];
        let sum = 0;
        for (let c = from; c < r; c++) {
          const arc = a[row + c] - (vr2 * w[c] + wr2 * v[c]);
          a[row + c] = arc;
          sum += arc * u[c];
          pNext[c] += arc * ur;
        }
        const arr = a[row + r] - (vr2 * w[r] + wr2 * v[r]);
        a[row + r] = arr;
        pNext[r] += sum + arr * ur;
      }
      const swap = p;
      p = pNext;
      pNext = swap;
    } else {
      for (let r = from; r < m; r++) {
        const row = r * m;
        const vr2 = 2 * v[r];
        const wr2 = 2 * w[r];
        for (let c = from; c <= r; c++) a[row + c] -= vr2 * w[c] + wr2 * v[c];
      }
      if (hasNext) diag[j + 1] = a[(j + 1) * m + j + 1];
    }
    active = next;
  }
  if (m >= 2) {
    diag[m - 2] = a[(m - 2) * m + m - 2];
    off[m - 2] = a[(m - 1) * m + m - 2];
  }
  if (m >= 1) diag[m - 1] = a[(m - 1) * m + m - 1];
  return house;
}

/** A growable log of Givens rotations (plane k, k+1) applied as Z ← Z·G. */
class RotationLog {
  plane: Int32Array;
  cos: Float64Array;
  sin: Float64Array;
  length = 0;
  /** Room for about m² rotations: ~1.5 implicit QR sweeps per eigenvalue on average. */
  constructor(m: number) {
    const cap = Math.max(1024, m * m);
    this.plane = new Int32Array(cap);
    this.cos = new Float64Array(cap);
    this.sin = new Float64Array(cap);
  }
  push(k: number, c: number, s: number): void {
    if (this.length === this.plane.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, make: (n: number) => T): T => {
        const y = make(x.length * 2);
        y.set(x);
        return y;
      };
      this.plane = grow(this.plane, (n) => new Int32Array(n));
      this.cos = grow(this.cos, (n) => new Float64Array(n));
      this.sin = grow(this.sin, (n) => new Float64Array(n));
    }
    this.plane[this.length] = k;
    this.cos[this.length] = c;
    this.sin[this.length] = s;
    this.length++;
  }
}

/** Implicit symmetric QR with Wilkinson shifts; diag becomes the eigenvalues (unordered). */
function tridiagonalQR(diag: Float64Array, off: Float64Array, m: number, log: RotationLog): void {
  const eps = 2.220446049250313e-16;
  let hi = m - 1;
  let sweeps = 0;
  while (hi > 0) {
    if (Math.abs(off[hi - 1]) <= eps * (Math.abs(diag[hi - 1]) + Math.abs(diag[hi])) || off[hi - 1] === 0) {
      off[hi - 1] = 0;
      hi--;
      continue;
    }
    let lo = hi - 1;
    while (lo > 0 && Math.abs(off[lo - 1]) > eps * (Math.abs(diag[lo - 1]) + Math.abs(diag[lo]))) lo--;
    if (lo > 0) off[lo - 1] = 0;
    if (++sweeps > 60 * m) throw new Error('symmetric eigensolver did not converge');

    // Wilkinson shift from the trailing 2×2 block.
    const delta = (diag[hi - 1] - diag[hi]) / 2;
    const bb = off[hi - 1];
    const mu = diag[hi] - (bb * bb) / (delta + (delta >= 0 ? 1 : -1) * Math.sqrt(delta * delta + bb * bb));
    let x = diag[lo] - mu;
    let z = off[lo];
    for (let k = lo; k < hi; k++) {
      const r = Math.sqrt(x * x + z * z); // |x|, |z| ≤ ‖T‖, far from overflow for a covariance
      const c = r === 0 ? 1 : x / r;
      const s = r === 0 ? 0 : -z / r;
      if (k > lo) off[k - 1] = r;
      const ak = diag[k];
      const bk = off[k];
      const ak1 = diag[k + 1];
      diag[k] = c * c * ak - 2 * c * s * bk + s * s * ak1;
      diag[k + 1] = s * s * ak + 2 * c * s * bk + c * c * ak1;
      off[k] = c * s * (ak - ak1) + (c * c - s * s) * bk;
      if (k < hi - 1) {
        x = off[k];
        z = -s * off[k + 1];
        off[k + 1] *= c;
      }
      log.push(k, c, s);
    }
  }
}

/**
 * The k largest eigenpairs of the symmetric m×m matrix `a` (row-major; lower triangle read; not modified).
 * All m eigenvalues are returned too (they cost O(m²) once the matrix is tridiagonal).
 */
export function symmetricEigen(a: ArrayLike<number>, m: number, k = m): EigenResult {
  if (k < 0 || k > m) throw new RangeError(`k must be between 0 and ${m}, got ${k}`);
  const work = Float64Array.from(a as ArrayLike<number>);
  const diag = new Float64Array(m);
  const off = new Float64Array(Math.max(m - 1, 0));
  const house = tridiagonalise(work, m, diag, off);
  const log = new RotationLog(m);
  tridiagonalQR(diag, off, m, log);

  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => diag[j] - diag[i]);
  const values = Float64Array.from(order, (i) => diag[i]);
  const vectors = new Float64Array(k * m);
  for (let t = 0; t < k; t++) {
    const v = vectors.subarray(t * m, (t + 1) * m);
    v[order[t]] = 1;
    // Eigenvector of T: G₁G₂…G_p e_j, so replay the rotations last to first.
    for (let r = log.length - 1; r >= 0; r--) {
      const i = log.plane[r];
      const c = log.cos[r];
      const s = log.sin[r];
      const vi = v[i];
      const vi1 = v[i + 1];
      v[i] = c * vi + s * vi1;
      v[i + 1] = c * vi1 - s * vi;
    }
    // Eigenvector of a: Q z with Q = H₀H₁…H_{m−3}, so apply the last reflector first.
    for (let j = m - 3; j >= 0; j--) {
      const h = house.subarray(j * m, (j + 1) * m);
      let dot = 0;
      for (let r = j + 1; r < m; r++) dot += h[r] * v[r];
      if (dot === 0) continue;
      dot *= 2;
      for (let r = j + 1; r < m; r++) v[r] -= dot * h[r];
    }
  }
  return { values, vectors };
}
