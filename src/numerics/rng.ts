// The one seeded random number generator of the app: SplitMix32-style hashing of (seed, counter) for uniforms,
// Box–Muller for N(0, 1), and Xavier/Glorot uniform. The same seed gives the same numbers on every backend and in
// every browser (plain integer arithmetic, no platform RNG). Imports nothing of the app.

/**
 * A deterministic stream of uniform numbers in (0, 1) for a given integer seed. `start` skips that many draws in
 * O(1): the state after k draws is seed + k·0x9e3779b9 (mod 2^32), so any row of a table can be drawn alone.
 */
export function uniforms(seed: number, start = 0): () => number {
  let state = (seed + Math.imul(start, 0x9e3779b9)) | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return ((z >>> 0) + 0.5) / 4294967296;
  };
}

/** n samples of N(0, 1) from the seeded stream (Box–Muller, both outputs used), from draw `start` (even). */
export function normals(n: number, seed: number, start = 0): Float32Array {
  const u = uniforms(seed, start);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u()));
    const a = 2 * Math.PI * u();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/** n samples of Xavier/Glorot uniform for a [fanIn, fanOut] table: U(−a, a), a = √(6 / (fanIn + fanOut)), from draw `start`. */
export function xavier(n: number, fanIn: number, fanOut: number, seed: number, start = 0): Float32Array {
  const u = uniforms(seed, start);
  const a = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * u() - 1) * a;
  return out;
}
