// The angle-table kernel as one WGSL program run through tfjs-backend-webgpu's program interface
// (backend.runWebGPUProgram): one dispatch writes a whole [P, 2F] table (a sinusoidal PE table in either layout, or
// RoPE's cos and sin side by side) where tf ops needed ~35 element-wise kernels, each a full pass over memory.
// Its integer steps are those of the TypeScript twin in sincos.ts (read that header for the maths); u32 words
// arrive as int32 tensors and are bitcast. Only f32 differs from the twin: the angle y and the polynomials.
//
// Why one table and not two outputs: a tfjs program has exactly one writable binding. makeShader declares
// `@binding(0) var<storage, read_write> result` and every input as `var<storage, read>`, and recordAndSubmit binds
// [output, ...inputs, uniforms] and nothing else (tfjs-backend-webgpu 4.22, webgpu_program.js / backend_webgpu.js).
// So sin and cos come out as the two halves of one [P, 2F] tensor that the consumers read directly.
//
// Cost on SwiftShader (bench/trig-node.mjs): what dominated was not the arithmetic but the overhead of each
// invocation and of each store instruction (a kernel that only stored one float per invocation cost ~65 ms of the
// old kernel's ~90 at 8192 × 512; the same bytes as vec4 from runs of rows, ~25 ms). So one invocation does a run
// of ROWS_PER_RUN consecutive rows for g = 1, 2 or 4 frequencies at once (vector arithmetic, one product per run,
// then 64-bit adds) and writes vec2/vec4 values. Shorter polynomials, sign flips by bit operations, workgroups of
// 32…128 and runs of 16…128 rows measured within noise of this, so the code keeps the plain form.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { COS_TAYLOR, RAD_PER_HI, RAD_PER_LO, SIN_TAYLOR, type AngleLayout } from './sincos.ts';

/** A program-defined uniform, as tfjs-backend-webgpu takes it. */
export interface ProgramUniform {
  type: 'int32';
  data: number[];
}

