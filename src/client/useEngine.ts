// Wires the store to the engine: every state change that affects the run schedules one run per animation
// frame (so typing fast never queues work), and mirrors the state into the URL hash.
import { useSyncExternalStore } from 'react';
import type { FromEngine } from '../protocol/messages.ts';
import { assertNever } from '../protocol/messages.ts';
import { validateSpec, type RunSpec } from '../protocol/specs.ts';
import { EngineClient } from './engineClient.ts';
import { createStore, initialState, type AppState } from './store.ts';
import { parseHash, toHash, type ViewState } from './urlState.ts';

export const store = createStore(initialState);
let client: EngineClient | null = null;
let frame = 0;
/** Static key seen in the current run's matrices; it becomes the store's once the run is done. */
let runStaticKey: string | null = null;

function onMessage(msg: FromEngine): void {
  switch (msg.type) {
    case 'ready': {
      const { backend, adapter, fallbacks } = msg;
      store.set({ backend: { name: backend, adapter, fallbacks } });
      break;
    }
    case 'tokens':
      store.set({ tokens: msg.tokens, vocabSize: msg.vocabSize });
      break;
    case 'matrix':
      if (msg.matrix.staticKey) runStaticKey = msg.matrix.staticKey;
      store.set((s) => ({ matrices: { ...s.matrices, [msg.matrix.name]: msg.matrix } }));
      break;
    case 'checks':
      store.set({ checks: msg.checks });
      break;
    case 'done': {
      const keep = new Set(msg.names);
      store.set((s) => ({
        busy: false,
        error: null,
        lastRun: { ms: msg.ms, numTensors: msg.numTensors },
        staticKey: runStaticKey ?? s.staticKey,
        matrices: Object.fromEntries(Object.entries(s.matrices).filter(([name]) => keep.has(name))),
      }));
      runStaticKey = null;
      performance.mark('embedscope:done');
      break;
    }
    case 'error':
      store.set({ busy: false, error: msg.message });
      break;
    default:
      assertNever(msg);
  }
}

function addNotice(text: string): void {
  store.set((s) => ({ notices: [...s.notices, text] }));
}

function flush(): void {
  frame = 0;
  const { view } = store.get();
  history.replaceState(null, '', toHash(view));
  const problem = validateSpec(view.spec);
  if (problem) {
    store.set({ error: problem, busy: false });
    return;
  }
  store.set({ busy: true });
  runStaticKey = null;
  client?.run(view.spec, store.get().staticKey);
}

function schedule(): void {
  if (!frame) frame = requestAnimationFrame(flush);
}

export function startEngine(): void {
  if (client) return;
  const { view, notices } = parseHash(location.hash);
  store.set({ view, notices });
  client = new EngineClient({
    message: onMessage,
    restarted: (reason) =>
      addNotice(`The engine stopped (${reason}) and was restarted; your input was kept.`),
  });
  addEventListener('hashchange', () => {
    if (location.hash === toHash(store.get().view)) return;
    const parsed = parseHash(location.hash);
    store.set((s) => ({ view: parsed.view, notices: [...s.notices, ...parsed.notices] }));
    schedule();
  });
  schedule();
  // Test hook (e2e): lets a spec crash the worker to check recovery.
  Object.assign(window, { __embedscope: { crash: () => client?.crashForTest(), store } });
}

export function updateSpec(patch: Partial<RunSpec>): void {
  store.set((s) => ({ view: { ...s.view, spec: { ...s.view.spec, ...patch } } }));
  schedule();
}

export function updateView(patch: Partial<ViewState>): void {
  store.set((s) => ({ view: { ...s.view, ...patch } }));
  schedule();
}

export function dismissNotice(index: number): void {
  store.set((s) => ({ notices: s.notices.filter((_, i) => i !== index) }));
}

export function setHoverRow(row: number | null): void {
  if (store.get().hoverRow !== row) store.set({ hoverRow: row });
}

export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
