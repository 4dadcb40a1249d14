// The angle-table kernel as one WGSL program run through tfjs-backend-webgpu's program interface
// (backend.runWebGPUProgram): one dispatch writes a whole [P, W] table — sin, cos, or a sinusoidal PE table in
// either layout — where tf ops needed ~35 element-wise kernels, each a full pass over memory.
// Its integer steps are those of the TypeScript twin in sincos.ts (read that header for the maths); u32 words
// arrive as int32 tensors and are bitcast. Only f32 differs from the twin: the angle y and the polynomials.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { COS_TAYLOR, RAD_PER_HI, RAD_PER_LO, SIN_TAYLOR, type AngleLayout } from './sincos.ts';

/** The one method of tfjs-backend-webgpu's WebGPUBackend this kernel calls. */
export interface WebGPURunner {
  runWebGPUProgram(program: WebGPUProgram, inputs: TensorInfo[], outputDtype: 'float32'): TensorInfo;
}

const WORKGROUP = 64;

/** A float64 constant as a WGSL abstract-float literal (the compiler rounds it to f32 once). */
const lit = (x: number) => x.toExponential(16);

/** Horner in z over the coefficients, as a WGSL expression. */
function hornerWgsl(coeffs: number[]): string {
  let expr = lit(coeffs[coeffs.length - 1]);
  for (let k = coeffs.length - 2; k >= 0; k--) expr = `(${lit(coeffs[k])} + z * ${expr})`;
  return expr;
}

/**
 * WGSL for one invocation: 'sin'/'cos' tables write one element each; the PE layouts do one (position, frequency)
 * pair each and write both its sin and its cos, so the integer reduction and the polynomials run once per pair.
 */
function bodySnippet(layout: AngleLayout): string {
  switch (layout) {
    case 'sin':
    case 'cos':
      return `
        if (index >= uniforms.size) { return; }
        let F = u32(uniforms.outShape.y);
        let row = u32(index) / F;
        let f = u32(index) - row * F;
        let sc = sinCos(bitcast<u32>(pos[row]), f);
        setOutputAtIndex(index, sc.${layout === 'sin' ? 'x' : 'y'});`;
    case 'interleaved':
    case 'half': {
      const [si, ci] = layout === 'interleaved' ? ['2u * f', '2u * f + 1u'] : ['f', 'F + f'];
      return `
        if (index >= uniforms.size / 2) { return; }
        let F = u32(uniforms.outShape.y) / 2u;
        let row = u32(index) / F;
        let f = u32(index) - row * F;
        let sc = sinCos(bitcast<u32>(pos[row]), f);
        let base = row * 2u * F;
        setOutputAtIndex(i32(base + ${si}), sc.x);
        setOutputAtIndex(i32(base + ${ci}), sc.y);`;
    }
    default: {
      const never: never = layout;
      throw new Error(`unknown angle layout: ${String(never)}`);
    }
  }
}

export class AngleTableProgram implements WebGPUProgram {
  variableNames = ['pos', 'freq'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;
  private readonly layout: AngleLayout;

  constructor(P: number, W: number, layout: AngleLayout) {
    this.outputShape = [P, W];
    this.layout = layout;
    this.shaderKey = `embedscopeAngleTable_${layout}`;
    this.dispatchLayout = { x: [0, 1] }; // flat: one invocation per output element, or per pair (PE layouts)
    const invocations = layout === 'sin' || layout === 'cos' ? P * W : (P * W) / 2;
    // tfjs reshapes a dispatch over the device's per-dimension limit (65,535) into 2-D itself.
    this.dispatch = [Math.ceil(invocations / WORKGROUP), 1, 1];
  }

  getUserCode(): string {
    return `
      fn mulHi(a : u32, b : u32) -> u32 {
        let a0 = a & 0xffffu; let a1 = a >> 16u;
        let b0 = b & 0xffffu; let b1 = b >> 16u;
        let p01 = a0 * b1; let p10 = a1 * b0;
        let mid = ((a0 * b0) >> 16u) + (p01 & 0xffffu) + (p10 & 0xffffu);
        return a1 * b1 + (p01 >> 16u) + (p10 >> 16u) + (mid >> 16u);
      }

      // (sin, cos) of 2π·frac(p·C_f / 2^64), branch-free (select, not switch, so SIMD lanes never diverge).
      fn sinCos(p : u32, f : u32) -> vec2<f32> {
        let hi = bitcast<u32>(freq[2u * f]);
        let lo = bitcast<u32>(freq[2u * f + 1u]);
        let rlo = p * lo;                        // u32 products wrap: exact low words
        let rhi = p * hi + mulHi(p, lo);         // R = p·C mod 2^64
        let h = rhi + 0x20000000u;               // R + 2^61
        let q = h >> 30u;                        // quarter turns
        let tHi = i32(h & 0x3fffffffu) - 0x20000000;
        let y = f32(tHi) * ${lit(RAD_PER_HI)} + f32(rlo) * ${lit(RAD_PER_LO)};
        let z = y * y;
        let s = y + y * z * ${hornerWgsl(SIN_TAYLOR)};
        let c = 1.0 + z * ${hornerWgsl(COS_TAYLOR)};
        // sin(qπ/2 + y) is s, c, −s, −c for q = 0…3; cos(qπ/2 + y) = sin((q + 1)π/2 + y)
        let odd = (q & 1u) == 1u;
        let sinSign = select(1.0, -1.0, (q & 2u) != 0u);
        let cosSign = select(1.0, -1.0, ((q + 1u) & 2u) != 0u);
        return vec2<f32>(sinSign * select(s, c, odd), cosSign * select(c, s, odd));
      }

      fn main(index : i32) {${bodySnippet(this.layout)}
      }
    `;
  }
}
/** Runs the program: positions [P] and words [2F] are int32 tensors on the webgpu backend; returns [P, W]. */
export function angleTableWebGPU(
  backend: WebGPURunner,
  positions: TensorInfo,
  words: TensorInfo,
  W: number,
  layout: AngleLayout,
): TensorInfo {
  const P = positions.shape[0];
  return backend.runWebGPUProgram(new AngleTableProgram(P, W, layout), [positions, words], 'float32');
}
