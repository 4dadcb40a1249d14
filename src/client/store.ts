// The one store. React reads it with useSyncExternalStore; the plots read what React hands them.
import type { BackendName, Check, Matrix, Token } from '../protocol/messages.ts';
import { DEFAULT_VIEW, type ViewState } from './urlState.ts';

export interface AppState {
  view: ViewState;
  backend: { name: BackendName; adapter: string | null; fallbacks: string[] } | null;
  tokens: Token[];
  vocabSize: number | null;
  matrices: Record<string, Matrix>;
  busy: boolean;
  lastRun: { ms: number; numTensors: number } | null;
  /** The problem with the current input, or the engine's last error; the old views stay on screen. */
  error: string | null;
  notices: string[];
  checks: Check[];
  /** Static key of the text-independent matrices held (complete sets only). */
  staticKey: string | null;
  /** Row (token position) under the pointer, shared by every view. */
  hoverRow: number | null;
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
  lastRun: null,
  error: null,
  notices: [],
  hoverRow: null,
  checks: [],
  staticKey: null,
};

export type Store = ReturnType<typeof createStore>;
