// Wires the store to the engine: a change to the spec is sent at once (the worker keeps only the newest), other
// changes once per animation frame; the state is mirrored into the URL hash in a task of its own.
import { useSyncExternalStore } from 'react';
import type { FromEngine, RunViews } from '../protocol/messages.ts';
import { compareRequest, forgetCompare, projectionKey, viewsFor } from './workspace.ts';
import { assertNever } from '../protocol/messages.ts';
import {
  TRAINED_TABLE,
  validateProjection,
  validateSpec,
  type ProjectionSpec,
  type RunSpec,
} from '../protocol/specs.ts';
import { EngineClient } from './engineClient.ts';
import { defaultWindow, validateWindow } from '../protocol/window.ts';
import { applyCheckpoint } from './checkpoint.ts';
import { createStore, initialState, type AppState } from './store.ts';
import { MAX_URL_TEXT, parseHash, toHash, type Tab, type ViewState } from './urlState.ts';
import firstPaint from 'virtual:first-paint';
import { holdFirstPaint } from './firstPaint.ts';
import { message, type Message } from '../i18n/t.ts';
import { keepLongText, restoreLongText, saveLang, savedLang } from './persist.ts';
import { connectCells, receiveCells } from './bigHover.ts';

export const store = createStore(initialState);
let client: EngineClient | null = null;
let frame = 0;
let persist: ReturnType<typeof setTimeout> | null = null;
/** Past 100k characters a text's run waits for the frame that lays the text out (see updateSpec). */
const hugeText = () => store.get().view.spec.text.length > 100_000;
/** Static key seen in the current run's matrices; it becomes the store's once the run is done. */
let runStaticKey: string | null = null;
/** What the run in flight computes: a foundation-only run leaves the client no static views to cache. */
let runViews: RunViews = 'lab';

function onMessage(msg: FromEngine): void {
  switch (msg.type) {
    case 'ready': {
      const { backend, adapter, fallbacks } = msg;
      store.set({ backend: { name: backend, adapter, fallbacks } });
      break;
    }
    case 'tokens':
      store.set({ tokens: msg.tokens, vocabSize: msg.vocabSize, tokenTotal: msg.total, progress: null });
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
        // A run that ends after an invalid value was typed (its spec was never sent) keeps that value's message.
        error: validateSpec(s.view.spec),
        lastRun: { ms: msg.ms, numTensors: msg.numTensors },
        staticKey: runViews === 'foundation' ? null : (runStaticKey ?? s.staticKey),
        matrices: Object.fromEntries(Object.entries(s.matrices).filter(([name]) => keep.has(name))),
      }));
      runStaticKey = null;
      performance.mark('embedscope:done');
      break;
    }
    case 'error':
      store.set({ busy: false, error: msg.message, progress: null });
      break;
    case 'progress':
      store.set({ progress: msg.total !== null && msg.done >= msg.total ? null : msg });
      break;
    case 'checkpoint': {
      // A newly parsed file applies its proposal at once; afterwards the user's choices rule.
      const { spec } = store.get().view;
      store.set({ checkpoint: msg.info, checkpointError: null });
      updateSpec(applyCheckpoint(spec, msg.info, msg.info.proposed));
      break;
    }
    case 'checkpoint-error':
      store.set({ checkpointError: message('ckpt.error', { file: msg.file, why: msg.message }) });
      break;
    case 'projection':
      store.set((s) => {
        const prev = s.projection;
        // Later messages of an iterative run carry only the layout; keep colours, keys and PCs from the first.
        const keep = prev && prev.projId === msg.projId && msg.keys.length === 0;
        return {
          projection: keep ? { ...msg, color: prev.color, keys: prev.keys, pcs: prev.pcs } : msg,
          projectionRunning: !msg.done,
          projectionError: null,
        };
      });
      break;
    case 'projection-error':
      store.set({ projectionError: msg.message, projectionRunning: false });
      break;
    case 'neighbours':
      store.set({ neighbours: { id: msg.id, piece: msg.piece, list: msg.list }, requestError: null });
      break;
    case 'quantised':
      store.set({ quant: { stats: msg.stats, f16: msg.f16, int8: msg.int8 }, requestError: null });
      break;
    case 'device-lost':
      break; // handled by the client, which restarts the worker
    case 'request-error':
      store.set({ requestError: msg.message });
      break;
    case 'compare':
      store.set({ compare: msg.columns, compareError: null });
      break;
    case 'compare-error':
      store.set({ compareError: msg.message });
      break;
    case 'window':
      // Detail views of the new window; each keeps the overview (and static key) of the matrix it replaces.
      store.set((s) => {
        const matrices = { ...s.matrices };
        for (const m of msg.matrices) {
          const held = matrices[m.name];
          matrices[m.name] = { ...m, overview: held?.overview, staticKey: held?.staticKey };
        }
        return { matrices };
      });
      break;
    case 'window-error':
      store.set({ error: msg.message });
      break;
    case 'cells':
      receiveCells(msg);
      break;
    default:
      assertNever(msg);
  }
}

