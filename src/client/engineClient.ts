// The Worker wrapper: numbers runs, drops stale messages, and restarts the worker if it dies.
import type { FromEngine, ToEngine } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';

export interface ClientEvents {
  message(msg: FromEngine): void;
  /** The worker died and was restarted; the last spec is re-run. */
  restarted(reason: string): void;
}

export class EngineClient {
  private worker: Worker;
  private runId = 0;
  private lastSpec: RunSpec | null = null;
  private lastCached: string | null = null;
  private readonly events: ClientEvents;

  constructor(events: ClientEvents) {
    this.events = events;
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../engine/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'embedscope-engine',
    });
    worker.addEventListener('message', (e: MessageEvent<FromEngine>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.restart(e.message || 'the engine worker crashed');
    });
    worker.addEventListener('messageerror', () =>
      this.restart('a message from the engine could not be read'),
    );
    return worker;
  }

  private receive(msg: FromEngine): void {
    // Newest runId wins: anything tagged with an older run is dropped here.
    if ('runId' in msg && msg.runId !== null && msg.runId !== this.runId) return;
    this.events.message(msg);
  }

  private send(msg: ToEngine): void {
    this.worker.postMessage(msg);
  }

  /** `cached`: static key of the text-independent matrices already held, which the worker need not resend. */
  run(spec: RunSpec, cached: string | null = null): number {
    this.lastSpec = spec;
    this.lastCached = cached;
    this.runId += 1;
    this.send({ type: 'run', runId: this.runId, spec, cached });
    return this.runId;
  }

  cancel(): void {
    this.send({ type: 'cancel', runId: this.runId });
  }

  restart(reason: string): void {
    this.worker.terminate();
    this.worker = this.spawn();
    this.events.restarted(reason);
    if (this.lastSpec) this.run(this.lastSpec, this.lastCached);
  }

  /** Test hook: makes the worker throw an uncaught error. */
  crashForTest(): void {
    this.send({ type: 'crash' });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
