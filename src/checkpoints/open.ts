// Opening what the user dropped: one or several .safetensors shards (with or without Hugging Face's
// model.safetensors.index.json, {"metadata": {...}, "weight_map": {tensor name: shard file name}}) and/or .npy
// arrays. Only headers are read here; every tensor keeps its file, and reads only its own byte range (or, for a
// row-major table, only the rows asked for: layout.ts). Problems that leave the tensors usable are returned as
// notes; files that contradict each other are refused with a CheckpointError naming them.
import { msg, type Msg } from '../protocol/msg.ts';
import { CheckpointError } from './binary.ts';
import type { RowMajorTable } from './layout.ts';
import { npyTable, readNpy, readNpyHeader } from './npy.ts';
import { readSafetensorsHeader, readTensor, safetensorsTable } from './safetensors.ts';

export interface DroppedFile {
  name: string;
  blob: Blob;
}

export interface LocatedTensor {
  name: string;
  dtype: string;
  shape: number[];
  /** The file it lives in. */
  file: string;
  /** The whole tensor as row-major float32. */
  read(): Promise<{ shape: number[]; data: Float32Array }>;
  /** Row-major 2-D layout for reading rows alone, or null (other rank or dtype, Fortran-order .npy). */
  table: RowMajorTable | null;
}

export interface OpenedCheckpoint {
  format: 'safetensors' | 'npy';
  /** Names the drop: the file, or the index and how many shards. */
  label: string;
  bytes: number;
  tensors: LocatedTensor[];
  /** What is missing or odd but leaves the tensors usable. */
  notes: string[];
}

const isIndex = (name: string) => /\.index\.json$/i.test(name);
const isNpy = (name: string) => /\.npy$/i.test(name);
const isSafetensors = (name: string) => /\.safetensors$/i.test(name);
/** "a and b and c", each "and" in the interface's language. */
const and = (names: readonly string[]): Msg =>
  names.slice(1).reduce<Msg>((a, b) => msg('ckpt.and', { a, b }), msg('err.raw', { text: names[0] ?? '' }));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A file whose name has no extension (a download saved under a generated name) is recognised by its first bytes:
 * .npy opens with \x93NUMPY, safetensors with an 8-byte header length followed by the header's '{'.
 */
async function recognised(f: DroppedFile): Promise<DroppedFile> {
  // Only a name with no extension at all: a .bin or .pt says what it is (a pickle), and is refused.
  if (/\.[A-Za-z0-9]{1,12}$/.test(f.name)) return f;
  const head = new Uint8Array(await f.blob.slice(0, 9).arrayBuffer());
  const magic = String.fromCharCode(...head.subarray(1, 6));
  if (head[0] === 0x93 && magic === 'NUMPY') return { ...f, name: `${f.name}.npy` };
  if (head.length === 9 && head[8] === 0x7b) return { ...f, name: `${f.name}.safetensors` };
  return f;
}

/** Reads the headers of the dropped files and lists every tensor with its file. */
export async function openCheckpoint(dropped: readonly DroppedFile[]): Promise<OpenedCheckpoint> {
  const files = await Promise.all(dropped.map(recognised));
  const odd = files.find((f) => !isIndex(f.name) && !isNpy(f.name) && !isSafetensors(f.name));
  if (odd) {
    throw new CheckpointError('ckpt.open.odd', { file: odd.name });
  }
  const indexes = files.filter((f) => isIndex(f.name));
  if (indexes.length > 1) {
    throw new CheckpointError('ckpt.open.twoIndexes', { files: and(indexes.map((f) => f.name)) });
  }
  const shards = files.filter((f) => isSafetensors(f.name));
  const arrays = files.filter((f) => isNpy(f.name));
  const index = indexes[0];
  if (index && shards.length === 0) {
    throw new CheckpointError('ckpt.open.indexAlone', { file: index.name });
  }
  if (files.length === 0) throw new CheckpointError('ckpt.open.none');

  const notes: string[] = [];
  const tensors: LocatedTensor[] = [];
  const headers = await Promise.all(shards.map((f) => readSafetensorsHeader(f.blob)));
  shards.forEach((f, k) => {
    for (const info of headers[k]) {
      tensors.push({
        name: info.name,
        dtype: info.dtype,
        shape: info.shape,
        file: f.name,
        read: () => readTensor(f.blob, info),
        table: safetensorsTable(f.blob, info),
      });
    }
  });
  for (const f of arrays) {
    const h = await readNpyHeader(f.blob);
    const name = f.name.replace(/\.npy$/i, '') || 'array';
    tensors.push({
      name,
      dtype: h.descr,
      shape: h.shape,
      file: f.name,
      read: () => readNpy(f.blob),
      table: npyTable(f.blob, h, name),
    });
  }

  const kept = index
    ? checkIndex(parseIndex(await index.blob.text(), index.name), index.name, shards, tensors, notes)
    : tensors;
  if (!index && shards.length > 1) {
    notes.push(
      `No model.safetensors.index.json was dropped: the tensors listed are the union of the ${shards.length} shards' headers.`,
    );
  }
  const seen = new Map<string, string>();
  for (const t of kept) {
    const other = seen.get(t.name);
    if (other !== undefined) {
      throw new CheckpointError('ckpt.open.twice', { name: t.name, a: other, b: t.file });
    }
    seen.set(t.name, t.file);
  }
  const bytes = files.reduce((s, f) => s + f.blob.size, 0);
  const label =
    files.length === 1
      ? files[0].name
      : index
        ? `${index.name} + ${plural(shards.length, 'shard')}`
        : plural(files.length, 'file');
  return { format: shards.length ? 'safetensors' : 'npy', label, bytes, tensors: kept, notes };
}

/** weight_map of a model.safetensors.index.json: tensor name → shard file name. */
export function parseIndex(text: string, label: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CheckpointError('ckpt.index.json', {
      label,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  const map =
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>).weight_map : undefined;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new CheckpointError('ckpt.index.noMap', { label });
  }
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(map)) {
    if (typeof file !== 'string') {
      throw new CheckpointError('ckpt.index.entry', { label, name });
    }
    out.set(name, file);
  }
  return out;
}

