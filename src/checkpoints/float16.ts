// IEEE 754 binary16 (f16) and bfloat16 (bf16) conversion to and from float32, in plain integer arithmetic so it
// runs the same in Node 20 (no Float16Array) and every browser.
//   f16: 1 sign bit, 5 exponent bits (bias 15), 10 mantissa bits; subnormals below 2^-14.
//   bf16: the top 16 bits of a float32 (1 sign, 8 exponent, 7 mantissa).

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float32 value of one f16 bit pattern (exact: every f16 is a float32). */
export function f16ToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const man = h & 0x3ff;
  if (exp === 0) return sign * man * 2 ** -24; // zero or subnormal
  if (exp === 0x1f) return man ? NaN : sign * Infinity;
  return sign * (1 + man / 1024) * 2 ** (exp - 15);
}

/**
 * The f16 bit pattern nearest to x (round half to even); overflow gives ±Infinity, NaN stays NaN.
 * x may be any JS number, not only a float32: when x is not a float32 it is first rounded to float32 *toward
 * zero with the last bit set* ("round to odd"), which keeps the later rounding to f16 correct (no double rounding).
 */
export function f32ToF16(x: number): number {
  f32[0] = x;
  if (f32[0] !== x && !Number.isNaN(x)) {
    if (Math.abs(f32[0]) > Math.abs(x)) u32[0]--; // truncate toward zero (sign-magnitude: one step down)
    u32[0] |= 1; // sticky bit: x lies strictly between two float32s
  }
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const man = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (man ? 0x200 : 0);
  const e = exp - 127 + 15; // re-biased exponent
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // subnormal f16 (or zero): shift the full mantissa (with its implicit 1) into place, rounding to even
    if (e < -10) return sign;
    const full = man | 0x800000;
    const shift = 14 - e; // 14…24
    const half = 1 << (shift - 1);
    let m = full >>> shift;
    const rest = full & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let h = sign | (e << 10) | (man >>> 13);
  const rest = man & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && h & 1)) h++; // may carry into the exponent, which is correct
  return h;
}

/** The float32 value of one bf16 bit pattern. */
export function bf16ToF32(b: number): number {
  u32[0] = (b & 0xffff) << 16;
  return f32[0];
}

/** Decodes little-endian f16 or bf16 words into a new Float32Array. */
export function decodeHalf(words: Uint16Array, dtype: 'f16' | 'bf16'): Float32Array {
  const out = new Float32Array(words.length);
  if (dtype === 'bf16') {
    const o32 = new Uint32Array(out.buffer);
    for (let i = 0; i < words.length; i++) o32[i] = words[i] << 16;
    return out;
  }
  for (let i = 0; i < words.length; i++) out[i] = f16ToF32(words[i]);
  return out;
}

/** Rounds every value to the nearest f16 and back: what storing the table in f16 does to it. */
export function roundTripF16(values: Float32Array): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f16ToF32(f32ToF16(values[i]));
  return out;
}
