// The trainer's own module worker (separate from the explore engine, so typing keeps the other views live).
// One Trainer per chosen scheme, trained round-robin in chunks of a few steps; every chunk streams its losses,
// every `snapshotEvery` steps a held-out accuracy and the learned position table. All work runs through one
// serial queue (a chunk, a save, an extrapolation, a reset never overlap), and the loop yields a macrotask
// between chunks so pause/reset messages get in. Errors never cross the boundary as throws: they are sent.
// Backend "auto" times the run's model on every backend first (measureBackends.ts) and keeps the fastest
// (pickBackend.ts); its `ready` carries those measurements so the panel can say why.
import { initBackend } from '../engine/backend.ts';
import { assertNever, type BackendName } from '../protocol/messages.ts';
import {
  configProblem,
  type BackendTrial,
  transferables,
  type FromTrainer,
  type PositionScheme,
  type ToTrainer,
  type TrainConfig,
  type TrainerStatus,
} from '../protocol/training.ts';
import { measureBackends } from './measureBackends.ts';
import { pickFastest } from './pickBackend.ts';
import { sinusoidalReference, Trainer } from './trainer.ts';
import { MsgError, list, msg as message, msgOf } from '../protocol/msg.ts';

/** A chunk aims at this many seconds, so losses stream a few times a second whatever the speed. */
const CHUNK_SECONDS = 0.25;
const MAX_CHUNK = 20;

let backend: BackendName | null = null;
let runId = 0;
let config: TrainConfig | null = null;
let trainers = new Map<PositionScheme, Trainer>();
let status: TrainerStatus = 'idle';
let pumping = false;
let chain: Promise<void> = Promise.resolve();
let turn = 0;
const rates = new Map<PositionScheme, number>();
/** What "auto" measured, per model shape (a second Train of the same model does not measure again). */
const measured = new Map<string, BackendTrial[]>();

function post(msg: FromTrainer): void {
  (self as unknown as Worker).postMessage(msg, transferables(msg));
}

function fail(err: unknown, id: number | null): void {
  post({ type: 'error', runId: id, message: msgOf(err) });
}

/** Runs jobs one after another; a failing job reports and the queue goes on. */
function enqueue(job: () => Promise<void>): void {
  const id = runId;
  chain = chain.then(job).catch((err) => {
    fail(err, id);
    if (status === 'training') setStatus('paused');
  });
}

function setStatus(s: TrainerStatus): void {
  status = s;
  post({ type: 'status', runId, status: s });
}

/** Sets the backend a config asks for; 'auto' with a config measures each backend and keeps the fastest. */
async function ensureBackend(want: TrainConfig['backend'], c: TrainConfig | null): Promise<void> {
  if (want === 'auto' && c) {
    const key = JSON.stringify([c.task, c.k, c.d, c.heads, c.layers, c.context, c.batch, c.schemes[0]]);
    const trials = measured.get(key) ?? (await measureBackends(c));
    measured.set(key, trials);
    const best = pickFastest(trials);
    if (!best) {
      const problems = trials.flatMap((t) => (t.problem ? [t.problem] : []));
      throw new MsgError(message('err.noTrainBackend', { why: list(problems) }));
    }
    const choice = await initBackend([best.backend]);
    backend = choice.backend;
    post({ type: 'ready', ...choice, trials });
    return;
  }
  // Before the first Train (no config yet) 'auto' starts the first backend that works, without measuring.
  if (backend && (want === 'auto' || want === backend)) return;
  const choice = await initBackend(want === 'auto' ? undefined : [want]);
  backend = choice.backend;
  post({ type: 'ready', ...choice });
}

function disposeAll(): void {
  for (const t of trainers.values()) t.dispose();
  trainers = new Map();
}

