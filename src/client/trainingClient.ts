// The training worker's wrapper: numbers runs, drops messages of older runs, and starts a fresh worker if the
// worker dies (the run is lost; the panel is told, and can train again). Kept apart from engineClient so the
// explore engine and the trainer never wait on each other.
import type { FromTrainer, PositionScheme, ToTrainer, TrainConfig } from '../protocol/training.ts';

export interface TrainingEvents {
  message(msg: FromTrainer): void;
  /** The worker died and was replaced; training state is gone. */
  restarted(reason: string): void;
}

export class TrainingClient {
  private worker: Worker;
  private runId = 0;
  private readonly events: TrainingEvents;

  constructor(events: TrainingEvents) {
    this.events = events;
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../training/training.worker.ts', import.meta.url), {
      type: 'module',
      name: 'embedscope-trainer',
    });
    worker.addEventListener('message', (e: MessageEvent<FromTrainer>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.restart(e.message || 'the training worker crashed');
    });
    worker.addEventListener('messageerror', () =>
      this.restart('a message from the trainer could not be read'),
    );
    return worker;
  }

  private receive(msg: FromTrainer): void {
    if ('runId' in msg && msg.runId !== null && msg.runId !== this.runId) return;
    this.events.message(msg);
  }

  private send(msg: ToTrainer): void {
    this.worker.postMessage(msg);
  }

  start(config: TrainConfig): number {
    this.runId += 1;
    this.send({ type: 'start', runId: this.runId, config });
    return this.runId;
  }

  pause(): void {
    this.send({ type: 'pause', runId: this.runId });
  }

  resume(): void {
    this.send({ type: 'resume', runId: this.runId });
  }

  reset(): void {
    this.runId += 1;
    this.send({ type: 'reset', runId: this.runId });
  }

  save(scheme: PositionScheme): void {
    this.send({ type: 'save', runId: this.runId, scheme });
  }

  extrapolate(): void {
    this.send({ type: 'extrapolate', runId: this.runId });
  }

  restart(reason: string): void {
    this.worker.terminate();
    this.runId += 1;
    this.worker = this.spawn();
    this.events.restarted(reason);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
