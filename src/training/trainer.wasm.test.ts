// The trainer on the wasm backend (the fallback "auto" often keeps on machines without a GPU): every kernel of a
// training step, gradients and Adam included, exists there, and it learns what the CPU run learns: a learned
// position table solves "reverse" at context 16 to ≥ 95% token accuracy within the same 60-step budget.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, expect, test } from 'vitest';
import { Trainer } from './trainer.ts';

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

test('on wasm, a learned position table reaches ≥ 95% token accuracy on "reverse" within 60 steps', async () => {
  const before = tf.memory().numTensors;
  const t = new Trainer({
    task: 'reverse',
    k: 2,
    scheme: 'learned',
    d: 32,
    heads: 2,
    layers: 1,
    context: 16,
    batch: 16,
    lr: 1e-2,
    seed: 1,
    evalBatch: 64,
  });
  const losses = await t.train(60);
  const { accuracy } = await t.evaluate();
  t.dispose();
  expect(losses.every(Number.isFinite)).toBe(true);
  expect(accuracy).toBeGreaterThanOrEqual(0.95);
  expect(tf.memory().numTensors).toBe(before);
});
