// One training run of one position scheme: model + Adam + seeded task batches. DOM-free, tfjs on any backend.
// Steps are queued without reading back; train(n) awaits the n losses once at the end (a single GPU sync),
// so a webgpu queue stays full. Evaluation uses a fixed held-out batch drawn from seed + 1 000 003.
// Never dataSync()/arraySync(): on webgpu they destroy the device; every read is `await t.data()`.
import * as tf from '@tensorflow/tfjs-core';
import { writeSafetensors, type TensorToWrite } from '../checkpoints/safetensors.ts';
import { getScheme } from '../encodings/registry.ts';
import {
  maskedCrossEntropy,
  paramSpecs,
  positionsUpTo,
  schemeParams,
  TinyTransformer,
  type ModelConfig,
} from '../model/model.ts';
import type { PositionScheme, TrainConfig } from '../protocol/training.ts';
import { uniforms } from '../numerics/rng.ts';
import { makeTask, type Batch, type Rng, type Task } from './tasks.ts';

/** One scheme's run: the panel's settings (TrainConfig) for a single scheme, without the schedule and backend. */
export type RunConfig = Omit<TrainConfig, 'schemes' | 'steps' | 'snapshotEvery' | 'backend'> & {
  scheme: PositionScheme;
  /** Sequences in the held-out evaluation batch. */
  evalBatch?: number;
};

/** The batch as tensors: ids [B, T] and flat targets/mask [B·T]. */
function upload(b: Batch): { ids: tf.Tensor2D; targets: tf.Tensor1D; mask: tf.Tensor1D } {
  return {
    ids: tf.tensor2d(b.inputs, [b.B, b.T], 'int32'), // [B, T]
    targets: tf.tensor1d(b.targets, 'int32'), // [B·T]
    mask: tf.tensor1d(b.mask), // [B·T]
  };
}

/** Masked mean loss of the model on a batch (a scalar; the caller owns it). */
export function batchLoss(model: TinyTransformer, b: Batch): tf.Scalar {
  return tf.tidy(() => {
    const { ids, targets, mask } = upload(b);
    return maskedCrossEntropy(model.logits(ids), targets, mask).loss;
  });
}

export class Trainer {
  readonly config: RunConfig;
  readonly task: Task;
  readonly model: TinyTransformer;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly rng: Rng;
  private readonly evalData: Batch;
  step = 0;

  constructor(config: RunConfig) {
    this.config = config;
    this.task = makeTask(config.task, config.k);
    const modelConfig: ModelConfig = {
      scheme: config.scheme,
      vocab: this.task.vocab,
      d: config.d,
      heads: config.heads,
      layers: config.layers,
      context: config.context,
      seed: config.seed,
    };
    this.model = new TinyTransformer(modelConfig);
    this.optimizer = tf.train.adam(config.lr, 0.9, 0.999, 1e-8);
    this.rng = uniforms(config.seed ^ 0x5eed);
    this.evalData = this.task.batch(
      uniforms(config.seed + 1_000_003),
      config.evalBatch ?? 128,
      config.context,
      'eval',
    );
  }

  /** Queues one Adam step on a fresh batch; returns its loss (before the update), which the caller disposes. */
  queueStep(): tf.Scalar {
    const b = this.task.batch(this.rng, this.config.batch, this.config.context);
    const loss = this.optimizer.minimize(() => batchLoss(this.model, b), true, this.model.variables());
    this.step += 1;
    if (!loss) throw new Error('the optimizer returned no loss');
    return loss;
  }

  /** n steps; their losses, read back once. */
  async train(n: number): Promise<Float32Array> {
    const losses: tf.Scalar[] = [];
    for (let i = 0; i < n; i++) losses.push(this.queueStep());
    if (losses.length === 0) return new Float32Array(0);
    const all = tf.stack(losses); // [n]
    losses.forEach((l) => l.dispose());
    const data = (await all.data()) as Float32Array;
    all.dispose();
    return data;
  }

