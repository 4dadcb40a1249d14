// The trainer's "auto": times a few steps of the run's own model (its first scheme, its batch and width) on each
// backend that starts, in the engine's order webgpu → webgl → wasm → cpu, so the choice rests on this machine's
// speed rather than on "a GPU backend is faster" (on a software adapter it is often not). Each backend first runs
// WARMUP_STEPS untimed (shader compilation, wasm start-up), then rounds of ROUND_STEPS until MIN_SECONDS have been
// timed. The throwaway model is disposed; pickBackend.ts makes the choice.
import { BACKEND_ORDER, startBackend } from '../engine/backend.ts';
import type { BackendName } from '../protocol/messages.ts';
import type { BackendTrial, TrainConfig } from '../protocol/training.ts';
import { Trainer } from './trainer.ts';
import { msgOf } from '../protocol/msg.ts';

const WARMUP_STEPS = 2;
const ROUND_STEPS = 3;
const MIN_SECONDS = 0.5;
const MAX_ROUNDS = 10;

/** Steps per second of config `c` on one backend, or why it could not train there. */
export async function measureBackend(name: BackendName, c: TrainConfig): Promise<BackendTrial> {
  const started = await startBackend(name);
  if ('problem' in started) {
    return { backend: name, adapter: null, software: null, stepsPerSecond: null, problem: started.problem };
  }
  const base = { backend: name, adapter: started.adapter, software: started.software };
  let trainer: Trainer | null = null;
  try {
    trainer = new Trainer({ ...c, scheme: c.schemes[0], evalBatch: 1 });
    await trainer.train(WARMUP_STEPS);
    let steps = 0;
    let seconds = 0;
    for (let round = 0; round < MAX_ROUNDS && seconds < MIN_SECONDS; round++) {
      const t0 = performance.now();
      await trainer.train(ROUND_STEPS);
      seconds += (performance.now() - t0) / 1000;
      steps += ROUND_STEPS;
    }
    return { ...base, stepsPerSecond: steps / Math.max(seconds, 1e-6), problem: null };
  } catch (err) {
    return { ...base, stepsPerSecond: null, problem: msgOf(err) };
  } finally {
    trainer?.dispose();
  }
}

/** Every backend in turn (leaves the last one measured active: the caller sets the chosen one). */
export async function measureBackends(
  c: TrainConfig,
  order: readonly BackendName[] = BACKEND_ORDER,
): Promise<BackendTrial[]> {
  const trials: BackendTrial[] = [];
  for (const name of order) trials.push(await measureBackend(name, c));
  return trials;
}
