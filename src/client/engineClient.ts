// The engine worker's client: numbers runs, projections and requests, keeps the newest of each, and after a
// restart (client/workerClient.ts) hands the fresh worker the checkpoint and trained table again and redoes the
// last run and projection.
import type { FromEngine, RunViews, ToEngine } from '../protocol/messages.ts';
import type { ProjectionSpec, RunSpec } from '../protocol/specs.ts';
import type { RowWindow } from '../protocol/window.ts';
import type { CellRequest } from '../protocol/cells.ts';
import { WorkerClient } from './workerClient.ts';
import type { Message } from '../i18n/t.ts';

export interface ClientEvents {
  message(msg: FromEngine): void;
  /** The worker died and was restarted; the last spec is re-run. */
  restarted(reason: Message): void;
}

export class EngineClient {
  private readonly worker: WorkerClient<ToEngine, FromEngine>;
  private runId = 0;
  private projId = 0;
  private reqId = 0;
  private cmpId = 0;
  private winId = 0;
  private cellId = 0;
  private lastSpec: RunSpec | null = null;
  private lastViews: RunViews = 'lab';
  private lastWindow: RowWindow | null = null;
  private lastProjection: { spec: RunSpec; proj: ProjectionSpec } | null = null;
  private lastCheckpoint: { file: Blob; name: string }[] | null = null;
  private lastTrained: { rows: number; d: number; data: Float32Array; id: string } | null = null;

  constructor(events: ClientEvents) {
    this.worker = new WorkerClient<ToEngine, FromEngine>({
      label: 'engine',
      spawn: () =>
        new Worker(new URL('../engine/engine.worker.ts', import.meta.url), {
          type: 'module',
          name: 'embedscope-engine',
        }),
      fatal: (msg) => (msg.type === 'device-lost' ? msg.message : null),
      // Newest wins: anything tagged with an older run, projection or request is dropped.
      current: (msg) =>
        !(
          ('runId' in msg && msg.runId !== null && msg.runId !== this.runId) ||
          ('projId' in msg && msg.projId !== this.projId) ||
          ('reqId' in msg && msg.reqId !== this.reqId) ||
          ('cmpId' in msg && msg.cmpId !== this.cmpId) ||
          ('winId' in msg && msg.winId !== this.winId) ||
          ('cellId' in msg && msg.cellId !== this.cellId)
        ),
      message: (msg) => events.message(msg),
      restarted: (reason) => {
        events.restarted(reason);
        this.resend();
      },
    });
  }

  private send(msg: ToEngine): void {
    this.worker.send(msg);
  }

  /** `cached`: static key of the text-independent matrices already held, which the worker need not resend. */
  run(
    spec: RunSpec,
    cached: string | null = null,
    views: RunViews = 'lab',
    window: RowWindow | null = null,
  ): number {
    this.lastSpec = spec;
    this.lastViews = views;
    this.lastWindow = window;
    this.runId += 1;
    this.send({ type: 'run', runId: this.runId, spec, cached, views, window });
    return this.runId;
  }

  /** Recomputes only a big table's detail views for positions A…B; only the newest answer is delivered. */
  window(spec: RunSpec, window: RowWindow): number {
    this.lastWindow = window;
    this.winId += 1;
    this.send({ type: 'window', winId: this.winId, spec, window });
    return this.winId;
  }

  /** The exact values of one block of a pooled E, PE or X (the hover); only the newest answer is delivered. */
  cells(req: CellRequest): number {
    this.cellId += 1;
    this.send({ type: 'cells', cellId: this.cellId, ...req });
    return this.cellId;
  }

  /** Starts a projection; any earlier one stops at its next slice. */
  project(spec: RunSpec, proj: ProjectionSpec): number {
    this.lastProjection = { spec, proj };
    this.projId += 1;
    this.send({ type: 'project', projId: this.projId, spec, proj });
    return this.projId;
  }

  stopProjection(): void {
    this.lastProjection = null;
    this.send({ type: 'project-stop', projId: this.projId });
  }

  /** Hands model files to the worker, which reads their headers (and later only the chosen tensors). */
  loadCheckpoint(files: { file: Blob; name: string }[]): void {
    this.lastCheckpoint = files;
    this.send({ type: 'checkpoint', files });
  }

  /** Hands the newest trained position table to the worker (copied: the caller keeps its array). */
  sendTrainedTable(rows: number, d: number, data: Float32Array, id: string): void {
    this.lastTrained = { rows, d, data, id };
    this.send({ type: 'trained-table', rows, d, data, id });
  }

  /** One-off requests; only the newest one's answer is delivered. */
  neighbours(spec: RunSpec, id: number, k: number): number {
    this.reqId += 1;
    this.send({ type: 'neighbours', reqId: this.reqId, spec, id, k });
    return this.reqId;
  }

  quantise(spec: RunSpec): number {
    this.reqId += 1;
    this.send({ type: 'quantise', reqId: this.reqId, spec });
    return this.reqId;
  }

  /** The Compare tab's columns; only the newest request's answer is delivered. */
  compare(spec: RunSpec, schemes: string[]): number {
    this.cmpId += 1;
    this.send({ type: 'compare', cmpId: this.cmpId, spec, schemes });
    return this.cmpId;
  }

  cancel(): void {
    this.send({ type: 'cancel', runId: this.runId });
  }

  restart(reason: Message): void {
    this.worker.restart(reason);
  }

  /** A new worker knows nothing: give it the checkpoint again, then redo the last run and projection. */
  private resend(): void {
    if (this.lastCheckpoint) this.send({ type: 'checkpoint', files: this.lastCheckpoint });
    if (this.lastTrained) this.send({ type: 'trained-table', ...this.lastTrained });
    if (this.lastSpec) this.run(this.lastSpec, null, this.lastViews, this.lastWindow);
    if (this.lastProjection) this.project(this.lastProjection.spec, this.lastProjection.proj);
  }

  /** Test hook: makes the worker throw an uncaught error. */
  crashForTest(): void {
    this.send({ type: 'crash' });
  }

  /** Test hook: destroys the worker's WebGPU device. */
  loseDeviceForTest(): void {
    this.send({ type: 'lose-device' });
  }

  dispose(): void {
    this.worker.dispose();
  }
}
