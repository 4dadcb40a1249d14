import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LUTS, LUT_SIZE } from './scales.ts';

// heatmap.ts and heatmapGl.ts are not listed in tsconfig.node.json, and a composite project may not import an
// unlisted file, so they are loaded by a computed path (untyped here) until that list names them.
type Plots = {
  lutIndex(v: number, domain: [number, number]): number;
  paint(
    ctx: unknown,
    m: { shape: [number, number]; data: Float32Array },
    domain: [number, number],
    lut?: Uint32Array,
  ): void;
};
type Gl = { isSoftwareRenderer(renderer: string): boolean };
const dir = './';
const plots = (await import(/* @vite-ignore */ `${dir}heatmap.ts`)) as Plots;
const gl = (await import(/* @vite-ignore */ `${dir}heatmapGl.ts`)) as Gl;

/** Node has no ImageData: a minimal one with both constructor forms. */
class FakeImageData {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  constructor(a: number | Uint8ClampedArray, b: number, c?: number) {
    if (typeof a === 'number') {
      this.width = a;
      this.height = b;
      this.data = new Uint8ClampedArray(a * b * 4);
    } else {
      this.data = a;
      this.width = b;
      this.height = c ?? a.length / 4 / b;
    }
  }
}
Object.assign(globalThis, { ImageData: FakeImageData });

/** A 2D context that keeps a copy of every putImageData, as packed RGBA words. */
function fakeContext() {
  const puts: { width: number; height: number; px: Uint32Array }[] = [];
  const ctx = {
    putImageData(img: FakeImageData, x: number, y: number) {
      expect([x, y]).toEqual([0, 0]);
      const words = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
      puts.push({ width: img.width, height: img.height, px: words.slice() });
    },
  };
  return { ctx, puts };
}

/** The expected colour, computed another way: nearest of 256 evenly spaced levels, clamped; NaN grey. */
function expected(v: number, [lo, hi]: [number, number], lut = LUTS.diverging): number {
  if (Number.isNaN(v)) return 0xff888888;
  const level = Math.min(LUT_SIZE - 1, Math.max(0, Math.round(((v - lo) / (hi - lo)) * (LUT_SIZE - 1))));
  return lut[level];
}

describe('heatmap colour lookup', () => {
  it('maps the ends of the domain to the ends of the table and its midpoint to entry 128', () => {
    expect(plots.lutIndex(-2, [-2, 2])).toBe(0);
    expect(plots.lutIndex(2, [-2, 2])).toBe(255);
    // 0 sits at level 127.5, which rounds half up
    expect(plots.lutIndex(0, [-2, 2])).toBe(128);
    expect(plots.lutIndex(0.25, [0, 1])).toBe(64); // 63.75 → 64
  });

  it('clamps values outside the domain, takes the ends for ±∞, and flags NaN', () => {
    expect(plots.lutIndex(-5, [-1, 1])).toBe(0);
    expect(plots.lutIndex(5, [-1, 1])).toBe(255);
    expect(plots.lutIndex(Infinity, [-1, 1])).toBe(255);
    expect(plots.lutIndex(-Infinity, [-1, 1])).toBe(0);
    expect(plots.lutIndex(1e300, [-1, 1])).toBe(255);
    expect(plots.lutIndex(NaN, [-1, 1])).toBe(-1);
  });

  it('lands within half a level of the exact position for any value in the domain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lo, width, t) => {
          const hi = lo + width;
          const v = lo + t * width;
          const exact = ((v - lo) / width) * (LUT_SIZE - 1);
          expect(Math.abs(plots.lutIndex(v, [lo, hi]) - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });
});

describe('canvas paint path', () => {
  it('writes each cell the colour of its level and NaN cells grey, row-major', () => {
    const data = Float32Array.from([-1, -0.5, 0, 0.5, 1, NaN]);
    const { ctx, puts } = fakeContext();
    plots.paint(ctx, { shape: [2, 3], data }, [-1, 1]);
    expect(puts).toHaveLength(1);
    expect([puts[0].width, puts[0].height]).toEqual([3, 2]);
    expect([...puts[0].px]).toEqual([...data].map((v) => expected(v, [-1, 1])));
    expect(puts[0].px[0]).toBe(LUTS.diverging[0]);
    expect(puts[0].px[4]).toBe(LUTS.diverging[255]);
  });

  it('uses the table it is given (sequential viridis for weights)', () => {
    const data = Float32Array.from([0, 0.2, 0.7, 1]);
    const { ctx, puts } = fakeContext();
    plots.paint(ctx, { shape: [1, 4], data }, [0, 1], LUTS.sequential);
    expect([...puts[0].px]).toEqual([...data].map((v) => expected(v, [0, 1], LUTS.sequential)));
  });

  it('reuses one scratch buffer across shapes without mixing their pixels', () => {
    const { ctx, puts } = fakeContext();
    const a = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i) * 0.9);
    const b = Float32Array.from([0.9, -0.9, 0.1, -0.1]);
    plots.paint(ctx, { shape: [3, 4], data: a }, [-1, 1]);
    plots.paint(ctx, { shape: [2, 2], data: b }, [-1, 1]);
    plots.paint(ctx, { shape: [3, 4], data: a }, [-1, 1]);
    expect(puts.map((p) => [p.height, p.width])).toEqual([
      [3, 4],
      [2, 2],
      [3, 4],
    ]);
    expect([...puts[0].px]).toEqual([...a].map((v) => expected(v, [-1, 1])));
    expect([...puts[1].px]).toEqual([...b].map((v) => expected(v, [-1, 1])));
    expect([...puts[2].px]).toEqual([...puts[0].px]);
  });

  it('paints a constant matrix with a zero-width domain without NaN colours', () => {
    const { ctx, puts } = fakeContext();
    plots.paint(ctx, { shape: [1, 3], data: Float32Array.from([0.5, 0.5, 0.5]) }, [0.5, 0.5]);
    expect([...puts[0].px]).toEqual([LUTS.diverging[0], LUTS.diverging[0], LUTS.diverging[0]]);
  });
});

describe('WebGL renderer classification', () => {
  it('treats SwiftShader, llvmpipe, lavapipe and WARP as software', () => {
    // The first string is what Chromium 156 reports on this machine (bench/report.md).
    for (const r of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Mesa, llvmpipe (LLVM 15.0.7 256 bits), OpenGL 4.5)',
      'lavapipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ])
      expect(gl.isSoftwareRenderer(r), r).toBe(true);
  });

  it('treats GPU drivers as hardware', () => {
    for (const r of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 (0x00002206) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
      'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
      'ANGLE (AMD, AMD Radeon RX 6800 XT (radeonsi navi21 LLVM 15.0.7), OpenGL 4.6)',
      'Adreno (TM) 640',
    ])
      expect(gl.isSoftwareRenderer(r), r).toBe(false);
  });
});
