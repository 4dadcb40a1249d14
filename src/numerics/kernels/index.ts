// The one place that picks the angle-table kernel by tfjs backend: the WGSL program on webgpu, the GLSL program on
// webgl (float32 textures), and the TypeScript twin on cpu and wasm, which compute in JS anyway.
import * as tf from '@tensorflow/tfjs-core';
import { checkedPositions, fixedTurns } from '../fixed64.ts';
import { ROWS_PER_RUN, angleTableCpu, consecutive, type AngleLayout } from './sincos.ts';
import { AngleTableGlProgram, halves, type WebGLRunner } from './sincos.glsl.ts';
import { angleTableWebGPU, type WebGPURunner } from './sincos.wgsl.ts';

export type { AngleLayout } from './sincos.ts';

/** Interleaved words (hi, lo per frequency) as planar: every high word, then every low word. */
function planar(words: Uint32Array): Uint32Array {
  const F = words.length / 2;
  const out = new Uint32Array(2 * F);
  for (let f = 0; f < F; f++) {
    out[f] = words[2 * f];
    out[F + f] = words[2 * f + 1];
  }
  return out;
}

/**
 * The [P, 2F] table of sin and cos of 2π·p·c for integer positions p and frequencies c in turns per position, in
 * the given layout. One GPU dispatch on webgpu and on webgl.
 */
export function angleTable(
  positions: ArrayLike<number>,
  turns: ArrayLike<number>,
  layout: AngleLayout,
): tf.Tensor2D {
  const pos = checkedPositions(positions); // throws before any tensor exists
  const words = fixedTurns(turns);
  const P = pos.length;
  const W = 2 * turns.length;
  if (P === 0 || W === 0) return tf.zeros([P, W]); // [P, W], nothing to compute
  const backend = tf.getBackend();
  if (backend === 'webgpu') {
    return tf.tidy(() => {
      const posT = tf.tensor1d(pos, 'int32'); // [P]
      const wordT = tf.tensor1d(new Int32Array(planar(words).buffer), 'int32'); // [2F], u32 bits as int32
      const runner = tf.backend() as unknown as WebGPURunner;
      const run = consecutive(pos) ? ROWS_PER_RUN : 1;
      const info = angleTableWebGPU(runner, posT, wordT, layout, run);
      return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D; // [P, 2F]
    });
  }
  if (backend === 'webgl' && tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    return tf.tidy(() => {
      const posT = tf.tensor2d(halves(pos), [P, 2]); // [P, 2] 16-bit halves of each position
      const wordT = tf.tensor2d(halves(words), [words.length / 2, 4]); // [F, 4] halves of hi, lo
      const runner = tf.backend() as unknown as WebGLRunner;
      const info = runner.compileAndRun(new AngleTableGlProgram(P, W, layout), [posT, wordT], 'float32');
      return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D; // [P, 2F]
    });
  }
  // cpu and wasm: the twin is the kernel. webgl with half-float textures only: the twin as well (16-bit halves
  // would not survive a half-float texture, and such a table can hold only ~3 decimal digits anyway).
  return tf.tensor2d(angleTableCpu(pos, words, layout), [P, W]); // [P, 2F]
}
