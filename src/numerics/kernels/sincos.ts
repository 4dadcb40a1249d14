// The angle-table kernel's shared definition and its plain TypeScript twin (the cpu and wasm backends' kernel, and
// the reference shape of the WGSL program in sincos.wgsl.ts, which performs the same integer steps bit for bit).
//
// Per (position p, frequency f), with the frequency as 64-bit fixed-point turns (fixed64.ts):
//   1. R = p·C mod 2^64, exact (u32 arithmetic);
//   2. quarter-turn reduction on the integer: h = R + 2^61; q = h >> 62 ∈ {0,1,2,3}; t = (h mod 2^62) − 2^61, so
//      frac(p·c) = q/4 + t/2^64 with |t| ≤ 2^61, and the angle is q·π/2 + y, y = 2π·t/2^64 ∈ [−π/4, π/4];
//   3. sin y and cos y by Taylor polynomials evaluated with plain multiply-adds (Horner in y²). On |y| ≤ π/4 the
//      first omitted terms are (π/4)^13/13! ≈ 7e-12 and (π/4)^12/12! ≈ 1.2e-10;
//   4. the quadrant picks ±sin y or ±cos y (cos a = sin(a + π/2), so cos uses q + 1). No division, no branch
//      that depends on floating-point rounding.
// In float32 (the GPU) the angle y is off by ≲ 1e-7 rad and the polynomial by a few float32 ulps, ≲ 3e-7 in all.
import { mulHi32 } from '../fixed64.ts';

/** How the kernel lays out its [P, W] output: one function per column, or both in a PE table of width 2F. */
export type AngleLayout = 'sin' | 'cos' | 'interleaved' | 'half';

function assertNever(x: never): never {
  throw new Error(`unknown angle layout: ${String(x)}`);
}

/** Output width W for F frequencies. */
export function layoutWidth(layout: AngleLayout, F: number): number {
  switch (layout) {
    case 'sin':
    case 'cos':
      return F;
    case 'interleaved':
    case 'half':
      return 2 * F;
    default:
      return assertNever(layout);
  }
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

/** The [P, W] table for int32 positions and fixed-point words (fixed64.ts), row-major, in float32. */
export function angleTableCpu(positions: Int32Array, words: Uint32Array, layout: AngleLayout): Float32Array {
  const P = positions.length;
  const F = words.length / 2;
  const W = layoutWidth(layout, F);
  const out = new Float32Array(P * W);
  for (let r = 0; r < P; r++) {
    const p = positions[r];
    for (let f = 0; f < F; f++) {
      const hi = words[2 * f];
      const lo = words[2 * f + 1];
      const rlo = Math.imul(p, lo) >>> 0; // step 1, the same u32 steps as productMod64 and the WGSL
      const rhi = (Math.imul(p, hi) + mulHi32(p, lo)) >>> 0;
      const base = r * W;
      switch (layout) {
        case 'sin':
          out[base + f] = sinOrCosOf64(rhi, rlo, false);
          break;
        case 'cos':
          out[base + f] = sinOrCosOf64(rhi, rlo, true);
          break;
        case 'interleaved':
          out[base + 2 * f] = sinOrCosOf64(rhi, rlo, false);
          out[base + 2 * f + 1] = sinOrCosOf64(rhi, rlo, true);
          break;
        case 'half':
          out[base + f] = sinOrCosOf64(rhi, rlo, false);
          out[base + F + f] = sinOrCosOf64(rhi, rlo, true);
          break;
        default:
          assertNever(layout);
      }
    }
  }
  return out;
}
