// The checkpoint the user dropped: the worker keeps the Blob (a File is a Blob; nothing is read up front), its
// parsed header, and the tensors read so far. Only the header and the chosen tensors' byte ranges are read.
import type { CheckpointInfo, TensorEntry } from '../protocol/messages.ts';
import {
  proposeTables,
  readSafetensorsHeader,
  readTensor,
  type TensorInfo,
} from '../checkpoints/safetensors.ts';
import { readNpy, readNpyHeader } from '../checkpoints/npy.ts';

export interface LoadedTensor {
  rows: number;
  cols: number;
  data: Float32Array;
}

export class CheckpointStore {
  private blob: Blob | null = null;
  private infos: TensorInfo[] = [];
  private format: CheckpointInfo['format'] = 'safetensors';
  private readonly tensors = new Map<string, Promise<LoadedTensor>>();
  /** Changes with every file, so caches keyed on it never mix two checkpoints. */
  generation = 0;
  fileName = '';

  /** Parses the header of a new file. On failure the previous checkpoint stays loaded. */
  async open(blob: Blob, name: string): Promise<CheckpointInfo> {
    const isNpy = /\.npy$/i.test(name);
    let entries: TensorEntry[];
    let infos: TensorInfo[] = [];
    if (isNpy) {
      const h = await readNpyHeader(blob);
      const stem = name.replace(/\.npy$/i, '') || 'array';
      entries = [{ name: stem, dtype: h.descr, shape: h.shape }];
    } else {
      infos = await readSafetensorsHeader(blob);
      entries = infos.map(({ name: n, dtype, shape }) => ({ name: n, dtype, shape }));
    }
    this.blob = blob;
    this.infos = infos;
    this.format = isNpy ? 'npy' : 'safetensors';
    this.tensors.clear();
    this.generation += 1;
    this.fileName = name;
    const proposed = isNpy
      ? { token: entries[0].shape.length === 2 ? entries[0].name : null, position: null }
      : proposeTables(infos);
    return { file: name, bytes: blob.size, format: this.format, tensors: entries, proposed };
  }

  get loaded(): boolean {
    return this.blob !== null;
  }

  /** A 2-D tensor of the loaded file as float32, read once and cached. */
  tensor(name: string): Promise<LoadedTensor> {
    const blob = this.blob;
    if (!blob)
      return Promise.reject(new Error('No checkpoint is loaded: drop a .safetensors or .npy file first.'));
    let p = this.tensors.get(name);
    if (!p) {
      p = this.read(blob, name);
      this.tensors.set(name, p);
      p.catch(() => this.tensors.delete(name));
    }
    return p;
  }

  private async read(blob: Blob, name: string): Promise<LoadedTensor> {
    let shape: number[];
    let data: Float32Array;
    if (this.format === 'npy') {
      ({ shape, data } = await readNpy(blob));
    } else {
      const info = this.infos.find((i) => i.name === name);
      if (!info) throw new Error(`The checkpoint ${this.fileName} has no tensor named "${name}".`);
      ({ shape, data } = await readTensor(blob, info));
    }
    if (shape.length !== 2) {
      throw new Error(`"${name}" has shape [${shape.join(', ')}]; a table must be 2-D [rows, d].`);
    }
    return { rows: shape[0], cols: shape[1], data };
  }
}
