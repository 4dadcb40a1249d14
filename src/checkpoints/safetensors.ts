// safetensors reader and writer (https://github.com/huggingface/safetensors): a u64 little-endian header length N,
// N bytes of UTF-8 JSON {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"?: {str: str}}, then
// the data section. data_offsets count from the start of the data section (byte 8 + N); TensorInfo.begin/end
// here are absolute file offsets. Values are little-endian, row-major. Reads only the header and the requested
// tensors' byte ranges, so a 548 MB GPT-2 file costs a few KB until a table is asked for.
import { msg, type Msg } from '../protocol/msg.ts';
import { CheckpointError, fileLabel, guard, product, readRange, sniff, writeF32LE } from './binary.ts';
import { f32ToF16 } from './float16.ts';
import { decodeFloats, type FloatKind, type RowMajorTable } from './layout.ts';

export interface TensorInfo {
  name: string;
  /** 'F32' | 'F16' | 'BF16' | 'F64' are readable; others ('I64', 'U8' …) are listed but readTensor rejects them. */
  dtype: string;
  shape: number[];
  /** Absolute byte offsets in the file, [begin, end). */
  begin: number;
  end: number;
}

export interface SafetensorsIndex {
  tensors: TensorInfo[];
  /** The string entries of "__metadata__" ({} when absent). */
  metadata: Record<string, string>;
}

/** Largest header accepted, as in the reference implementation. */
export const MAX_HEADER_BYTES = 100_000_000;

/** Bytes per element of every safetensors dtype with a whole-byte size (sub-byte F4/F6 types are left out). */
const DTYPE_BYTES: Record<string, number> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, F8_E8M0: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4,
  I64: 8, U64: 8, F64: 8, C64: 8,
}; // prettier-ignore

const KINDS: Record<string, FloatKind> = { F32: 'f32', F16: 'f16', BF16: 'bf16', F64: 'f64' };
const READABLE = Object.keys(KINDS);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The tensor list (in data order) and the "__metadata__" strings of a safetensors file. */
export function readSafetensorsIndex(blob: Blob): Promise<SafetensorsIndex> {
  const label = fileLabel(blob, 'safetensors');
  return guard(label, () => readIndex(blob, label));
}

/** The tensors listed in a safetensors header, in the order of their data ("__metadata__" is skipped). */
export async function readSafetensorsHeader(blob: Blob): Promise<TensorInfo[]> {
  return (await readSafetensorsIndex(blob)).tensors;
}

async function readIndex(blob: Blob, label: string): Promise<SafetensorsIndex> {
  if (blob.size < 8) {
    throw new CheckpointError('ckpt.st.tooShort', { label, size: blob.size });
  }
  const first = await readRange(blob, 0, 8, label, msg('ckpt.part.lengthField'));
  const n64 = new DataView(first.buffer, first.byteOffset, 8).getBigUint64(0, true);
  if (n64 > BigInt(MAX_HEADER_BYTES)) {
    throw new CheckpointError('ckpt.st.headerTooLong', {
      label,
      n: String(n64),
      max: MAX_HEADER_BYTES,
      sniff: sniff(first),
    });
  }
  const n = Number(n64);
  if (8 + n > blob.size) {
    throw new CheckpointError('ckpt.st.headerCut', { label, n, left: blob.size - 8, sniff: sniff(first) });
  }
  const dataStart = 8 + n;
  const dataLength = blob.size - dataStart;
  const header = parseHeaderJson(
    await readRange(blob, 8, dataStart, label, msg('ckpt.part.jsonHeader')),
    label,
  );

  let metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') metadata = stringEntries(value);
    else entries.push(checkEntry(name, value, msg('ckpt.st.entry', { label, name })));
  }
  checkLayout(entries, dataLength, dataStart, blob.size, label);
  // Data order, which is also the header's order for files written in order (JSON objects list integer-like
  // names such as "0" first, so the parsed header order cannot be trusted).
  const tensors = entries
    .sort((x, y) => x.b - y.b || x.e - y.e)
    .map(({ name, dtype, shape, b, e }) => ({
      name,
      dtype,
      shape,
      begin: dataStart + b,
      end: dataStart + e,
    }));
  return { tensors, metadata };
}

interface Entry {
  name: string;
  dtype: string;
  shape: number[];
  /** data_offsets, relative to the data section. */
  b: number;
  e: number;
}

/** One header entry checked field by field; `where` names it in messages. */
function checkEntry(name: string, value: unknown, where: Msg): Entry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CheckpointError('ckpt.st.notObject', { where });
  }
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  for (const [field, v] of [
    ['dtype', dtype],
    ['shape', shape],
    ['data_offsets', offsets],
  ] as const) {
    if (v === undefined) throw new CheckpointError('ckpt.st.missingField', { where, field });
  }
  if (typeof dtype !== 'string') throw new CheckpointError('ckpt.st.dtype', { where });
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    throw new CheckpointError('ckpt.st.shape', { where });
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    throw new CheckpointError('ckpt.st.offsets', { where });
  }
  const [b, e] = offsets as number[];
  if (b > e) {
    throw new CheckpointError('ckpt.st.reversed', { where, b, e });
  }
  const size = Object.hasOwn(DTYPE_BYTES, dtype) ? DTYPE_BYTES[dtype] : undefined;
  const need = size === undefined ? e - b : product(shape) * size;
  if (need !== e - b) {
    throw new CheckpointError('ckpt.st.span', {
      where,
      shape: shape.join(', '),
      dtype,
      count: product(shape),
      size: String(size),
      need,
      b,
      e,
      span: e - b,
    });
  }
  return { name, dtype, shape: shape as number[], b, e };
}

