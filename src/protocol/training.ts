// Messages between the Training panel (main thread) and training/training.worker.ts: hand-rolled discriminated
// unions, like messages.ts but for the trainer's own worker. Types and tiny pure helpers only: no tfjs here,
// because the main bundle imports this file. Float32Arrays travel with their buffers transferred.
// Every run carries a runId; the client drops messages from older runs.
import { assertNever, type BackendName } from './messages.ts';
import type { EncodingName } from './specs.ts';
import { msg, type Msg } from './msg.ts';

/** The schemes the Training panel offers: names of the encodings registry (the model takes any of them). */
export const POSITION_SCHEMES = [
  'learned',
  'sinusoidal',
  'rope',
  'alibi',
  'none',
] as const satisfies readonly EncodingName[];
export type PositionScheme = (typeof POSITION_SCHEMES)[number];

export const TASKS = ['reverse', 'copy', 'charlm'] as const;
export type TaskName = (typeof TASKS)[number];

export interface TrainConfig {
  task: TaskName;
  /** copy task: the target at position t is the token at t − k. */
  k: number;
  schemes: PositionScheme[];
  d: number;
  heads: number;
  layers: number;
  context: number;
  batch: number;
  lr: number;
  /** Steps per scheme. */
  steps: number;
  /** A learned-table snapshot (and an accuracy check) every this many steps. */
  snapshotEvery: number;
  seed: number;
  /** The backend to train on; 'auto' times a few steps on each that starts and keeps the fastest. */
  backend: 'auto' | BackendName;
}

/** One backend as "auto" measured it, on the run's own model: its steps per second, or why it could not train. */
export interface BackendTrial {
  backend: BackendName;
  /** What it ran on (GPU adapter, WebGL renderer, wasm build), as the engine's backend.ts names it. */
  adapter: string | null;
  /** The software renderer a GPU backend ran on ("SwiftShader": a CPU posing as a GPU), else null. */
  software: string | null;
  /** Steps per second after warm-up; null when the backend did not start or failed. */
  stepsPerSecond: number | null;
  problem: Msg | null;
}

export const TRAIN_LIMITS = {
  d: [32, 128],
  heads: [2, 4],
  layers: [1, 2],
  context: [8, 256],
  batch: [1, 128],
  steps: [1, 100_000],
  k: [1, 64],
} as const;

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  task: 'reverse',
  k: 3,
  schemes: ['learned', 'none'],
  d: 32,
  heads: 2,
  layers: 1,
  context: 16,
  batch: 16,
  lr: 1e-2,
  steps: 300,
  snapshotEvery: 50,
  seed: 1,
  backend: 'auto',
};

/** Why a config cannot be trained, or null when it can (d must split into heads of even width for RoPE). */
export function configProblem(c: TrainConfig): Msg | null {
  const inRange = (name: keyof typeof TRAIN_LIMITS, v: number) =>
    Number.isInteger(v) && v >= TRAIN_LIMITS[name][0] && v <= TRAIN_LIMITS[name][1];
  for (const name of Object.keys(TRAIN_LIMITS) as (keyof typeof TRAIN_LIMITS)[]) {
    if (!inRange(name, c[name])) {
      return msg('cfg.range', { name, min: TRAIN_LIMITS[name][0], max: TRAIN_LIMITS[name][1] });
    }
  }
  if (c.d % (2 * c.heads) !== 0) return msg('cfg.heads', { d: c.d, heads: c.heads });
  if (c.task === 'reverse' && c.context % 2 !== 0) return msg('cfg.reverse');
  if (c.task === 'copy' && c.k >= c.context) return msg('cfg.copy', { k: c.k });
  if (c.schemes.length === 0) return msg('cfg.schemes');
  if (!(c.lr > 0 && c.lr < 1)) return msg('cfg.lr');
  if (!Number.isInteger(c.snapshotEvery) || c.snapshotEvery < 1) return msg('cfg.snapshot');
  return null;
}

export type ToTrainer =
  | { type: 'start'; runId: number; config: TrainConfig }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'reset'; runId: number }
  | { type: 'save'; runId: number; scheme: PositionScheme }
  | { type: 'extrapolate'; runId: number };

export type TrainerStatus = 'idle' | 'training' | 'paused' | 'done';

export type FromTrainer =
  /** trials: what "auto" measured to choose this backend (absent when the backend was set by hand). */
  | {
      type: 'ready';
      backend: BackendName;
      adapter: string | null;
      software?: string | null;
      fallbacks: Msg[];
      trials?: BackendTrial[];
    }
  | { type: 'status'; runId: number; status: TrainerStatus }
  /** Losses of steps `firstStep … firstStep + losses.length − 1` of one scheme; steps per second over them. */
  | {
      type: 'losses';
      runId: number;
      scheme: PositionScheme;
      firstStep: number;
      losses: Float32Array;
      stepsPerSecond: number;
    }
  /** Token accuracy and loss on a fixed held-out batch. */
  | { type: 'eval'; runId: number; scheme: PositionScheme; step: number; accuracy: number; loss: number }
  /** The learned position table [rows, d], row-major. */
  | {
      type: 'snapshot';
      runId: number;
      scheme: PositionScheme;
      step: number;
      rows: number;
      d: number;
      data: Float32Array;
    }
  /** The sinusoidal table at the same size, to show beside the learned one. */
  | { type: 'reference'; runId: number; rows: number; d: number; data: Float32Array }
  /** Mean loss by position 0 … 2L − 1 (NaN where a scheme has no encoding: learned past L). */
  | {
      type: 'extrapolation';
      runId: number;
      trainLength: number;
      curves: { scheme: PositionScheme; loss: Float32Array }[];
    }
  | { type: 'saved'; runId: number; scheme: PositionScheme; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'error'; runId: number | null; message: Msg };

/** The buffers to transfer with a message (zero-copy). */
export function transferables(msg: FromTrainer): Transferable[] {
  switch (msg.type) {
    case 'losses':
      return [msg.losses.buffer];
    case 'snapshot':
    case 'reference':
      return [msg.data.buffer];
    case 'extrapolation':
      return msg.curves.map((c) => c.loss.buffer);
    case 'saved':
      return [msg.bytes.buffer];
    case 'ready':
    case 'status':
    case 'eval':
    case 'error':
      return [];
    default:
      return assertNever(msg);
  }
}