  /** Loss and token accuracy on the fixed held-out batch (masked positions only). */
  async evaluate(): Promise<{ loss: number; accuracy: number }> {
    const b = this.evalData;
    const [lossT, hitsT] = tf.tidy(() => {
      const { ids, targets, mask } = upload(b);
      const logits = this.model.logits(ids); // [B·T, V]
      const { loss } = maskedCrossEntropy(logits, targets, mask);
      const hit = tf.cast(tf.equal(tf.argMax(logits, -1), targets), 'float32'); // [B·T]
      return [loss, tf.div(tf.sum(tf.mul(hit, mask)), tf.sum(mask))];
    });
    const [loss, accuracy] = await Promise.all([lossT.data(), hitsT.data()]);
    lossT.dispose();
    hitsT.dispose();
    return { loss: loss[0], accuracy: accuracy[0] };
  }

  /**
   * Mean held-out loss at each position 0 … length − 1 on sequences of `length` (the extrapolation plot).
   * A learned table has no rows past the training length L: those positions are NaN (the model reads only
   * the first L tokens, which a causal model scores exactly as it would inside the longer sequence).
   */
  async lossByPosition(length: number, sequences = 64): Promise<Float32Array> {
    const b = this.task.batch(uniforms(this.config.seed + 2_000_029), sequences, length, 'eval');
    const T = Math.min(length, this.model.maxLength());
    const view = T === length ? b : cropBatch(b, T);
    const perPos = tf.tidy(() => {
      const { ids, targets, mask } = upload(view);
      const logits = this.model.logits(ids); // [B·T, V]
      const { perPosition } = maskedCrossEntropy(logits, targets, mask); // [B·T]
      const m = tf.reshape(mask, [view.B, T]); // [B, T]
      const sum = tf.sum(tf.mul(tf.reshape(perPosition, [view.B, T]), m), 0); // [T]
      return tf.div(sum, tf.sum(m, 0)); // [T], NaN where no sequence counts the position (0/0)
    });
    const data = (await perPos.data()) as Float32Array;
    perPos.dispose();
    const out = new Float32Array(length).fill(NaN);
    out.set(data);
    return out;
  }

  /** The learned position table [L, d] (null for the other schemes). */
  async positionTable(): Promise<{ rows: number; d: number; data: Float32Array } | null> {
    const wpe = this.model.params.get('wpe.weight');
    if (!wpe) return null;
    const [rows, d] = wpe.shape as number[];
    return { rows, d, data: Float32Array.from((await wpe.data()) as Float32Array) };
  }

  /** Every parameter as a safetensors file: wte.weight [V, d], wpe.weight [L, d] (learned), then the rest. */
  async save(): Promise<Uint8Array<ArrayBuffer>> {
    const tensors: TensorToWrite[] = [];
    for (const s of paramSpecs(this.model.config)) {
      const v = this.model.params.get(s.name);
      if (!v) continue;
      tensors.push({
        name: s.name,
        shape: s.shape,
        data: Float32Array.from((await v.data()) as Float32Array),
      });
    }
    const { scheme, d, heads, layers, context, vocab } = this.model.config;
    return writeSafetensors(tensors, {
      format: 'embedscope-trainer',
      scheme,
      task: this.config.task,
      step: String(this.step),
      config: JSON.stringify({ d, heads, layers, context, vocab, k: this.config.k, seed: this.config.seed }),
      tokens: JSON.stringify(this.task.tokens),
    });
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
  }
}

function cropBatch(b: Batch, T: number): Batch {
  const out: Batch = {
    B: b.B,
    T,
    inputs: new Int32Array(b.B * T),
    targets: new Int32Array(b.B * T),
    mask: new Float32Array(b.B * T),
  };
  for (let i = 0; i < b.B; i++) {
    out.inputs.set(b.inputs.subarray(i * b.T, i * b.T + T), i * T);
    out.targets.set(b.targets.subarray(i * b.T, i * b.T + T), i * T);
    out.mask.set(b.mask.subarray(i * b.T, i * b.T + T), i * T);
  }
  return out;
}

/** The fixed sinusoidal table [rows, d] as the model would add it, read back (for the side-by-side view). */
export async function sinusoidalReference(rows: number, d: number): Promise<Float32Array> {
  const sinusoidal = getScheme('sinusoidal');
  const { pe } = sinusoidal.compute(
    { positions: positionsUpTo(rows), d, seed: 0 },
    schemeParams('additive', 2),
  );
  const data = (await pe.data()) as Float32Array; // [rows, d]
  pe.dispose();
  return Float32Array.from(data);
}
