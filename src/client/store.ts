// The one store. React reads it with useSyncExternalStore; the plots read what React hands them.
import type {
  BackendName,
  Check,
  CheckpointInfo,
  FromEngine,
  Matrix,
  Neighbour,
  TableStats,
  Token,
} from '../protocol/messages.ts';
import type { CompareColumn } from '../protocol/compare.ts';
import type { Msg } from '../protocol/msg.ts';
import type { Message } from '../i18n/t.ts';

export type ProjectionMsg = Extract<FromEngine, { type: 'projection' }>;
import { initialTrainingState, type TrainingState } from './trainingState.ts';
import { DEFAULT_VIEW, type ViewState } from './urlState.ts';

export interface AppState {
  view: ViewState;
  backend: { name: BackendName; adapter: string | null; fallbacks: Msg[] } | null;
  tokens: Token[];
  vocabSize: number | null;
  matrices: Record<string, Matrix>;
  busy: boolean;
  /** The user stopped the last run; the views hold what had arrived until the next run. */
  cancelled: boolean;
  /** performance.now() when the newest run was sent (null before the first). */
  busySince: number | null;
  lastRun: { ms: number; numTensors: number } | null;
  /**
   * The problem with the current input, or the engine's last error; the old views stay on screen. Messages are
   * kept as data and rendered in the interface's language when shown (a language switch re-renders them).
   */
  error: Message | null;
  notices: Message[];
  checks: Check[];
  /** Static key of the text-independent matrices held (complete sets only). */
  staticKey: string | null;
  /** Row (token position) under the pointer, shared by every view. */
  hoverRow: number | null;
  /** Tokens in the whole text; past LIMITS.maxTokens they are shown greyed and not computed. */
  tokenTotal: number;
  /** Something slow under way (a download, a long tokenisation). */
  progress: { task: Message; done: number; total: number | null } | null;
  checkpoint: CheckpointInfo | null;
  checkpointError: Message | null;
  /** The newest projection layout; color/keys/pcs are kept from the first message of a run. */
  projection: ProjectionMsg | null;
  projectionRunning: boolean;
  projectionError: Message | null;
  neighbours: { id: number; piece: string; list: Neighbour[] } | null;
  quant: { stats: TableStats; f16: Matrix; int8: Matrix } | null;
  requestError: Message | null;
  /** The Compare tab's columns (newest request) and why the last request failed. */
  compare: CompareColumn[] | null;
  compareError: Message | null;
  /** The views show the build's precomputed default run (client/firstPaint.ts) until the worker answers. */
  precomputed: boolean;
  /** The Training panel's run (its settings are view.train). */
  training: TrainingState;
}

type Listener = () => void;

export function createStore(initial: AppState) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...next };
      for (const l of listeners) l();
    },
    subscribe(l: Listener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export const initialState: AppState = {
  view: DEFAULT_VIEW,
  backend: null,
  tokens: [],
  vocabSize: null,
  matrices: {},
  busy: false,
  cancelled: false,
  busySince: null,
  lastRun: null,
  error: null,
  notices: [],
  hoverRow: null,
  checks: [],
  staticKey: null,
  tokenTotal: 0,
  progress: null,
  checkpoint: null,
  checkpointError: null,
  projection: null,
  projectionRunning: false,
  projectionError: null,
  neighbours: null,
  quant: null,
  requestError: null,
  compare: null,
  compareError: null,
  precomputed: false,
  training: initialTrainingState,
};

export type Store = ReturnType<typeof createStore>;
