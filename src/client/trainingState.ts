// The Training panel's slice of the one store (client/store.ts): what the trainer reported, and the view the
// panel draws, rebuilt from the streamed data at most once per frame (client/training.ts). Its settings are not
// here: they are part of the view state (ViewState.train), so the link carries them.
import type { BackendName } from '../protocol/messages.ts';
import type { BackendTrial, PositionScheme, TrainConfig, TrainerStatus } from '../protocol/training.ts';
import type { Message } from '../i18n/t.ts';

/** A position table [rows, d], row-major; `step` for a snapshot of a trained one. */
export interface TrainTable {
  rows: number;
  d: number;
  data: Float32Array;
  step?: number;
}

/** One scheme's line of a plot (the panel names it and hands it to plots/lines.ts). */
export interface TrainCurve {
  scheme: PositionScheme;
  x?: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** The learned table beside the sinusoidal one, their difference, and the one colour domain of all three. */
export interface TrainTables {
  learned: TrainTable;
  sin: TrainTable;
  diff: TrainTable;
  options: { domain: [number, number]; xTitle: string; yTitle: string };
}

export interface TrainingView {
  /** Loss curves, thinned for drawing. */
  series: TrainCurve[];
  tables: TrainTables | null;
  extrapolation: TrainCurve[];
  /** Last step reported per scheme. */
  steps: Map<PositionScheme, number>;
  rate: Map<PositionScheme, number>;
  evals: Map<PositionScheme, { step: number; accuracy: number; loss: number }>;
  ex: { trainLength: number; curves: { scheme: PositionScheme; loss: Float32Array }[] } | null;
}

export interface TrainingState {
  status: TrainerStatus;
  /** trials: what "auto" measured to choose it (null when the backend was set by hand or not measured yet). */
  backend: { name: BackendName; adapter: string | null; trials: BackendTrial[] | null } | null;
  error: Message | null;
  /** The scheme whose weights Save writes. */
  saveScheme: PositionScheme;
  /** The settings of the run in the worker (null before the first Train and after Reset). */
  trained: TrainConfig | null;
  view: TrainingView;
}

export const emptyTrainingView = (): TrainingView => ({
  series: [],
  tables: null,
  extrapolation: [],
  steps: new Map(),
  rate: new Map(),
  evals: new Map(),
  ex: null,
});

export const initialTrainingState: TrainingState = {
  status: 'idle',
  backend: null,
  error: null,
  saveScheme: 'learned',
  trained: null,
  view: emptyTrainingView(),
};
