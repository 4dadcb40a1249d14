// The angle-table kernel's shared definition and its plain TypeScript twin (the cpu and wasm backends' kernel, and
// the reference shape of the WGSL program in sincos.wgsl.ts, which performs the same integer steps bit for bit).
//
// Per (position p, frequency f), with the frequency as 64-bit fixed-point turns (fixed64.ts):
//   1. R = p·C mod 2^64, exact (u32 arithmetic). Consecutive positions p, p + 1, … step R by adding C (a 64-bit
//      add in two u32 words with a carry), which gives the same bits as the product: (p + 1)·C = p·C + C mod 2^64.
//      So a run of ROWS_PER_RUN consecutive rows costs one product and ROWS_PER_RUN − 1 adds;
//   2. quarter-turn reduction on the integer: h = R + 2^61; q = h >> 62 ∈ {0,1,2,3}; t = (h mod 2^62) − 2^61, so
//      frac(p·c) = q/4 + t/2^64 with |t| ≤ 2^61, and the angle is q·π/2 + y, y = 2π·t/2^64 ∈ [−π/4, π/4];
//   3. sin y and cos y by Taylor polynomials evaluated with plain multiply-adds (Horner in y²). On |y| ≤ π/4 the
//      first omitted terms are (π/4)^13/13! ≈ 7e-12 and (π/4)^12/12! ≈ 1.2e-10;
//   4. the quadrant picks ±sin y or ±cos y (cos a = sin(a + π/2), so cos uses q + 1). No division, no branch
//      that depends on floating-point rounding.
// In float32 (the GPU) the angle y is off by ≲ 1e-7 rad and the polynomial by a few float32 ulps, ≲ 3e-7 in all.
import { mulHi32 } from '../fixed64.ts';

/**
 * How the kernel lays out its [P, 2F] output, both functions of every frequency f:
 *   'interleaved' sin at column 2f, cos at 2f + 1 (Vaswani et al.);
 *   'half'        sin at f, cos at F + f (tensor2tensor);
 *   'cos-sin'     cos at f, sin at F + f (RoPE's table pair in one tensor: tfjs programs have one output).
 */
export type AngleLayout = 'interleaved' | 'half' | 'cos-sin';

/** Rows one GPU invocation (and one step of the twin) computes when positions are consecutive. */
export const ROWS_PER_RUN = 32;

const TWO32 = 2 ** 32;

/** Columns of sin(f) and cos(f) in a row of width 2F. */
export function columnsOf(layout: AngleLayout, F: number, f: number): [sin: number, cos: number] {
  switch (layout) {
    case 'interleaved':
      return [2 * f, 2 * f + 1];
    case 'half':
      return [f, F + f];
    case 'cos-sin':
      return [F + f, f];
    default: {
      const never: never = layout;
      throw new Error(`unknown angle layout: ${String(never)}`);
    }
  }
}

/** Whether positions are p0, p0 + 1, …: then runs of rows step the product instead of recomputing it. */
export function consecutive(positions: ArrayLike<number>): boolean {
  for (let i = 1; i < positions.length; i++) if (positions[i] !== positions[i - 1] + 1) return false;
  return true;
}

/** 2π/2^32 and 2π/2^64: the angle of one unit of t's high and low word. */
export const RAD_PER_HI = (2 * Math.PI) / 2 ** 32;
export const RAD_PER_LO = (2 * Math.PI) / 2 ** 64;

/** Taylor coefficients in y², lowest power after the leading term first: sin y = y + y·z·(S[0] + z·(S[1] + …)). */
export const SIN_TAYLOR = [-1 / 6, 1 / 120, -1 / 5040, 1 / 362880, -1 / 39916800];
/** cos y = 1 + z·(C[0] + z·(C[1] + …)), z = y². */
export const COS_TAYLOR = [-1 / 2, 1 / 24, -1 / 720, 1 / 40320, -1 / 3628800];

function horner(z: number, coeffs: number[]): number {
  let acc = coeffs[coeffs.length - 1];
  for (let k = coeffs.length - 2; k >= 0; k--) acc = coeffs[k] + z * acc;
  return acc;
}

/**
 * sin (wantCos false) or cos (true) of 2π·R/2^64 for R = hi·2^32 + lo: steps 2–4 of the header, in float64.
 * Exported for tests of the reduction itself.
 */
export function sinOrCosOf64(hi: number, lo: number, wantCos: boolean): number {
  const h = (hi + 0x20000000) >>> 0; // R + 2^61 (the carry out of bit 63 drops: mod 2^64)
  const q = (h >>> 30) + (wantCos ? 1 : 0);
  const tHi = (h & 0x3fffffff) - 0x20000000; // signed high word of t, in [−2^29, 2^29)
  const y = tHi * RAD_PER_HI + lo * RAD_PER_LO; // [−π/4, π/4]
  const z = y * y;
  switch (q & 3) {
    case 0:
      return y + y * z * horner(z, SIN_TAYLOR);
    case 1:
      return 1 + z * horner(z, COS_TAYLOR);
    case 2:
      return -(y + y * z * horner(z, SIN_TAYLOR));
    default:
      return -(1 + z * horner(z, COS_TAYLOR));
  }
}

/**
 * The [P, 2F] table for int32 positions and fixed-point words (fixed64.ts), row-major, in float32. Walks the rows
 * as the WGSL does: runs of ROWS_PER_RUN rows (1 when positions are not consecutive), one product per run, then
 * 64-bit adds.
 */
export function angleTableCpu(positions: Int32Array, words: Uint32Array, layout: AngleLayout): Float32Array {
  const P = positions.length;
  const F = words.length / 2;
  const W = 2 * F;
  const out = new Float32Array(P * W);
  const run = consecutive(positions) ? ROWS_PER_RUN : 1;
  for (let r0 = 0; r0 < P; r0 += run) {
    const p = positions[r0];
    const end = Math.min(P, r0 + run);
    for (let f = 0; f < F; f++) {
      const hi = words[2 * f];
      const lo = words[2 * f + 1];
      const [sinCol, cosCol] = columnsOf(layout, F, f);
      let rlo = Math.imul(p, lo) >>> 0; // step 1: the product at the run's first row
      let rhi = (Math.imul(p, hi) + mulHi32(p, lo)) >>> 0;
      for (let r = r0; r < end; r++) {
        out[r * W + sinCol] = sinOrCosOf64(rhi, rlo, false);
        out[r * W + cosCol] = sinOrCosOf64(rhi, rlo, true);
        rlo += lo; // < 2^33: exact in float64
        const carry = rlo >= TWO32 ? 1 : 0;
        rlo -= carry * TWO32;
        rhi = (rhi + hi + carry) >>> 0;
      }
    }
  }
  return out;
}