function parseHeaderJson(bytes: Uint8Array, label: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CheckpointError('ckpt.st.utf8', { label, end: 8 + bytes.length });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/[\0\s]+$/, '')); // some writers pad with NULs instead of spaces
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CheckpointError('ckpt.st.json', { label, end: 8 + bytes.length, detail });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const kind =
      json === null
        ? 'null'
        : Array.isArray(json)
          ? 'array'
          : (typeof json as 'string' | 'number' | 'boolean');
    throw new CheckpointError('ckpt.st.notMap', { label, kind: msg(`ckpt.json.${kind}`) });
  }
  return json as Record<string, unknown>;
}

function stringEntries(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Tensors must not overlap and must lie inside the data section; a layout cut short reads as truncation. */
function checkLayout(
  entries: Entry[],
  dataLength: number,
  dataStart: number,
  fileSize: number,
  label: string,
): void {
  const filled = entries.filter((t) => t.e > t.b).sort((x, y) => x.b - y.b || x.e - y.e);
  let contiguous = filled.length === 0 || filled[0].b === 0;
  for (let i = 1; i < filled.length; i++) {
    const [p, t] = [filled[i - 1], filled[i]];
    if (t.b < p.e) {
      throw new CheckpointError('ckpt.st.overlap', {
        label,
        a: p.name,
        ab: p.b,
        ae: p.e,
        b: t.name,
        bb: t.b,
        be: t.e,
      });
    }
    if (t.b !== p.e) contiguous = false;
  }
  const described = filled.length ? filled[filled.length - 1].e : 0;
  if (contiguous && described > dataLength) {
    throw new CheckpointError('ckpt.st.dataCut', {
      label,
      described,
      left: dataLength,
      should: dataStart + described,
      size: fileSize,
    });
  }
  const outside = entries.find((t) => t.e > dataLength);
  if (outside) {
    throw new CheckpointError('ckpt.st.outside', {
      label,
      name: outside.name,
      b: outside.b,
      e: outside.e,
      length: dataLength,
    });
  }
}

/** Reads and decodes one tensor to float32 (F32, F16, BF16 exactly; F64 rounded to the nearest float32). */
export function readTensor(blob: Blob, info: TensorInfo): Promise<{ shape: number[]; data: Float32Array }> {
  const label = fileLabel(blob, 'safetensors');
  return guard(label, async () => {
    if (!READABLE.includes(info.dtype)) {
      throw new CheckpointError('ckpt.st.unsupported', { label, name: info.name, dtype: info.dtype });
    }
    const size = DTYPE_BYTES[info.dtype];
    const count = product(info.shape);
    if (count * size !== info.end - info.begin) {
      throw new CheckpointError('ckpt.st.tensorSpan', {
        label,
        name: info.name,
        shape: info.shape.join(', '),
        dtype: info.dtype,
        bytes: count * size,
        begin: info.begin,
        end: info.end,
      });
    }
    const bytes = await readRange(
      blob,
      info.begin,
      info.end,
      label,
      msg('ckpt.part.tensor', { name: info.name }),
    );
    return { shape: [...info.shape], data: decodeFloats(bytes, KINDS[info.dtype]) };
  });
}

/** A readable 2-D tensor as a table whose rows can be read alone (layout.ts), or null (other dtype or rank). */
export function safetensorsTable(blob: Blob, info: TensorInfo): RowMajorTable | null {
  if (info.shape.length !== 2 || !Object.hasOwn(KINDS, info.dtype)) return null;
  const [rows, cols] = info.shape;
  const label = fileLabel(blob, 'safetensors');
  return {
    blob,
    label,
    name: info.name,
    begin: info.begin,
    rows,
    cols,
    kind: KINDS[info.dtype],
    littleEndian: true,
  };
}

export interface TensorToWrite {
  name: string;
  shape: number[];
  data: Float32Array;
  /** Stored dtype, 'F32' by default; 'F16' rounds each value to the nearest f16 (ties to even). */
  dtype?: 'F32' | 'F16';
}

/** A complete safetensors file: tensors stored back to back in the given order, header padded with spaces to 8. */
export function writeSafetensors(
  tensors: TensorToWrite[],
  metadata?: Record<string, string>,
): Uint8Array<ArrayBuffer> {
  // The JSON is assembled entry by entry: a JS object would move integer-like names ("0") to the front.
  const parts: string[] = metadata ? [`"__metadata__":${JSON.stringify(metadata)}`] : [];
  const names = new Set<string>();
  let offset = 0;
  for (const t of tensors) {
    if (t.name === '__metadata__' || names.has(t.name)) {
      throw new Error(`writeSafetensors: tensor name "${t.name}" is reserved or used twice`);
    }
    if (!t.shape.every(isCount) || product(t.shape) !== t.data.length) {
      throw new Error(
        `writeSafetensors: tensor "${t.name}" has shape [${t.shape.join(', ')}] but ${t.data.length} values`,
      );
    }
    const dtype = t.dtype ?? 'F32';
    const bytes = t.data.length * DTYPE_BYTES[dtype];
    names.add(t.name);
    parts.push(
      `${JSON.stringify(t.name)}:${JSON.stringify({ dtype, shape: t.shape, data_offsets: [offset, offset + bytes] })}`,
    );
    offset += bytes;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const n = json.length + ((8 - ((8 + json.length) % 8)) % 8);
  const out = new Uint8Array(8 + n + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(n), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + n);
  let at = 8 + n;
  for (const t of tensors) {
    if ((t.dtype ?? 'F32') === 'F32') {
      writeF32LE(out, at, t.data);
      at += 4 * t.data.length;
    } else {
      for (let i = 0; i < t.data.length; i++, at += 2) view.setUint16(at, f32ToF16(t.data[i]), true);
    }
  }
  return out;
}

export { proposeTables } from './tables.ts';
