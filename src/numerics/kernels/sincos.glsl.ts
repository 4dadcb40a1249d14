// The angle-table kernel as one WebGL2 program through tfjs-backend-webgl's GPGPUProgram interface
// (backend.compileAndRun): one draw writes a whole [P, W] table. Same integer steps as the twin in sincos.ts;
// GLSL ES 3.00 uint arithmetic keeps the low 32 bits of every product, like WGSL and Math.imul.
// tfjs-webgl keeps every tensor in float textures, so the u32 words travel as 16-bit halves (exact in float32):
// positions as [P, 2] (p >> 16, p & 0xffff), frequencies as [F, 4] (hi >> 16, hi & 0xffff, lo >> 16, lo & 0xffff).
// A fragment writes one value, so every layout computes sin and cos per element and keeps one, and each fragment
// takes the product p·C itself (no run of rows to step through, unlike the WGSL and the twin: same bits).
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { COS_TAYLOR, RAD_PER_HI, RAD_PER_LO, SIN_TAYLOR, type AngleLayout } from './sincos.ts';

/** The one method of tfjs-backend-webgl's MathBackendWebGL this kernel calls. */
export interface WebGLRunner {
  compileAndRun(program: GPGPUProgram, inputs: TensorInfo[], outputDtype?: 'float32'): TensorInfo;
}

const lit = (x: number) => x.toExponential(16);

function hornerGlsl(coeffs: number[]): string {
  let expr = lit(coeffs[coeffs.length - 1]);
  for (let k = coeffs.length - 2; k >= 0; k--) expr = `(${lit(coeffs[k])} + z * ${expr})`;
  return expr;
}

/** GLSL that sets f (frequency index) and wantCos for output column j of a row of width W. */
function columnSnippet(layout: AngleLayout, W: number): string {
  switch (layout) {
    case 'interleaved':
      return 'int f = j / 2; bool wantCos = (j - 2 * f) == 1;';
    case 'half':
      return `bool wantCos = j >= ${W / 2}; int f = wantCos ? j - ${W / 2} : j;`;
    case 'cos-sin':
      return `bool wantCos = j < ${W / 2}; int f = wantCos ? j : j - ${W / 2};`;
    default: {
      const never: never = layout;
      throw new Error(`unknown angle layout: ${String(never)}`);
    }
  }
}

export class AngleTableGlProgram implements GPGPUProgram {
  variableNames = ['pos', 'freq'];
  outputShape: number[];
  userCode: string;
  packedInputs = false;
  packedOutput = false;

  constructor(P: number, W: number, layout: AngleLayout) {
    this.outputShape = [P, W];
    this.userCode = `
      uint mulHi(uint a, uint b) {
        uint a0 = a & 0xffffu; uint a1 = a >> 16u;
        uint b0 = b & 0xffffu; uint b1 = b >> 16u;
        uint p01 = a0 * b1; uint p10 = a1 * b0;
        uint mid = ((a0 * b0) >> 16u) + (p01 & 0xffffu) + (p10 & 0xffffu);
        return a1 * b1 + (p01 >> 16u) + (p10 >> 16u) + (mid >> 16u);
      }

      void main() {
        ivec2 rc = getOutputCoords();
        int j = rc.y;
        ${columnSnippet(layout, W)}
        uint p = (uint(getPos(rc.x, 0)) << 16u) | uint(getPos(rc.x, 1));
        uint hi = (uint(getFreq(f, 0)) << 16u) | uint(getFreq(f, 1));
        uint lo = (uint(getFreq(f, 2)) << 16u) | uint(getFreq(f, 3));
        uint rlo = p * lo;
        uint rhi = p * hi + mulHi(p, lo);
        uint h = rhi + 0x20000000u;
        uint q = (h >> 30u) + (wantCos ? 1u : 0u);
        int tHi = int(h & 0x3fffffffu) - 0x20000000;
        float y = float(tHi) * ${lit(RAD_PER_HI)} + float(rlo) * ${lit(RAD_PER_LO)};
        float z = y * y;
        float s = y + y * z * ${hornerGlsl(SIN_TAYLOR)};
        float c = 1.0 + z * ${hornerGlsl(COS_TAYLOR)};
        float v = (q & 1u) == 1u ? c : s;
        setOutput((q & 2u) != 0u ? -v : v);
      }
    `;
  }
}

/** 16-bit halves of u32 values, as float32 (exact): [n, 2] for n values. */
export function halves(words: Uint32Array | Int32Array): Float32Array {
  const out = new Float32Array(2 * words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] >>> 0;
    out[2 * i] = w >>> 16;
    out[2 * i + 1] = w & 0xffff;
  }
  return out;
}
