// Wires the Training panel to its worker through the one store: the settings live in view.train (and so in the
// link, as train.* keys), the run's state in state.training. Streamed losses are gathered here, outside the
// store, and the store's training view is rebuilt from them at most once per animation frame.
import { assertNever } from '../protocol/messages.ts';
import {
  POSITION_SCHEMES,
  configProblem,
  type FromTrainer,
  type PositionScheme,
  type TrainConfig,
} from '../protocol/training.ts';
import { symmetricDomain } from '../plots/scales.ts';
import { TrainingClient } from './trainingClient.ts';
import {
  emptyTrainingView,
  initialTrainingState,
  type TrainCurve,
  type TrainTable,
  type TrainTables,
  type TrainingState,
  type TrainingView,
} from './trainingState.ts';
import { store, updateView } from './useEngine.ts';
import { message } from '../i18n/t.ts';

/** A learned-table snapshot as the rest of the app takes it (useEngine's showTrainedTable). */
export interface PositionSnapshot {
  rows: number;
  d: number;
  data: Float32Array;
  scheme: string;
  step: number;
}

/** What the worker has streamed for the current run. */
interface Live {
  curves: Map<PositionScheme, { x: number[]; y: number[] }>;
  rate: Map<PositionScheme, number>;
  evals: TrainingView['evals'];
  snapshot: TrainTable | null;
  reference: TrainTable | null;
  extrapolation: TrainingView['ex'];
  /** Derived from snapshot + reference, rebuilt only when either changes (so heatmaps repaint only then). */
  tables: TrainTables | null;
}

const emptyLive = (): Live => ({
  curves: new Map(),
  rate: new Map(),
  evals: new Map(),
  snapshot: null,
  reference: null,
  extrapolation: null,
  tables: null,
});

let client: TrainingClient | null = null;
let live = emptyLive();
let frame: number | null = null;
let onSnapshot: ((t: PositionSnapshot) => void) | null = null;

function setTraining(patch: Partial<TrainingState>): void {
  store.set((s) => ({ training: { ...s.training, ...patch } }));
}

function buildTables(l: Live): TrainTables | null {
  const { snapshot: s, reference: r } = l;
  if (!s || !r || s.rows !== r.rows || s.d !== r.d) return null;
  const diff = new Float32Array(s.data.length);
  for (let i = 0; i < diff.length; i++) diff[i] = s.data[i] - r.data[i];
  const domain = symmetricDomain(s.data, r.data, diff);
  return {
    learned: s,
    sin: r,
    diff: { rows: s.rows, d: s.d, data: diff },
    options: { domain, xTitle: 'dimension', yTitle: 'position' },
  };
}

/** At most `max` points per curve for drawing (every k-th step). */
function thin(c: { x: number[]; y: number[] }, max = 1500): { x: number[]; y: number[] } {
  if (c.x.length <= max) return c;
  const k = Math.ceil(c.x.length / max);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < c.x.length; i += k) {
    x.push(c.x[i]);
    y.push(c.y[i]);
  }
  return { x, y };
}

/** What the panel draws, computed from the streamed data (in a frame callback or a handler, not in render). */
function computeView(l: Live): TrainingView {
  const series: TrainCurve[] = [...l.curves.entries()].map(([scheme, c]) => ({ scheme, ...thin(c) }));
  const extrapolation: TrainCurve[] =
    l.extrapolation?.curves.map((c) => ({ scheme: c.scheme, y: c.loss })) ?? [];
  const steps = new Map([...l.curves.entries()].map(([s, c]) => [s, c.x.length ? c.x[c.x.length - 1] : 0]));
  return {
    series,
    tables: l.tables,
    extrapolation,
    steps,
    rate: new Map(l.rate),
    evals: new Map(l.evals),
    ex: l.extrapolation,
  };
}

function redraw(): void {
  if (frame !== null) return;
  frame = requestAnimationFrame(() => {
    frame = null;
    setTraining({ view: computeView(live) });
  });
}

function downloadBytes(name: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function onMessage(msg: FromTrainer): void {
  const l = live;
  switch (msg.type) {
    case 'ready':
      setTraining({ backend: { name: msg.backend, adapter: msg.adapter, trials: msg.trials ?? null } });
      break;
    case 'status':
      setTraining({ status: msg.status });
      break;
    case 'losses': {
      const c = l.curves.get(msg.scheme) ?? { x: [], y: [] };
      msg.losses.forEach((v, i) => {
        c.x.push(msg.firstStep + i + 1);
        c.y.push(v);
      });
      l.curves.set(msg.scheme, c);
      l.rate.set(msg.scheme, msg.stepsPerSecond);
      break;
    }
    case 'eval':
      l.evals.set(msg.scheme, { step: msg.step, accuracy: msg.accuracy, loss: msg.loss });
      break;
    case 'snapshot': {
      const { rows, d, data, scheme, step } = msg;
      l.snapshot = { rows, d, data, step };
      l.tables = buildTables(l);
      onSnapshot?.({ rows, d, data, scheme, step });
      break;
    }
    case 'reference':
      l.reference = { rows: msg.rows, d: msg.d, data: msg.data };
      l.tables = buildTables(l);
      break;
    case 'extrapolation':
      l.extrapolation = { trainLength: msg.trainLength, curves: msg.curves };
      break;
    case 'saved':
      downloadBytes(`embedscope-${msg.scheme}.safetensors`, msg.bytes);
      break;
    case 'error':
      setTraining({ error: msg.message });
      break;
    default:
      assertNever(msg);
  }
  redraw();
}

/** Starts the training worker (the panel calls this when it mounts; the returned function ends it). */
export function connectTrainer(): () => void {
  const c = new TrainingClient({
    message: onMessage,
    restarted: (reason) =>
      setTraining({
        error: message('notice.trainerRestarted', { reason }),
        status: 'idle',
      }),
  });
  client = c;
  return () => {
    c.dispose();
    if (client === c) client = null;
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    live = emptyLive();
    store.set({ training: initialTrainingState });
  };
}

/** Who hears of each learned-table snapshot (the app shows it in every view). */
export function setSnapshotListener(listener: ((t: PositionSnapshot) => void) | null): void {
  onSnapshot = listener;
}

/** Changes settings; they go into the link at once. */
export function updateTrainConfig(patch: Partial<TrainConfig>): void {
  updateView({ train: { ...store.get().view.train, ...patch } });
}

/** Turns one scheme on or off, keeping the panel's order. */
export function toggleTrainScheme(s: PositionScheme, on: boolean): void {
  const { schemes } = store.get().view.train;
  updateTrainConfig({ schemes: POSITION_SCHEMES.filter((x) => (x === s ? on : schemes.includes(x))) });
}

export function startTraining(): void {
  const config = store.get().view.train;
  if (configProblem(config) || !client) return;
  live = emptyLive();
  const { saveScheme } = store.get().training;
  client.start(config);
  setTraining({
    error: null,
    trained: config,
    saveScheme: config.schemes.includes(saveScheme) ? saveScheme : config.schemes[0],
    status: 'training',
    view: computeView(live),
  });
}

export function resetTraining(): void {
  client?.reset();
  live = emptyLive();
  setTraining({ trained: null, error: null, view: emptyTrainingView() });
}

export function pauseTraining(): void {
  client?.pause();
}

export function resumeTraining(): void {
  client?.resume();
}

export function setSaveScheme(s: PositionScheme): void {
  setTraining({ saveScheme: s });
}

export function saveTrained(): void {
  client?.save(store.get().training.saveScheme);
}

export function extrapolate(): void {
  client?.extrapolate();
}
