// Frequencies as 64-bit fixed-point turns, and the exact integer product that reduces a position's angle.
//
// A frequency ω (radians per position) is held as c = ω/2π turns per position. Only frac(c) matters for integer
// positions, so it is stored as C = round(frac(c)·2^64) mod 2^64 in two u32 words (hi, lo), rounded once in
// float64 on the CPU: |C/2^64 − frac(c)| ≤ 2^−65. For an integer position p, frac(p·c) ≈ (p·C mod 2^64)/2^64, and
//   p·C mod 2^64 = ((p·hi mod 2^32 + ⌊p·lo / 2^32⌋) mod 2^32)·2^32 + (p·lo mod 2^32),
// which needs only u32 multiplies that wrap (exact low words) and one high word of a 32×32-bit product, built
// from 16-bit halves so that every partial product fits in 32 bits. WGSL and JS (Math.imul, >>>) both compute it
// exactly, bit for bit. Its only error is the rounding of C: p·2^−65 turns.
//
// Why positions below 2^31: the product is exact for any p < 2^32, but positions travel to the GPU as int32
// tensors, so 2^31 is the bound. There the error is at most 2^31·2^−65 = 2^−34 turns ≈ 3.7e-10 rad, far below the
// 1e-6 the tables promise (and below float32's own rounding of the result, ~6e-8).

/** Positions 0…MAX_EXACT_POSITION−1 are reduced exactly (see the header: int32 transport, u32 arithmetic). */
export const MAX_EXACT_POSITION = 2 ** 31;

const TWO32 = 2 ** 32;

/** Throws unless every position is an integer in 0…MAX_EXACT_POSITION−1; returns them as int32. */
export function checkedPositions(positions: ArrayLike<number>): Int32Array {
  const out = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (!Number.isInteger(p) || p < 0 || p >= MAX_EXACT_POSITION) {
      throw new Error(
        `position ${p} is outside 0…${MAX_EXACT_POSITION - 1}, where the angle reduction is exact`,
      );
    }
    out[i] = p;
  }
  return out;
}

/**
 * Each frequency c (turns per position, float64) as the 64-bit fixed-point fraction round(frac(c)·2^64) mod 2^64,
 * in two u32 words: out[2f] is the high word, out[2f + 1] the low word. Negative c is stored as 2^64 − C(|c|).
 */
export function fixedTurns(turns: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(2 * turns.length);
  for (let f = 0; f < turns.length; f++) {
    const c = turns[f];
    if (!Number.isFinite(c)) throw new Error(`frequency ${c} turns per position is not a finite number`);
    const a = Math.abs(c);
    const x = (a - Math.floor(a)) * TWO32; // frac(|c|)·2^32, exact: subtracting the integer part and scaling by 2^32
    let hi = Math.floor(x);
    let lo = Math.round((x - hi) * TWO32); // the one rounding, to the nearest 2^−64 (ties up)
    if (lo === TWO32) {
      lo = 0;
      hi += 1;
    }
    if (hi === TWO32) hi = 0; // frac rounded up to 1 ≡ 0
    if (c < 0 && (hi !== 0 || lo !== 0)) {
      // two's complement: 2^64 − (hi·2^32 + lo)
      const nlo = (TWO32 - lo) % TWO32;
      hi = (TWO32 - hi - (lo === 0 ? 0 : 1)) % TWO32;
      lo = nlo;
    }
    out[2 * f] = hi;
    out[2 * f + 1] = lo;
  }
  return out;
}

/** ⌊a·b / 2^32⌋ for u32 a, b, exactly, from 16-bit halves (every partial product < 2^32): the WGSL twin's mulHi. */
export function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0;
}

/** p·(hi·2^32 + lo) mod 2^64 for a u32 position p, as [high word, low word]. */
export function productMod64(p: number, hi: number, lo: number): [number, number] {
  return [(Math.imul(p, hi) + mulHi32(p, lo)) >>> 0, Math.imul(p, lo) >>> 0];
}
