// Σ_i cos(Δ·ω_i) over frequencies ω_i for many offsets Δ, each angle reduced exactly as the trig tables are
// (fixed64.ts: Δ·ω_i/2π mod 1 as a 64-bit integer product), so the sum holds at offsets where Δ·ω in float64 has
// lost its fractional turns. RoPE's q·k against offset (encodings/ropeViews.ts) is 2·Σ_i cos(Δθ_i); the sinusoid's
// position similarity PE(p)·PE(q) is Σ_i cos((p − q)ω_i) (encodings/sinusoidal.ts).
import { fixedTurns, productMod64 } from './fixed64.ts';

const TWO32 = 2 ** 32;
const TWO_PI_OVER_2_64 = (2 * Math.PI) / 2 ** 64;

/**
 * Σ_i cos(Δ·ω_i) for every offset Δ and frequencies ω_i (rad/position), each angle reduced exactly.
 */
export function cosSums(offsets: ArrayLike<number>, invFreq: ArrayLike<number>): Float64Array {
  return cosSumsOfTurns(
    offsets,
    Array.from(invFreq, (f) => f / (2 * Math.PI)),
  );
}

/**
 * Σ_i cos(2π·Δ·c_i) for every offset Δ and frequencies c_i in turns per position (the form the trig tables take),
 * each angle reduced exactly. Offsets 0, 1, 2, … step the 64-bit product by adding C_i (exact u32 words with a
 * carry, the same bits as Δ·C_i mod 2^64); other offsets take the product itself. Integer offsets |Δ| < 2^31.
 */
export function cosSumsOfTurns(offsets: ArrayLike<number>, turns: ArrayLike<number>): Float64Array {
  const words = fixedTurns(turns);
  const out = new Float64Array(offsets.length);
  const consecutive = Array.prototype.every.call(offsets, (o: number, k: number) => o === k);
  for (let i = 0; i < turns.length; i++) {
    const [cHi, cLo] = [words[2 * i], words[2 * i + 1]];
    let hi = 0;
    let lo = 0;
    for (let k = 0; k < offsets.length; k++) {
      if (!consecutive)
        [hi, lo] = productMod64(Math.abs(offsets[k]), cHi, cLo); // cos is even
      else if (k > 0) {
        lo += cLo; // < 2^33: exact
        const carry = lo >= TWO32 ? 1 : 0;
        lo -= carry * TWO32;
        hi = (hi + cHi + carry) >>> 0;
      }
      out[k] += Math.cos(((hi | 0) * TWO32 + lo) * TWO_PI_OVER_2_64); // signed turns → radians in [−π, π)
    }
  }
  return out;
}
