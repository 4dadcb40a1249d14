// Independent float64 and BigInt references for the trig tests (cpu and WebGPU): frequencies written out here,
// never taken from the code under test, and the positions the tests visit.
import { uniforms } from './rng.ts';

/** ω_i = base^(−2i/d) in float64. */
export function omega(d: number, base: number, i: number): number {
  return Math.pow(base, (-2 * i) / d);
}

/** Column indices 0…d/2−1 thinned to at most `max` (always the first two and the last), for wide tables. */
export function columns(d: number, max: number): number[] {
  const F = d / 2;
  if (F <= max) return Array.from({ length: F }, (_, i) => i);
  const step = (F - 1) / (max - 1);
  const out = new Set([0, 1, F - 1]);
  for (let k = 0; out.size < max && k < max; k++) out.add(Math.round(k * step));
  return [...out].sort((a, b) => a - b);
}

/** Frequency sets the tests cover: Vaswani's base 10000 and Llama 3's 500000, d from 64 to 4096. */
export const FREQUENCY_SETS: Array<{ d: number; base: number; cols: number[] }> = [
  { d: 64, base: 10000, cols: columns(64, 64) },
  { d: 512, base: 10000, cols: columns(512, 48) },
  { d: 4096, base: 10000, cols: columns(4096, 40) },
  { d: 128, base: 500000, cols: columns(128, 64) },
  { d: 4096, base: 500000, cols: columns(4096, 40) },
];

/** 0…n−1. */
export const firstPositions = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `count` seeded positions in [8192, 2^20) plus the last 16 below 2^20. */
export function farPositions(count: number, seed: number): number[] {
  const u = uniforms(seed);
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(8192 + Math.floor(u() * (2 ** 20 - 8192)));
  for (let p = 2 ** 20 - 16; p < 2 ** 20; p++) out.push(p);
  return out;
}

/** Largest |table[r, j] − ref(r, j)| over a [P, F] row-major table. */
export function maxError(
  table: Float32Array,
  P: number,
  F: number,
  ref: (r: number, j: number) => number,
): number {
  let worst = 0;
  for (let r = 0; r < P; r++) {
    for (let j = 0; j < F; j++) worst = Math.max(worst, Math.abs(table[r * F + j] - ref(r, j)));
  }
  return worst;
}

/** A finite float64 as the exact rational m·2^e (BigInt m, integer e), read from its bits. */
export function exactFloat(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  if (expBits === 0) return { m: sign * frac, e: -1074 }; // subnormal or zero
  return { m: sign * ((1n << 52n) | frac), e: expBits - 1075 };
}

/** round(frac(|c|)·2^64) mod 2^64 (ties up), negated mod 2^64 for c < 0: exact BigInt arithmetic. */
export function fixedTurnsBigInt(c: number): bigint {
  const { m, e } = exactFloat(Math.abs(c));
  const shift = e + 64;
  const mod = 1n << 64n;
  let C: bigint;
  if (shift >= 0) C = (m << BigInt(shift)) % mod;
  else {
    const k = BigInt(-shift);
    C = ((m + (1n << (k - 1n))) >> k) % mod;
  }
  return c < 0 ? (mod - C) % mod : C;
}

/** sin and cos of 2π·frac(p·c) for the exact float64 value of c, from BigInt: a reference free of p·ω rounding. */
export function exactSinCos(p: number, c: number): { sin: number; cos: number } {
  const { m, e } = exactFloat(c);
  // p·c = p·m·2^e; keep 80 fractional bits of it: t = frac(p·c)·2^80 (floored, an error ≤ 2^−80 turns)
  const num = BigInt(p) * m;
  const shift = e + 80;
  const scaled = shift >= 0 ? num << BigInt(shift) : num >> BigInt(-shift);
  const t = ((scaled % (1n << 80n)) + (1n << 80n)) % (1n << 80n);
  const turns = Number(t) / 2 ** 80;
  return { sin: Math.sin(2 * Math.PI * turns), cos: Math.cos(2 * Math.PI * turns) };
}
