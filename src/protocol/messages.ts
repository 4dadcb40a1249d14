// The worker protocol: discriminated unions, one payload per message type.
// Matrices travel as Float32Array with their buffer transferred, never copied or JSON-ed.
import type { ProjectionSpec, RunSpec } from './specs.ts';
import type { ViewName } from './views.ts';
import type { CompareColumn } from './compare.ts';
import type { Overview, Pooled, RowWindow, WindowInfo } from './window.ts';
import type { CellBlock, CellRequest } from './cells.ts';
import type { Msg } from './msg.ts';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface Matrix {
  /** Stable key, e.g. 'pe' (protocol/views.ts lists them with their titles). */
  name: ViewName;
  /** Human title in English; the interface shows its own by `name` (i18n/t.ts viewTitle). */
  title: string;
  /** [rows, cols] */
  shape: [number, number];
  /** Row-major values, rows × cols. */
  data: Float32Array;
  rowLabels?: string[];
  /** Column labels when columns are not dimensions (e.g. positions). */
  colLabels?: string[];
  /** Colour scale: signed data is diverging (default), weights and indices sequential. */
  colors?: 'diverging' | 'sequential';
  /** Key of the spec-without-text that produced a text-independent matrix (lets the worker skip resending). */
  staticKey?: string;
  /** One line for the panel caption, e.g. what was left out. */
  note?: Msg;
  /** A column to mark on a plot of the matrix, e.g. the offset where a profile first stops decreasing. */
  mark?: { x: number; label: Msg };
  /**
   * The exact CSV Export CSV writes, when the float32 matrix cannot say it (float64 values, a text column such as
   * the RoPE frequencies' region); absent: the matrix itself is exported.
   */
  csv?: string;
  /** A table of more than DETAIL_ROWS rows: this matrix holds rows start…end of `total` (protocol/window.ts). */
  window?: WindowInfo;
  /** The whole big table as block means (sent with the run; a window answer leaves the held one in place). */
  overview?: Overview;
  /** The data are block means of a larger [rows, cols] matrix (shape is the pooled one). */
  pooled?: Pooled;
}

export interface Token {
  text: string;
  id: number;
  /** UTF-16 offsets into the input text: text.slice(start, end) is the token's source. */
  start: number;
  end: number;
  /** UTF-8 byte offsets into the input: a byte-level BPE piece may cover part of one character. */
  byteStart: number;
  byteEnd: number;
  unknown: boolean;
}

/** A live invariant check: the property, the measured worst case, the limit, and whether it holds. */
export interface Check {
  name: Msg;
  value: number;
  limit: number;
  pass: boolean;
  detail: Msg;
}

/** One tensor listed in a checkpoint's header. */
export interface TensorEntry {
  name: string;
  dtype: string;
  shape: number[];
  /** The file it lives in, for a checkpoint of several files (shards). */
  shard?: string;
}

export interface CheckpointInfo {
  /** The file, or for several files what they are ("model.safetensors.index.json + 4 shards"). */
  file: string;
  bytes: number;
  format: 'safetensors' | 'npy';
  tensors: TensorEntry[];
  /** The app's guess for the token and position tables (the user may override). */
  proposed: { token: string | null; position: string | null };
  /** What is missing or odd but leaves the tensors usable (a shard the index names was not dropped …). */
  notes?: string[];
}

export interface Neighbour {
  id: number;
  piece: string;
  cosine: number;
}

/** Size of the tables and what f16 / per-row int8 storage does to the token table. */
export interface TableStats {
  tokenParams: number;
  positionParams: number;
  /** Absolute round-trip error over the whole token table. */
  f16: { max: number; mean: number };
  int8: { max: number; mean: number };
}

/**
 * What a run computes past tokens: 'foundation' sends E, PE and X only (the keystroke path, all a tab without the
 * lab needs); 'lab' adds the scheme's static and text views and their checks.
 */
export type RunViews = 'foundation' | 'lab';

export type ToEngine =
  /** `cached`: the staticKey of the text-independent matrices the client already holds. */
  | {
      type: 'run';
      runId: number;
      spec: RunSpec;
      cached: string | null;
      views: RunViews;
      window?: RowWindow | null;
    }
  /** The Compare tab: the same views for 2–4 schemes (protocol/compare.ts), text-independent. */
  | { type: 'compare'; cmpId: number; spec: RunSpec; schemes: string[] }
  /** Recomputes only the detail views of a big table (table or cos/sin rows, similarity, profile) for A…B. */
  | { type: 'window'; winId: number; spec: RunSpec; window: RowWindow }
  | { type: 'cancel'; runId: number }
  /** The exact values of one block of a pooled E, PE or X (protocol/cells.ts), for the hover; out of band. */
  | ({ type: 'cells'; cellId: number } & CellRequest)
  /** Projects positions, tokens or the vocabulary; iterative methods stream layouts until done or stopped. */
  | { type: 'project'; projId: number; spec: RunSpec; proj: ProjectionSpec }
  | { type: 'project-stop'; projId: number }
  /** A user's model files (shards, index, .npy); only headers and the chosen tensors' byte ranges are read. */
  | { type: 'checkpoint'; files: { file: Blob; name: string }[] }
  | { type: 'neighbours'; reqId: number; spec: RunSpec; id: number; k: number }
  /** The newest snapshot of a position table trained in the browser; the learned scheme can show it. */
  | { type: 'trained-table'; rows: number; d: number; data: Float32Array; id: string }
  | { type: 'quantise'; reqId: number; spec: RunSpec }
  /** Test hook: throws inside the worker's message handler to exercise crash recovery. */
  | { type: 'crash' }
  /** Test hook: destroys the WebGPU device, as a driver reset or a lost GPU would. */
  | { type: 'lose-device' };

