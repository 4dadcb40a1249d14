// WebGL check of numerics/kernels/sincos.glsl.ts in headless Chromium (no Node WebGL exists): the same tables as
// trig.gpu.test.ts, against float64, logged as "GLTEST …" lines. Run with bench/trig-webgl/run.sh.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { cosSinTable } from '../../src/numerics/trig.ts';
import { angleTable } from '../../src/numerics/kernels/index.ts';
import {
  FREQUENCY_SETS,
  farPositions,
  firstPositions,
  maxError,
  omega,
} from '../../src/numerics/trigReference.ts';
import { cosSinHalves } from '../../src/encodings/rotate.ts';

const log = (...a: unknown[]) => console.log('GLTEST', ...a);
(async () => {
  try {
    const ok = await tf.setBackend('webgl');
    log(
      'backend',
      ok,
      tf.getBackend(),
      'f32',
      tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
      'v',
      tf.env().getNumber('WEBGL_VERSION'),
    );
    for (const { d, base, cols } of FREQUENCY_SETS) {
      const ws = cols.map((i) => omega(d, base, i));
      for (const [name, positions] of [
        ['0..8191', firstPositions(8192)],
        ['far', farPositions(300, d + base)],
      ] as const) {
        const t = cosSinTable(
          positions,
          ws.map((w) => w / (2 * Math.PI)),
        );
        const P = positions.length,
          F = ws.length;
        const [c, s] = cosSinHalves((await t.data()) as Float32Array, P, 2 * F);
        t.dispose();
        const e = Math.max(
          maxError(s, P, F, (r, j) => Math.sin(positions[r] * ws[j])),
          maxError(c, P, F, (r, j) => Math.cos(positions[r] * ws[j])),
        );
        log('sincos', d, base, name, e.toExponential(2));
      }
    }
    const d = 64,
      F = 32;
    const ws = Array.from({ length: F }, (_, i) => omega(d, 10000, i));
    const positions = [...firstPositions(256), ...farPositions(16, 1)];
    const P = positions.length;
    for (const layout of ['interleaved', 'half', 'cos-sin'] as const) {
      const t = angleTable(
        positions,
        ws.map((w) => w / (2 * Math.PI)),
        layout,
      );
      const x = (await t.data()) as Float32Array;
      t.dispose();
      const ref =
        layout === 'interleaved'
          ? (r: number, j: number) =>
              j % 2 === 0 ? Math.sin(positions[r] * ws[j >> 1]) : Math.cos(positions[r] * ws[j >> 1])
          : layout === 'half'
            ? (r: number, j: number) =>
                j < F ? Math.sin(positions[r] * ws[j]) : Math.cos(positions[r] * ws[j - F])
            : (r: number, j: number) =>
                j < F ? Math.cos(positions[r] * ws[j]) : Math.sin(positions[r] * ws[j - F]);
      log('pe', layout, maxError(x, P, d, ref).toExponential(2));
    }
    log('tensors', tf.memory().numTensors);
  } catch (e) {
    log('ERROR', String(e), (e as Error).stack);
  }
  log('DONE');
})();