/** The one method of tfjs-backend-webgpu's WebGPUBackend this kernel calls. */
export interface WebGPURunner {
  runWebGPUProgram(
    program: WebGPUProgram,
    inputs: TensorInfo[],
    outputDtype: 'float32',
    uniforms?: ProgramUniform[],
  ): TensorInfo;
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
 * Frequencies per invocation g and the output's vector width: interleaved writes (sin, cos) of g ≤ 2 frequencies
 * as one vec(2g); the split layouts write g ≤ 4 sins and g cosines as two vec(g), so g must divide F.
 */
export function vectorShape(layout: AngleLayout, F: number): { g: 1 | 2 | 4; width: 1 | 2 | 4 } {
  if (layout === 'interleaved') return F % 2 === 0 ? { g: 2, width: 4 } : { g: 1, width: 2 };
  const g = F % 4 === 0 ? 4 : F % 2 === 0 ? 2 : 1;
  return { g, width: g };
}

/** The stores of one row r for group gi (G groups of g frequencies per row), by layout. */
function storeSnippet(layout: AngleLayout, g: number): string {
  switch (layout) {
    case 'interleaved':
      return g === 2
        ? 'setOutputAtIndex(i32(r * G + gi), vec4<f32>(sc.s.x, sc.c.x, sc.s.y, sc.c.y));'
        : 'setOutputAtIndex(i32(r * G + gi), vec2<f32>(sc.s, sc.c));';
    case 'half':
      return 'setOutputAtIndex(i32(r * 2u * G + gi), sc.s); setOutputAtIndex(i32(r * 2u * G + G + gi), sc.c);';
    case 'cos-sin':
      return 'setOutputAtIndex(i32(r * 2u * G + gi), sc.c); setOutputAtIndex(i32(r * 2u * G + G + gi), sc.s);';
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
  outputComponent: number;
  variableComponents: number[];
  uniforms = 'run : i32,';
  private readonly layout: AngleLayout;
  private readonly g: number;

  /** P rows, F frequencies, `run` rows per invocation (ROWS_PER_RUN for consecutive positions, else 1). */
  constructor(P: number, F: number, layout: AngleLayout, run: number) {
    const { g, width } = vectorShape(layout, F);
    this.outputShape = [P, 2 * F];
    this.layout = layout;
    this.g = g;
    this.outputComponent = width;
    this.variableComponents = [1, g]; // positions one by one; the words of g frequencies per load
    this.shaderKey = `embedscopeAngleTable_${layout}_${g}`;
    this.dispatchLayout = { x: [0, 1] }; // flat: one invocation per (run of rows, group of frequencies)
    // tfjs reshapes a dispatch over the device's per-dimension limit (65,535) into 2-D itself.
    this.dispatch = [Math.ceil((Math.ceil(P / run) * (F / g)) / WORKGROUP), 1, 1];
  }

  getUserCode(): string {
    const g = this.g;
    const [u, i, f] = g === 1 ? ['u32', 'i32', 'f32'] : [`vec${g}<u32>`, `vec${g}<i32>`, `vec${g}<f32>`];
    return `
      alias AtU = ${u};
      alias AtI = ${i};
      alias AtF = ${f};
      struct AtSC { s : AtF, c : AtF };

      fn mulHi(a : AtU, b : AtU) -> AtU {
        let m = AtU(0xffffu); let h = AtU(16u);
        let a0 = a & m; let a1 = a >> h;
        let b0 = b & m; let b1 = b >> h;
        let p01 = a0 * b1; let p10 = a1 * b0;
        let mid = ((a0 * b0) >> h) + (p01 & m) + (p10 & m);
        return a1 * b1 + (p01 >> h) + (p10 >> h) + (mid >> h);
      }

      // (sin, cos) of 2π·R/2^64, R = rhi·2^32 + rlo, branch-free (select, not switch, so SIMD lanes never diverge).
      fn sinCos(rhi : AtU, rlo : AtU) -> AtSC {
        let h = rhi + AtU(0x20000000u);          // R + 2^61
        let q = h >> AtU(30u);                   // quarter turns
        let tHi = AtI(h & AtU(0x3fffffffu)) - AtI(0x20000000);
        let y = AtF(tHi) * ${lit(RAD_PER_HI)} + AtF(rlo) * ${lit(RAD_PER_LO)};
        let z = y * y;
        let s = y + y * z * ${hornerWgsl(SIN_TAYLOR)};
        let c = 1.0 + z * ${hornerWgsl(COS_TAYLOR)};
        // sin(qπ/2 + y) is s, c, −s, −c for q = 0…3; cos(qπ/2 + y) = sin((q + 1)π/2 + y)
        let odd = (q & AtU(1u)) == AtU(1u);
        let sinSign = select(AtF(1.0), AtF(-1.0), (q & AtU(2u)) != AtU(0u));
        let cosSign = select(AtF(1.0), AtF(-1.0), ((q + AtU(1u)) & AtU(2u)) != AtU(0u));
        return AtSC(sinSign * select(s, c, odd), cosSign * select(c, s, odd));
      }

      fn main(index : i32) {
        let P = u32(uniforms.outShape.x);
        let G = u32(uniforms.outShape.y) / ${2 * g}u; // groups of ${g} frequencies per row
        let run = u32(uniforms.run);
        let blk = u32(index) / G;
        let gi = u32(index) - blk * G;
        let r0 = blk * run;
        if (r0 >= P) { return; }
        let hi = bitcast<AtU>(freq[gi]);         // words are planar: G groups of high words, then of low words
        let lo = bitcast<AtU>(freq[G + gi]);
        let p = AtU(bitcast<u32>(pos[r0]));
        var rhi = p * hi + mulHi(p, lo);         // R = p·C mod 2^64 (u32 products wrap: exact low words)
        var rlo = p * lo;
        let end = min(r0 + run, P);
        for (var r = r0; r < end; r++) {
          let sc = sinCos(rhi, rlo);
          ${storeSnippet(this.layout, g)}
          let next = rlo + lo;                   // R += C: row r + 1 holds position p + 1
          rhi = rhi + hi + select(AtU(0u), AtU(1u), next < lo);
          rlo = next;
        }
      }
    `;
  }
}

/**
 * Runs the program: positions [P] and planar words [2F] (all high words, then all low words) are int32 tensors on
 * the webgpu backend; `run` rows per invocation. Returns [P, 2F].
 */
export function angleTableWebGPU(
  backend: WebGPURunner,
  positions: TensorInfo,
  words: TensorInfo,
  layout: AngleLayout,
  run: number,
): TensorInfo {
  const P = positions.shape[0];
  const F = words.shape[0] / 2;
  return backend.runWebGPUProgram(new AngleTableProgram(P, F, layout, run), [positions, words], 'float32', [
    { type: 'int32', data: [run] },
  ]);
}