export type FromEngine =
  /** adapter: what the backend runs on (GPU adapter, WebGL renderer, wasm build); software: the CPU renderer
   *  behind a GPU backend ("SwiftShader"), null on real hardware. */
  | {
      type: 'ready';
      backend: BackendName;
      adapter: string | null;
      software?: string | null;
      /** Why each backend before this one would not start. */
      fallbacks: Msg[];
    }
  /** `total`: tokens in the whole text; only the first LIMITS.maxTokens are sent and computed. */
  | { type: 'tokens'; runId: number; tokens: Token[]; vocabSize: number; total: number }
  | { type: 'matrix'; runId: number; matrix: Matrix }
  | { type: 'checks'; runId: number; scheme: string; checks: Check[] }
  /** `names`: every matrix this run's view consists of (the client drops any other it still holds). */
  | { type: 'done'; runId: number; ms: number; numTensors: number; names: string[] }
  | { type: 'error'; runId: number | null; message: Msg }
  /** The GPU device was lost; the worker is unusable and the client starts a fresh one. */
  | { type: 'device-lost'; message: Msg }
  /** Progress of something slow (data download, long tokenisation); total null when unknown. */
  | { type: 'progress'; task: Msg; done: number; total: number | null }
  | { type: 'checkpoint'; info: CheckpointInfo }
  | { type: 'checkpoint-error'; file: string; message: Msg }
  | {
      type: 'projection';
      projId: number;
      n: number;
      dims: number;
      /** [n, dims] layout, row-major. */
      points: Float32Array;
      labels: string[];
      /** What each point's colour encodes (position or token index). */
      color: Float32Array;
      /** What each point stands for: a position, a token of the text (its position), or a vocabulary id. */
      keys: Int32Array;
      keyKind: 'position' | 'token' | 'id';
      iteration: number;
      total: number;
      done: boolean;
      /** PCA: variance explained per component; null for t-SNE/UMAP. */
      explained: number[] | null;
      /** Positions: the top PCA scores [n, pcs] for the "PCs vs position" plot. */
      pcs: Float32Array | null;
      pcCount: number;
      /** What was projected and how, one phrase each. */
      note: Msg[];
    }
  | { type: 'projection-error'; projId: number; message: Msg }
  | { type: 'neighbours'; reqId: number; id: number; piece: string; list: Neighbour[] }
  | { type: 'quantised'; reqId: number; stats: TableStats; f16: Matrix; int8: Matrix }
  | { type: 'request-error'; reqId: number; message: Msg }
  | { type: 'compare'; cmpId: number; columns: CompareColumn[] }
  | { type: 'compare-error'; cmpId: number; message: Msg }

  /** The detail views for a window request; the client keeps each matrix's overview. */
  | { type: 'window'; winId: number; window: RowWindow; matrices: Matrix[] }
  | { type: 'window-error'; winId: number; message: Msg }
  /** A 'cells' request's answer; null when its view is gone (newer text, restarted worker) or cannot be read. */
  | { type: 'cells'; cellId: number; answer: CellBlock | null };

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}

/** The buffers to transfer with a message, so matrices move instead of being copied. */
export function transferables(msg: FromEngine): ArrayBuffer[] {
  const arrays: (ArrayBufferView | null)[] =
    msg.type === 'matrix'
      ? [msg.matrix.data, msg.matrix.overview?.data ?? null]
      : msg.type === 'window'
        ? msg.matrices.map((m) => m.data)
        : msg.type === 'projection'
          ? [msg.points, msg.color, msg.keys, msg.pcs]
          : msg.type === 'quantised'
            ? [msg.f16.data, msg.int8.data]
            : msg.type === 'compare'
              ? msg.columns.flatMap((c) => [c.similarity.data, c.profile, c.score, c.path, c.beyond])
              : msg.type === 'cells'
                ? [msg.answer?.values ?? null]
                : [];
  const out: ArrayBuffer[] = [];
  for (const a of arrays)
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  return out;
}

/** File-name slug of a panel title: "Input (token + position)" → "input-token-position". */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
