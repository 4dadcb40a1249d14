// One typed wrapper for every worker (engine, trainer): To and From are the protocol's message unions. It spawns
// the worker, drops messages the owner calls stale, and when the worker dies (an uncaught error, an unreadable
// message, or a message the owner calls fatal, such as a lost GPU device) it starts a fresh one and says why, so
// the owner can hand the new worker what the old one knew. The worker never throws across the boundary; a crash
// is the only thing this class turns into a restart.
import { message, type Message } from '../i18n/t.ts';

export interface WorkerClientOptions<From> {
  /** Starts the worker (`new Worker(new URL(…, import.meta.url))` must stay literal at the call for Vite). */
  spawn: () => Worker;
  /** Names the worker in restart reasons ("the engine worker crashed"). */
  label: string;
  /** False for a message of an older run (it is dropped). */
  current: (msg: From) => boolean;
  /** The reason to restart, for a message that means the worker can no longer work; null otherwise. */
  fatal?: (msg: From) => Message | null;
  message: (msg: From) => void;
  /** A fresh worker replaced a dead one; called before any message of the new worker. */
  restarted: (reason: Message) => void;
}

export class WorkerClient<To, From> {
  private worker: Worker;
  private readonly options: WorkerClientOptions<From>;

  constructor(options: WorkerClientOptions<From>) {
    this.options = options;
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const { label } = this.options;
    const worker = this.options.spawn();
    worker.addEventListener('message', (e: MessageEvent<From>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.restart(e.message ? message('err.raw', { text: e.message }) : message('err.crashed', { label }));
    });
    worker.addEventListener('messageerror', () => this.restart(message('err.unreadable', { label })));
    return worker;
  }

  private receive(msg: From): void {
    const reason = this.options.fatal?.(msg) ?? null;
    if (reason !== null) {
      this.restart(reason);
      return;
    }
    if (this.options.current(msg)) this.options.message(msg);
  }

  send(msg: To, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  /** Ends the worker and starts a fresh one; `restarted` runs before this returns. */
  restart(reason: Message): void {
    this.worker.terminate();
    this.worker = this.spawn();
    this.options.restarted(reason);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
