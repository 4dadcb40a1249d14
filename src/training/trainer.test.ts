// The trainer end to end on the CPU backend: a learned table solves "reverse" within a fixed step budget while
// "none" stays near chance; a seed fixes the loss curve; no tensors leak per step; a saved file parses back
// with the app's safetensors reader into the same tables, named so that proposeTables picks them.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { proposeTables, readSafetensorsHeader, readTensor } from '../checkpoints/safetensors.ts';
import { LETTERS } from './tasks.ts';
import { Trainer, type RunConfig } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = (scheme: RunConfig['scheme'], extra: Partial<RunConfig> = {}): RunConfig => ({
  task: 'reverse',
  k: 2,
  scheme,
  d: 32,
  heads: 2,
  layers: 1,
  context: 16,
  batch: 16,
  lr: 1e-2,
  seed: 1,
  evalBatch: 64,
  ...extra,
});

/** The fixed step budget of the reverse test. */
const BUDGET = 60;

describe('the reverse task at context 16', () => {
  test(`a learned position table reaches ≥ 95% token accuracy within ${BUDGET} steps`, async () => {
    const t = new Trainer(small('learned'));
    await t.train(BUDGET);
    const { accuracy } = await t.evaluate();
    t.dispose();
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  test(`without positions ("none") accuracy stays near chance (1/${LETTERS}) after the same ${BUDGET} steps`, async () => {
    const t = new Trainer(small('none'));
    await t.train(BUDGET);
    const { accuracy } = await t.evaluate();
    t.dispose();
    // Chance is 1/16 = 6.25%; an order-blind guess among the not-yet-emitted letters gets at most H_8/8 ≈ 34%.
    expect(accuracy).toBeLessThan(0.2);
  });
});

test('the same seed gives the same loss curve twice, and another seed a different one', async () => {
  const run = async (seed: number) => {
    const t = new Trainer(small('rope', { seed, task: 'copy', k: 3 }));
    const losses = await t.train(6);
    t.dispose();
    return Array.from(losses);
  };
  const a = await run(4);
  const b = await run(4);
  const c = await run(5);
  expect(b).toEqual(a);
  expect(c).not.toEqual(a);
  // The first loss of an untrained model is near ln(16), the uniform guess over 16 letters.
  expect(Math.abs(a[0] - Math.log(16))).toBeLessThan(0.1);
});

test.each(['learned', 'sinusoidal', 'rope', 'alibi', 'none'] as const)(
  'training %s leaks no tensors from one step to the next',
  async (scheme) => {
    const t = new Trainer(small(scheme, { batch: 4, context: 8 }));
    await t.train(2); // creates Adam's moments and the cached position constants
    await t.evaluate();
    const before = tf.memory().numTensors;
    await t.train(3);
    await t.evaluate();
    await t.lossByPosition(16);
    await t.positionTable();
    // lossByPosition at 16 caches one more set of position constants for length 16 (learned: none, it stops at 8):
    // the mask (alibi: mask + bias in one), plus the additive table (sinusoidal; none's zeros) or the one cos|sin
    // table (rope).
    const extra = { learned: 0, sinusoidal: 2, rope: 2, alibi: 1, none: 2 }[scheme];
    expect(tf.memory().numTensors).toBe(before + extra);
    t.dispose();
  },
);

test('a saved model parses back with the app reader: wte [V, d], wpe [L, d] are proposed and equal', async () => {
  const t = new Trainer(small('learned', { context: 8, batch: 4 }));
  await t.train(2);
  const bytes = await t.save();
  const blob = new Blob([bytes]);
  const infos = await readSafetensorsHeader(blob);
  expect(proposeTables(infos)).toEqual({ token: 'wte.weight', position: 'wpe.weight' });
  for (const name of ['wte.weight', 'wpe.weight', 'head.weight']) {
    const info = infos.find((i) => i.name === name)!;
    const { shape, data } = await readTensor(blob, info);
    const v = t.model.params.get(name)!;
    expect(shape).toEqual(v.shape);
    expect(Array.from(data)).toEqual(Array.from(await v.data()));
  }
  expect(infos.find((i) => i.name === 'wte.weight')!.shape).toEqual([LETTERS + 1, 32]);
  expect(infos.find((i) => i.name === 'wpe.weight')!.shape).toEqual([8, 32]);
  t.dispose();
});

test('loss by position is NaN past the learned table and finite for schemes that extrapolate', async () => {
  for (const scheme of ['learned', 'alibi'] as const) {
    const t = new Trainer(small(scheme, { task: 'copy', k: 2, context: 8, batch: 4 }));
    const loss = await t.lossByPosition(16, 8);
    t.dispose();
    // copy: positions 0 and 1 have no target (t < k) → NaN; learned also has nothing from position 8 on.
    expect(Number.isNaN(loss[0]) && Number.isNaN(loss[1])).toBe(true);
    const known = scheme === 'learned' ? 8 : 16;
    for (let p = 2; p < known; p++) expect(Number.isFinite(loss[p])).toBe(true);
    for (let p = known; p < 16; p++) expect(Number.isNaN(loss[p])).toBe(true);
  }
});
