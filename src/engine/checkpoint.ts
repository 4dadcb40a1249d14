// The checkpoint the user dropped: the worker keeps the files (a File is a Blob; nothing is read up front), the
// tensors their headers list (each with its shard), and the whole tensors read so far. Only headers and the
// chosen tensors' byte ranges are read; a table too big to hold whole is read at the rows a text needs, or
// streamed in chunks of rows (checkpoints/layout.ts).
import type { CheckpointInfo } from '../protocol/messages.ts';
import { openCheckpoint, type LocatedTensor } from '../checkpoints/open.ts';
import { readRows, rowChunks } from '../checkpoints/layout.ts';
import { proposeTables } from '../checkpoints/tables.ts';
import type { RowChunk } from '../embeddings/source.ts';
import { MsgError, msg } from '../protocol/msg.ts';

export interface LoadedTensor {
  rows: number;
  cols: number;
  data: Float32Array;
}

export class CheckpointStore {
  private located = new Map<string, LocatedTensor>();
  private readonly tensors = new Map<string, Promise<LoadedTensor>>();
  /** Changes with every drop, so caches keyed on it never mix two checkpoints. */
  generation = 0;
  fileName = '';

  /** Parses the headers of newly dropped files. On failure the previous checkpoint stays loaded. */
  async open(files: readonly { file: Blob; name: string }[]): Promise<CheckpointInfo> {
    const opened = await openCheckpoint(files.map(({ file, name }) => ({ name, blob: file })));
    this.located = new Map(opened.tensors.map((t) => [t.name, t]));
    this.tensors.clear();
    this.generation += 1;
    this.fileName = opened.label;
    const several = new Set(opened.tensors.map((t) => t.file)).size > 1;
    const tensors = opened.tensors.map(({ name, dtype, shape, file }) =>
      several ? { name, dtype, shape, shard: file } : { name, dtype, shape },
    );
    const lone = opened.format === 'npy' ? 'lone table is a token table' : 'names only';
    return {
      file: opened.label,
      bytes: opened.bytes,
      format: opened.format,
      tensors,
      proposed: proposeTables(tensors, lone),
      ...(opened.notes.length ? { notes: opened.notes } : {}),
    };
  }

  get loaded(): boolean {
    return this.located.size > 0;
  }

  /** [rows, cols] of a 2-D tensor from its header (nothing is read), or null. */
  shape(name: string): { rows: number; cols: number } | null {
    const t = this.located.get(name);
    return t?.shape.length === 2 ? { rows: t.shape[0], cols: t.shape[1] } : null;
  }

  /** A 2-D tensor of the loaded files as float32, read once and cached. */
  tensor(name: string): Promise<LoadedTensor> {
    let p = this.tensors.get(name);
    if (!p) {
      p = this.read(name);
      this.tensors.set(name, p);
      p.catch(() => this.tensors.delete(name));
    }
    return p;
  }

  /** Rows `ids` of a 2-D tensor [ids.length, cols], reading only those rows' bytes where the layout allows. */
  async rows(name: string, ids: ArrayLike<number>): Promise<LoadedTensor> {
    const t = this.find(name);
    if (!t.table) {
      const whole = await this.tensor(name);
      const bad = Array.from(ids).find((id) => !Number.isInteger(id) || id < 0 || id >= whole.rows);
      if (bad !== undefined)
        throw new MsgError(msg('err.rowOutside', { row: bad, name, last: whole.rows - 1 }));
      const data = new Float32Array(ids.length * whole.cols);
      for (let i = 0; i < ids.length; i++) {
        data.set(whole.data.subarray(ids[i] * whole.cols, (ids[i] + 1) * whole.cols), i * whole.cols);
      }
      return { rows: ids.length, cols: whole.cols, data };
    }
    return { rows: ids.length, cols: t.table.cols, data: await readRows(t.table, ids) };
  }

  /** A 2-D tensor in chunks of at most `chunkRows` rows, read one chunk at a time. */
  async *chunks(name: string, chunkRows: number): AsyncGenerator<RowChunk> {
    const t = this.find(name);
    if (t.table) {
      yield* rowChunks(t.table, chunkRows);
      return;
    }
    const whole = await this.tensor(name);
    for (let first = 0; first < whole.rows; first += chunkRows) {
      const rows = Math.min(chunkRows, whole.rows - first);
      const data = whole.data.subarray(first * whole.cols, (first + rows) * whole.cols);
      yield { first, rows, total: whole.rows, data };
    }
  }

  private find(name: string): LocatedTensor {
    if (!this.loaded) throw new MsgError(msg('err.noCheckpoint'));
    const t = this.located.get(name);
    if (!t) throw new MsgError(msg('err.noTensor', { file: this.fileName, name }));
    return t;
  }

  private async read(name: string): Promise<LoadedTensor> {
    const { shape, data } = await this.find(name).read();
    if (shape.length !== 2) {
      throw new MsgError(msg('err.not2d', { name, shape: shape.join(', ') }));
    }
    return { rows: shape[0], cols: shape[1], data };
  }
}
