// The engine's message loop: thin on purpose. It picks a backend, then runs specs through the Pipeline.
// Runs are coalesced (only the newest queued spec is computed) and a running one stops at its next step once
// a newer run arrives. Nothing is thrown across the boundary: failures go back as {type: 'error'}.
import type { FromEngine, RunViews, ToEngine } from '../protocol/messages.ts';
import { assertNever, transferables } from '../protocol/messages.ts';
import type { RunSpec } from '../protocol/specs.ts';
import type { RowWindow } from '../protocol/window.ts';
import { initBackend, webgpuDevice } from './backend.ts';
import { Cancelled, Pipeline } from './pipeline.ts';
import { workerFetchData } from './fetchData.ts';
import { ProjectionCancelled, project } from './projection.ts';
import { neighbours, quantise } from './requests.ts';
import { compareColumns } from './compare.ts';
import { msg, msgOf } from '../protocol/msg.ts';

function post(msg: FromEngine): void {
  postMessage(msg, transferables(msg));
}

const pipeline = new Pipeline(workerFetchData(post));
let latestProj = 0;
let stoppedProj = 0;
/** Progress of a token table streamed from its file (too big to hold whole). */
const streaming = (done: number, total: number) =>
  post({ type: 'progress', task: msg('task.streaming'), done, total });
let latest = 0;
let cancelledUpTo = 0;
let pending: {
  runId: number;
  spec: RunSpec;
  cached: string | null;
  views: RunViews;
  window: RowWindow | null;
} | null = null;
let latestWin = 0;
let latestCell = 0;
let pumping = false;

const ready = initBackend().then(
  (choice) => {
    post({ type: 'ready', ...choice });
    // A lost device (driver reset, GPU removed, destroy()) leaves every tensor dead: ask for a fresh worker.
    void webgpuDevice()?.lost.then((info) =>
      post({
        type: 'device-lost',
        message: info.message ? msg('err.deviceLostWhy', { why: info.message }) : msg('err.deviceLost'),
      }),
    );
    return true;
  },
  (err: unknown) => {
    post({ type: 'error', runId: null, message: msgOf(err) });
    return false;
  },
);

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    if (!(await ready)) return;
    while (pending) {
      const job = pending;
      pending = null;
      const stale = () => job.runId !== latest || job.runId <= cancelledUpTo;
      if (stale()) continue;
      try {
        await pipeline.run(job.runId, job.spec, post, stale, job.cached, job.views, job.window);
      } catch (err) {
        if (err instanceof Cancelled) continue;
        post({ type: 'error', runId: job.runId, message: msgOf(err) });
      }
    }
  } finally {
    pumping = false;
  }
}

addEventListener('message', (event: MessageEvent<ToEngine>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'run':
      latest = msg.runId;
      pending = {
        runId: msg.runId,
        spec: msg.spec,
        cached: msg.cached,
        views: msg.views,
        window: msg.window ?? null,
      };
      void pump();
      break;
    case 'cancel':
      cancelledUpTo = Math.max(cancelledUpTo, msg.runId);
      break;
    case 'project': {
      const { projId, spec, proj } = msg;
      latestProj = projId;
      const stale = () => projId !== latestProj || projId <= stoppedProj;
      void ready.then(async (ok) => {
        if (!ok || stale()) return;
        try {
          await project(pipeline, projId, spec, proj, post, stale);
        } catch (err) {
          if (!(err instanceof ProjectionCancelled))
            post({ type: 'projection-error', projId, message: msgOf(err) });
        }
      });
      break;
    }
    case 'project-stop':
      stoppedProj = Math.max(stoppedProj, msg.projId);
      break;
    case 'checkpoint': {
      const { files } = msg;
      const name = files.map((f) => f.name).join(', ');
      pipeline.checkpoint.open(files).then(
        (info) => post({ type: 'checkpoint', info }),
        (err: unknown) => post({ type: 'checkpoint-error', file: name, message: msgOf(err) }),
      );
      break;
    }
    case 'neighbours': {
      const { reqId, spec, id, k } = msg;
      void ready
        .then(() => neighbours(pipeline, spec, id, k, streaming))
        .then(
          (r) => post({ type: 'neighbours', reqId, id, piece: r.piece, list: r.list }),
          (err: unknown) => post({ type: 'request-error', reqId, message: msgOf(err) }),
        );
      break;
    }
    case 'quantise': {
      const { reqId, spec } = msg;
      void ready
        .then(() => quantise(pipeline, spec, streaming))
        .then(
          (r) => post({ type: 'quantised', reqId, ...r }),
          (err: unknown) => post({ type: 'request-error', reqId, message: msgOf(err) }),
        );
      break;
    }
    case 'compare': {
      const { cmpId, spec, schemes } = msg;
      void ready
        .then(() => compareColumns(pipeline, spec, schemes))
        .then(
          (columns) => post({ type: 'compare', cmpId, columns }),
          (err: unknown) => post({ type: 'compare-error', cmpId, message: msgOf(err) }),
        );
      break;
    }
    case 'window': {
      const { winId, spec, window } = msg;
      latestWin = winId;
      void ready
        .then(() => (winId === latestWin ? pipeline.window(spec, window) : null))
        .then(
          (matrices) => {
            if (matrices && winId === latestWin) post({ type: 'window', winId, window, matrices });
          },
          (err: unknown) => post({ type: 'window-error', winId, message: msgOf(err) }),
        );
      break;
    }
    case 'cells': {
      // The hover's exact values: answered here, beside any run (never queued behind one); only the newest
      // request is read, and a failure answers null (the tooltip keeps the block mean).
      const { cellId } = msg;
      latestCell = cellId;
      void ready
        .then(() => (cellId === latestCell ? pipeline.cells.read(msg) : null))
        .catch(() => null)
        .then((answer) => {
          if (cellId === latestCell) post({ type: 'cells', cellId, answer });
        });
      break;
    }
    case 'trained-table':
      pipeline.setTrained(msg.rows, msg.d, msg.data, msg.id);
      break;
    case 'lose-device':
      webgpuDevice()?.destroy();
      break;
    case 'crash':
      // Test hook for the client's crash recovery: an uncaught error outside any try.
      setTimeout(() => {
        throw new Error('injected worker crash');
      });
      break;
    default:
      assertNever(msg);
  }
});
