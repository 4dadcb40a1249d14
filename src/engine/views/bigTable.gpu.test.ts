// The big-table path on the real tfjs WebGPU backend in Node (Dawn on SwiftShader, as numerics/trig.gpu.test.ts):
// the overview's block means reduced on the device and the exact detail window at the end of a 131,072-row
// sinusoid table, against float64 Math.sin/cos written here. Read-backs are `await data()` only (DESIGN.md).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { setUpDawn } from '../../numerics/testDawn.ts';
import type { Matrix } from '../../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../../protocol/specs.ts';
import { staticViews } from './static.ts';

setUpDawn();

function sinusoid64(p: number, c: number, d: number): number {
  const a = p * Math.pow(10000, (-2 * Math.floor(c / 2)) / d);
  return c % 2 === 0 ? Math.sin(a) : Math.cos(a);
}

test('on webgpu, the overview of 131,072 rows and the window of the last 64 match float64 within 1e-6', async () => {
  const N = 131_072;
  const d = 16;
  const spec: RunSpec = { ...DEFAULT_SPEC, d, params: { ...DEFAULT_SPEC.params, positions: N } };
  const got: Matrix[] = [];
  const before = tf.memory().numTensors;
  await staticViews(spec, async (m) => void got.push(m), 'k', null, [N - 64, N - 1]);
  expect(tf.memory().numTensors).toBe(before);
  const table = got.find((m) => m.name === 'table');
  const o = table?.overview;
  if (!table || !o) throw new Error('no table with an overview');
  let worst = 0;
  for (let r = 0; r < 64; r++)
    for (let c = 0; c < d; c++)
      worst = Math.max(worst, Math.abs(table.data[r * d + c] - sinusoid64(N - 64 + r, c, d)));
  expect(worst).toBeLessThan(1e-6);
  let worstMean = 0;
  for (const r of [0, 700, 1023])
    for (let c = 0; c < d; c++) {
      let sum = 0;
      for (let p = r * o.block; p < (r + 1) * o.block; p++) sum += sinusoid64(p, c, d);
      worstMean = Math.max(worstMean, Math.abs(o.data[r * d + c] - sum / o.block));
    }
  expect(worstMean).toBeLessThan(1e-6);
}, 120_000);