async function report(t: Trainer, scheme: PositionScheme): Promise<void> {
  const { loss, accuracy } = await t.evaluate();
  post({ type: 'eval', runId, scheme, step: t.step, accuracy, loss });
  const table = await t.positionTable();
  if (table) post({ type: 'snapshot', runId, scheme, step: t.step, ...table });
}

/** One chunk of the next unfinished scheme (round-robin). */
async function chunk(): Promise<void> {
  if (status !== 'training' || !config) return;
  const open = [...trainers.entries()].filter(([, t]) => t.step < config!.steps);
  if (open.length === 0) {
    setStatus('done');
    return;
  }
  const [scheme, t] = open[turn++ % open.length];
  const every = config.snapshotEvery;
  const rate = rates.get(scheme);
  const want = rate === undefined ? 1 : Math.max(1, Math.min(MAX_CHUNK, Math.round(rate * CHUNK_SECONDS)));
  const n = Math.min(want, every - (t.step % every), config.steps - t.step);
  const firstStep = t.step;
  const started = performance.now();
  const losses = await t.train(n);
  const seconds = (performance.now() - started) / 1000;
  const stepsPerSecond = n / Math.max(seconds, 1e-6);
  rates.set(scheme, stepsPerSecond);
  post({ type: 'losses', runId, scheme, firstStep, losses, stepsPerSecond });
  if (t.step % every === 0 || t.step === config.steps) await report(t, scheme);
}

/** Keeps one chunk queued while training; a macrotask between chunks lets messages in. */
function pump(): void {
  if (status !== 'training' || pumping) return;
  pumping = true;
  setTimeout(() => {
    enqueue(async () => {
      pumping = false;
      await chunk();
      pump();
    });
  }, 0);
}

function start(c: TrainConfig): void {
  const problem = configProblem(c);
  if (problem) {
    fail(new MsgError(problem), runId);
    return;
  }
  enqueue(async () => {
    disposeAll();
    await ensureBackend(c.backend, c);
    config = c;
    turn = 0;
    rates.clear();
    for (const scheme of c.schemes) {
      trainers.set(scheme, new Trainer({ ...c, scheme, evalBatch: 64 }));
    }
    const reference = await sinusoidalReference(c.context, c.d);
    post({ type: 'reference', runId, rows: c.context, d: c.d, data: reference });
    for (const [scheme, t] of trainers) await report(t, scheme);
    setStatus('training');
    pump();
  });
}

self.onmessage = (e: MessageEvent<ToTrainer>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'start':
      runId = msg.runId;
      status = 'idle';
      start(msg.config);
      break;
    case 'pause':
      // Stop queueing chunks now, but say "paused" only after the chunk in flight has posted its steps, so the
      // step count the UI shows once paused is final.
      if (status === 'training') {
        status = 'paused';
        enqueue(async () => {
          if (status === 'paused') setStatus('paused');
        });
      }
      break;
    case 'resume':
      if (status === 'paused') {
        setStatus('training');
        pump();
      }
      break;
    case 'reset':
      runId = msg.runId;
      status = 'idle';
      enqueue(async () => {
        disposeAll();
        config = null;
        setStatus('idle');
      });
      break;
    case 'save': {
      const { scheme } = msg;
      enqueue(async () => {
        const t = trainers.get(scheme);
        if (!t) throw new MsgError(message('err.nothingToSave', { scheme }));
        post({ type: 'saved', runId, scheme, bytes: await t.save() });
      });
      break;
    }
    case 'extrapolate':
      enqueue(async () => {
        if (!config || trainers.size === 0) throw new MsgError(message('err.trainFirst'));
        const L = config.context;
        const curves: { scheme: PositionScheme; loss: Float32Array }[] = [];
        for (const [scheme, t] of trainers) curves.push({ scheme, loss: await t.lossByPosition(2 * L) });
        post({ type: 'extrapolation', runId, trainLength: L, curves });
      });
      break;
    default:
      assertNever(msg);
  }
};

enqueue(() => ensureBackend('auto', null));
