// Block means of a [R, C] matrix as one WGSL program through tfjs-backend-webgpu's program interface: each
// invocation sums one rb × cb block and divides by the cells that exist (the last block of an axis may be short).
// It replaces pad → reshape [r, rb, c, cb] → sum over axes 1 and 3 → divide, which on SwiftShader cost a transpose
// and reduction programs compiled per shape: the overview of a 16,384-row RoPE table spent ~2.9 s in those block
// means against ~9 ms for the table itself (bench 14a's stages, kernels each waited for). One program, one
// dispatch; rb and cb are uniforms, so every size shares one compiled pipeline.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { WebGPURunner } from './sincos.wgsl.ts';

const WORKGROUP = 64;

export class BlockMeanProgram implements WebGPUProgram {
  variableNames = ['x'];
  outputShape: number[];
  shaderKey = 'embedscopeBlockMean';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  uniforms = 'rb : i32, cb : i32,';
  size = true;

  /** x is [R, C]; the output [ceil(R / rb), ceil(C / cb)]. */
  constructor(R: number, C: number, rb: number, cb: number) {
    this.outputShape = [Math.ceil(R / rb), Math.ceil(C / cb)];
    this.dispatchLayout = { x: [0, 1] }; // flat: one invocation per output cell
    this.dispatch = [Math.ceil((this.outputShape[0] * this.outputShape[1]) / WORKGROUP), 1, 1];
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let R = uniforms.xShape.x;
        let C = uniforms.xShape.y;
        let c = uniforms.outShape.y;
        let oi = index / c;
        let oj = index - oi * c;
        let i0 = oi * uniforms.rb;
        let j0 = oj * uniforms.cb;
        let i1 = min(i0 + uniforms.rb, R);
        let j1 = min(j0 + uniforms.cb, C);
        var sum = 0.0;
        for (var i = i0; i < i1; i++) {
          for (var j = j0; j < j1; j++) {
            sum = sum + x[i * C + j];
          }
        }
        result[index] = sum / f32((i1 - i0) * (j1 - j0));
      }
    `;
  }
}

/** Runs the program on a [R, C] float32 tensor of the webgpu backend: [ceil(R / rb), ceil(C / cb)] block means. */
export function blockMeanWebGPU(backend: WebGPURunner, x: TensorInfo, rb: number, cb: number): TensorInfo {
  const [R, C] = x.shape;
  return backend.runWebGPUProgram(new BlockMeanProgram(R, C, rb, cb), [x], 'float32', [
    { type: 'int32', data: [rb] },
    { type: 'int32', data: [cb] },
  ]);
}