/** The tensors as the index places them; notes for shards not dropped and tensors the index does not list. */
function checkIndex(
  map: Map<string, string>,
  label: string,
  shards: readonly DroppedFile[],
  tensors: readonly LocatedTensor[],
  notes: string[],
): LocatedTensor[] {
  const dropped = new Set(shards.map((f) => f.name));
  const missing = new Map<string, number>(); // shard named by the index but not dropped → tensor count
  for (const file of map.values()) if (!dropped.has(file)) missing.set(file, (missing.get(file) ?? 0) + 1);
  if (missing.size === new Set(map.values()).size) {
    throw new CheckpointError('ckpt.index.noShards', {
      label,
      missing: [...missing.keys()].join(', '),
      dropped: [...dropped].join(', '),
    });
  }
  for (const [file, n] of missing) {
    notes.push(
      `${label} names ${file} (${plural(n, 'tensor')}), which was not dropped: its tensors are not listed.`,
    );
  }
  const byPlace = new Map(tensors.map((t) => [`${t.file}\0${t.name}`, t]));
  for (const [name, file] of map) {
    if (dropped.has(file) && !byPlace.has(`${file}\0${name}`)) {
      throw new CheckpointError('ckpt.index.noTensor', { label, name, file });
    }
  }
  const unlisted = tensors.filter((t) => map.get(t.name) !== t.file && isSafetensors(t.file));
  for (const file of new Set(unlisted.map((t) => t.file))) {
    const n = unlisted.filter((t) => t.file === file).length;
    const why =
      map.size && ![...map.values()].includes(file) ? 'is not named in' : 'has tensors not placed there by';
    notes.push(`${file} ${why} ${label}: ${plural(n, 'tensor')} left out.`);
  }
  return tensors.filter((t) => map.get(t.name) === t.file || !isSafetensors(t.file));
}