export function addNotice(notice: Message): void {
  store.set((s) => ({ notices: [...s.notices, notice] }));
}

let lastProjectionKey = '';
let lastRunKey = '';
/** The views the last run sent computed: a lab run also serves a tab that needs only the foundation. */
let lastRunViews: RunViews = 'foundation';
let lastWindowKey = 'null';
/** The hash the last popstate/hashchange handled (both fire for one change of location.hash). */
let handledHash = '';

/** Writes the view into the link, only when it changed (with a 1 MB text the hash is 100 KB). */
function writeHash(): void {
  handledHash = ''; // the link is the app's own again: a hash pasted next is new, even one pasted before
  const hash = toHash(store.get().view);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function flush(): void {
  frame = 0;
  if (hugeText()) setTimeout(dispatch);
  else dispatch();
  // The link and local storage are written in a task of their own, not in the frame: with a 1 MB text the hash
  // is 100 KB (replaceState ~0.2 s here) and the frame already lays out the whole textarea.
  persist ??= setTimeout(() => {
    persist = null;
    writeHash();
    keepLongText(store.get().view.spec.text);
  });
}

/** Sends the worker the current spec and projection when they changed (or shows why they cannot run). */
function dispatch(): void {
  const { view } = store.get();
  const problem = validateSpec(view.spec);
  if (problem) {
    store.set({ error: problem, busy: false });
    lastRunKey = ''; // going back to the last good value must run again and clear this message
    return;
  }
  // A window that no longer fits the table (positions lowered) goes back to the first rows, with a notice.
  const badWindow = view.window && validateWindow(view.window, view.spec.params.positions);
  if (badWindow) {
    addNotice(message('notice.window', { reason: badWindow }));
    store.set((s) => ({ view: { ...s.view, window: null } }));
    return dispatch();
  }
  const runKey = JSON.stringify(view.spec);
  const views = viewsFor(view.tab);
  // The detail window matters on the Lab tab only; a change made elsewhere is sent when the Lab tab opens.
  const windowKey = JSON.stringify(view.window);
  const newWindow = views === 'lab' && windowKey !== lastWindowKey;
  if (views === 'lab') lastWindowKey = windowKey;
  const cached = store.get().staticKey;
  // Same spec: a run that computed the lab also serves the foundation; switching to the Lab tab runs again.
  const ran = runKey !== lastRunKey || (views === 'lab' && lastRunViews !== 'lab');
  if (ran) {
    lastRunKey = runKey;
    lastRunViews = views;
    runViews = views;
    store.set({ busy: true, cancelled: false, busySince: performance.now() });
    runStaticKey = null;
    client?.run(view.spec, cached, views, view.window);
  }
  const cmp = compareRequest(view);
  if (cmp && 'problem' in cmp) store.set({ compareError: cmp.problem });
  else if (cmp) client?.compare(view.spec, cmp.send);
  // Only the detail views follow a new window; a run that builds its static views fresh already used it.
  if (newWindow && !(ran && cached === null))
    client?.window(view.spec, view.window ?? defaultWindow(view.spec.params.positions));
  // The projection is computed only while its tab is open (a switch to it runs what changed meanwhile).
  const pKey = projectionKey(view.spec, view.proj);
  if (view.tab === 'project' && pKey !== lastProjectionKey) {
    lastProjectionKey = pKey;
    const bad = validateProjection(view.proj);
    if (bad) store.set({ projectionError: bad, projectionRunning: false });
    else {
      store.set({ projectionRunning: true, projectionError: null });
      client?.project(view.spec, view.proj);
    }
  }
}

function schedule(): void {
  if (!frame) frame = requestAnimationFrame(flush);
}

export function startEngine(): void {
  if (client) return;
  const parsed = parseHash(location.hash);
  let { view, notices } = parsed;
  // A link without `lang` opens in the language this browser chose last, else the browser's own.
  const saved = savedLang();
  if (saved && !new URLSearchParams(location.hash.replace(/^#/, '')).has('lang'))
    view = { ...view, lang: saved };
  if (view.spec.text.length === MAX_URL_TEXT) {
    const full = restoreLongText(view.spec.text);
    if (full) {
      view = { ...view, spec: { ...view.spec, text: full } };
      notices = notices.filter((n) => n.key !== 'notice.urlText');
    }
  }
  store.set({ view, notices });
  // First paint (issue 9): the build's precomputed default run, shown until the worker answers (same spec only).
  holdFirstPaint(store, firstPaint);
  client = new EngineClient({
    message: onMessage,
    restarted: (reason) => {
      addNotice(message('notice.restarted', { reason }));
      forgetCompare(); // the client redoes the run and projection; the Compare tab asks again here
      schedule();
    },
  });
  connectCells((req) => client?.cells(req) ?? 0);
  // A typed or pasted hash, and the back/forward buttons between tabs (each tab change is a history entry).
  // Changing location.hash fires both popstate and hashchange: the second must not parse (and notice) again.
  const fromLocation = () => {
    if (location.hash === handledHash || location.hash === toHash(store.get().view)) return;
    handledHash = location.hash;
    const parsed = parseHash(location.hash);
    store.set((s) => ({ view: parsed.view, notices: [...s.notices, ...parsed.notices] }));
    schedule();
  };
  addEventListener('hashchange', fromLocation);
  addEventListener('popstate', fromLocation);
  schedule();
  // Test hook (e2e): lets a spec crash the worker to check recovery.
  Object.assign(window, {
    __embedscope: {
      crash: () => client?.crashForTest(),
      loseDevice: () => client?.loseDeviceForTest(),
      store,
    },
  });
}

export function updateSpec(patch: Partial<RunSpec>): void {
  store.set((s) => ({ view: { ...s.view, spec: { ...s.view.spec, ...patch } } }));
  // A setting is in the link at once, so a reload right after a click keeps it; typed text is written after the
  // frame (see flush).
  if (!('text' in patch)) writeHash();
  // The run goes to the worker now, not at the next frame (a keystroke's matrices come back ~one frame sooner;
  // the worker keeps only the newest spec, so fast typing costs no extra runs). A huge text waits until the frame
  // that lays it out has passed: tokenising it at the same time doubles that layout on a two-core machine.
  if (!hugeText()) dispatch();
  schedule();
}

/** Opens a tab: a history entry of its own, so the browser's back button returns to the previous tab. */
export function selectTab(tab: Tab): void {
  if (store.get().view.tab === tab) return;
  store.set((s) => ({ view: { ...s.view, tab } }));
  history.pushState(null, '', toHash(store.get().view));
  schedule();
}

export function updateView(patch: Partial<ViewState>): void {
  if (patch.lang) saveLang(patch.lang);
  store.set((s) => ({ view: { ...s.view, ...patch } }));
  writeHash();
  schedule();
}

/** Replaces the whole view with an opened session's, adding its notices. */
export function openSession(view: ViewState, notices: Message[]): void {
  store.set((s) => ({ view, notices: [...s.notices, ...notices] }));
  schedule();
}

export function dismissNotice(index: number): void {
  store.set((s) => ({ notices: s.notices.filter((_, i) => i !== index) }));
}

export function setHoverRow(row: number | null): void {
  if (store.get().hoverRow !== row) store.set({ hoverRow: row });
}

export function updateProjection(patch: Partial<ProjectionSpec>): void {
  store.set((s) => ({ view: { ...s.view, proj: { ...s.view.proj, ...patch } } }));
  writeHash();
  schedule();
}

/**
 * Stops the run in flight at its next step. The views keep what had arrived, the text and settings stay, and the
 * next change (or Run again) computes afresh.
 */
export function cancelRun(): void {
  if (!store.get().busy) return;
  client?.cancel();
  lastRunKey = '';
  store.set({ busy: false, cancelled: true, progress: null });
}

/** Runs the current spec again (after a cancel). */
export function rerun(): void {
  lastRunKey = '';
  schedule();
}

/** Stops a running t-SNE/UMAP where it is; Run (or any change) starts it again. */
export function stopProjection(): void {
  client?.stopProjection();
  store.set({ projectionRunning: false });
}

export function rerunProjection(): void {
  lastProjectionKey = '';
  schedule();
}

/**
 * A snapshot from the Training panel. With `follow`, the learned scheme switches to it (same d) so every view —
 * table, similarity, profile, projection, curves — shows the table as it trains.
 */
export function showTrainedTable(
  t: { rows: number; d: number; data: Float32Array; scheme: string; step: number },
  follow: boolean,
): void {
  client?.sendTrainedTable(t.rows, t.d, t.data, `${t.scheme}|${t.step}|${t.rows}x${t.d}`);
  forgetCompare(); // a learned column shows the newest table
  if (!follow) return;
  const { spec } = store.get().view;
  const patch: Partial<RunSpec> = {
    pe: 'learned',
    d: t.d,
    checkpoint: { ...spec.checkpoint, position: TRAINED_TABLE },
  };
  if (spec.embedding !== 'random') Object.assign(patch, { embedding: 'random' });
  store.set((s) => ({ view: { ...s.view, spec: { ...s.view.spec, ...patch } } }));
  lastRunKey = ''; // same spec, new table: run again
  lastProjectionKey = '';
  schedule();
}

/** One checkpoint file, or several dropped together (safetensors shards with their index, .npy arrays). */
export function loadCheckpoint(files: File | readonly File[]): void {
  store.set({ checkpointError: null });
  const list = files instanceof File ? [files] : files;
  client?.loadCheckpoint(list.map((file) => ({ file, name: file.name })));
}

export function requestNeighbours(id: number): void {
  store.set({ neighbours: null, requestError: null });
  client?.neighbours(store.get().view.spec, id, 10);
}

export function requestQuantisation(): void {
  store.set({ requestError: null });
  client?.quantise(store.get().view.spec);
}

/** Rows brushed in the projection: part of the view, so a copied link or saved session keeps them. */
export function setSelectedRows(rows: number[]): void {
  updateView({ selected: rows });
}

export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
