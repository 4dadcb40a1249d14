// The trainer's "auto" measurement in Node: wasm (binaries from node_modules) and cpu train the default model and
// get a positive rate, webgpu is reported as unavailable (no navigator.gpu here) rather than thrown, the choice is
// one of those that ran, and the throwaway models leak no tensor.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../protocol/training.ts';
import { measureBackend, measureBackends } from './measureBackends.ts';
import { pickFastest } from './pickBackend.ts';
import { msg } from '../protocol/msg.ts';

test('wasm trains the default model at a positive rate and names its build (SIMD, one thread)', async () => {
  const trial = await measureBackend('wasm', DEFAULT_TRAIN_CONFIG);
  expect(trial.problem).toBeNull();
  expect(trial.stepsPerSecond).toBeGreaterThan(0);
  // Node ≥ 16.4 validates WebAssembly SIMD; tfjs never uses threads in Node.
  expect(trial.adapter).toMatch(/^SIMD · 1 thread/);
  expect(trial.software).toBeNull();
});

test('webgpu without navigator.gpu is a trial with a reason, not an exception', async () => {
  const trial = await measureBackend('webgpu', DEFAULT_TRAIN_CONFIG);
  expect(trial.stepsPerSecond).toBeNull();
  expect(trial.problem).toEqual(msg('backend.noGpu'));
});

test('measuring webgpu, wasm and cpu keeps one that ran and leaves the tensor count unchanged', async () => {
  await tf.setBackend('cpu');
  const before = tf.memory().numTensors;
  const trials = await measureBackends(DEFAULT_TRAIN_CONFIG, ['webgpu', 'wasm', 'cpu']);
  expect(trials.map((t) => t.backend)).toEqual(['webgpu', 'wasm', 'cpu']);
  expect(trials.map((t) => t.problem === null)).toEqual([false, true, true]);
  expect(['wasm', 'cpu']).toContain(pickFastest(trials)?.backend);
  expect(tf.memory().numTensors).toBe(before);
});
