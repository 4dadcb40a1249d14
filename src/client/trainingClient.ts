// The training worker's client: numbers runs and drops messages of older runs. If the worker dies a fresh one
// starts (client/workerClient.ts); the run is lost, the panel is told, and can train again. Kept apart from
// engineClient so the explore engine and the trainer never wait on each other.
import type { FromTrainer, PositionScheme, ToTrainer, TrainConfig } from '../protocol/training.ts';
import { WorkerClient } from './workerClient.ts';
import type { Message } from '../i18n/t.ts';

export interface TrainingEvents {
  message(msg: FromTrainer): void;
  /** The worker died and was replaced; training state is gone. */
  restarted(reason: Message): void;
}

export class TrainingClient {
  private readonly worker: WorkerClient<ToTrainer, FromTrainer>;
  private runId = 0;

  constructor(events: TrainingEvents) {
    this.worker = new WorkerClient<ToTrainer, FromTrainer>({
      label: 'training',
      spawn: () =>
        new Worker(new URL('../training/training.worker.ts', import.meta.url), {
          type: 'module',
          name: 'embedscope-trainer',
        }),
      current: (msg) => !('runId' in msg && msg.runId !== null && msg.runId !== this.runId),
      message: (msg) => events.message(msg),
      restarted: (reason) => {
        this.runId += 1; // whatever the old worker still had in flight is stale
        events.restarted(reason);
      },
    });
  }

  start(config: TrainConfig): number {
    this.runId += 1;
    this.worker.send({ type: 'start', runId: this.runId, config });
    return this.runId;
  }

  pause(): void {
    this.worker.send({ type: 'pause', runId: this.runId });
  }

  resume(): void {
    this.worker.send({ type: 'resume', runId: this.runId });
  }

  reset(): void {
    this.runId += 1;
    this.worker.send({ type: 'reset', runId: this.runId });
  }

  save(scheme: PositionScheme): void {
    this.worker.send({ type: 'save', runId: this.runId, scheme });
  }

  extrapolate(): void {
    this.worker.send({ type: 'extrapolate', runId: this.runId });
  }

  restart(reason: Message): void {
    this.worker.restart(reason);
  }

  dispose(): void {
    this.worker.dispose();
  }
}
