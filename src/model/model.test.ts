// The model's loss and its autodiff gradients against an independent float64 reference (testReference.ts, plain
// loops from the papers' formulas): the loss must agree to float32 rounding, and every gradient entry must agree
// with central finite differences of the reference to 1e-3 relative, for every position scheme.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { TinyTransformer, type ModelConfig } from './model.ts';
import { ENCODINGS } from '../protocol/specs.ts';
import { POSITION_SCHEMES } from '../protocol/training.ts';
import { uniforms } from '../numerics/rng.ts';
import { reverseTask } from '../training/tasks.ts';
import { referenceLoss } from './testReference.ts';
import { batchLoss } from '../training/trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Parameters bigger than the 0.02 init, so every path (attention, positions) moves the loss visibly. */
function scaled(model: TinyTransformer, factor: number): void {
  for (const [name, v] of model.params) {
    if (name.includes('ln_')) continue;
    v.assign(tf.tidy(() => tf.mul(v, factor)));
  }
}

describe.each(POSITION_SCHEMES)('the %s model', (scheme) => {
  test('has gradients that match float64 finite differences to 1e-3 relative (d = 8, T = 4)', async () => {
    const cfg: ModelConfig = {
      scheme,
      vocab: reverseTask.vocab,
      d: 8,
      heads: 2,
      layers: 2,
      context: 4,
      seed: 7,
    };
    const model = new TinyTransformer(cfg);
    scaled(model, 25); // weights ~N(0, 0.5²)
    const batch = reverseTask.batch(uniforms(3), 3, 4);

    const vars = model.variables();
    const { value, grads } = tf.variableGrads(() => batchLoss(model, batch), vars);
    const lossTf = (await value.data())[0];
    value.dispose();

    const params = new Map<string, Float64Array>();
    const names = new Map<string, string>();
    for (const [name, v] of model.params) {
      params.set(name, Float64Array.from(await v.data()));
      names.set(v.name, name);
    }
    const loss = () => referenceLoss(cfg, params, batch);
    const ref = loss();
    expect(Math.abs(lossTf - ref)).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref)));

    const eps = 1e-5;
    for (const [varName, g] of Object.entries(grads)) {
      const name = names.get(varName)!;
      const auto = await g.data();
      g.dispose();
      const w = params.get(name)!;
      const fd = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) {
        const keep = w[i];
        w[i] = keep + eps;
        const up = loss();
        w[i] = keep - eps;
        const down = loss();
        w[i] = keep;
        fd[i] = (up - down) / (2 * eps);
      }
      let errSq = 0;
      let refSq = 0;
      let maxRef = 0;
      let maxErr = 0;
      for (let i = 0; i < w.length; i++) {
        errSq += (auto[i] - fd[i]) ** 2;
        refSq += fd[i] ** 2;
        maxRef = Math.max(maxRef, Math.abs(fd[i]));
        maxErr = Math.max(maxErr, Math.abs(auto[i] - fd[i]));
      }
      if (maxRef === 0) {
        expect(maxErr, `${name}: finite differences are all 0`).toBe(0);
        continue;
      }
      expect(Math.sqrt(errSq / refSq), `${name}: relative error`).toBeLessThan(1e-3);
      expect(maxErr / maxRef, `${name}: worst entry`).toBeLessThan(1e-3);
    }
    expect(Object.keys(grads).length).toBe(vars.length);
    model.dispose();
  });
});

test('the position schemes change the loss, and "none" sees only the causal mask', async () => {
  // Same weights, same batch: learned/sinusoidal/rope/alibi each move the loss away from "none".
  const batch = reverseTask.batch(uniforms(5), 2, 6);
  const losses = new Map<string, number>();
  for (const scheme of POSITION_SCHEMES) {
    const cfg: ModelConfig = {
      scheme,
      vocab: reverseTask.vocab,
      d: 8,
      heads: 2,
      layers: 1,
      context: 6,
      seed: 11,
    };
    const model = new TinyTransformer(cfg);
    scaled(model, 25);
    const l = batchLoss(model, batch);
    losses.set(scheme, (await l.data())[0]);
    l.dispose();
    model.dispose();
  }
  for (const scheme of ['learned', 'sinusoidal', 'rope', 'alibi']) {
    expect(Math.abs(losses.get(scheme)! - losses.get('none')!)).toBeGreaterThan(1e-4);
  }
});

test.each(ENCODINGS)(
  'the %s scheme of the registry trains through the model by its kind alone, and frees what it made',
  async (scheme) => {
    const before = tf.memory().numTensors;
    const cfg: ModelConfig = {
      scheme,
      vocab: reverseTask.vocab,
      d: 8,
      heads: 2,
      layers: 1,
      context: 6,
      seed: 3,
    };
    const model = new TinyTransformer(cfg);
    const batch = reverseTask.batch(uniforms(5), 2, 6);
    const vars = model.variables();
    const { value, grads } = tf.variableGrads(() => batchLoss(model, batch), vars);
    const loss = (await value.data())[0];
    // An untrained model guesses near uniformly over the 17 tokens: loss near ln 17 ≈ 2.83 nats.
    expect(Math.abs(loss - Math.log(reverseTask.vocab))).toBeLessThan(0.5);
    expect(Object.keys(grads).length).toBe(vars.length);
    const trainable = model.params.has('wpe.weight');
    expect(trainable).toBe(scheme === 'learned');
    value.dispose();
    for (const g of Object.values(grads)) g.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  },
);
