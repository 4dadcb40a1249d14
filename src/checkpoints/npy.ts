// NumPy .npy reader and writer (numpy.lib.format, versions 1.0, 2.0 and 3.0): magic "\x93NUMPY", major, minor,
// header length (u16 LE for 1.0, u32 LE for 2.0/3.0), then a Python dict literal
// {'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), } padded with spaces and ending in '\n' (latin-1 text
// for 1.0/2.0, UTF-8 for 3.0), then the raw data: row-major, or column-major when 'fortran_order' is True, in
// the byte order the descr's first character names ('<' little, '>' big). Embedscope reads float32/float16/
// float64 vectors and tables (1 or 2 dimensions) in either byte order and either memory order, and returns
// float32 row-major. The writer matches np.save byte for byte.
import { msg } from '../protocol/msg.ts';
import { CheckpointError, fileLabel, guard, product, readRange, sniff, writeF32LE } from './binary.ts';
import { decodeFloats, type FloatKind, type RowMajorTable } from './layout.ts';
import { parsePyLiteral, PyLiteralError, type PyValue } from './pyliteral.ts';

export type NpyDtype = '<f4' | '<f2' | '<f8' | '>f4' | '>f2' | '>f8';

export interface NpyHeader {
  version: '1.0' | '2.0' | '3.0';
  descr: NpyDtype;
  shape: number[];
  /** Column-major data (numpy's fortran_order); readNpy transposes it to row-major. */
  fortranOrder: boolean;
  /** Absolute byte offset of the data, and its length in bytes. */
  dataOffset: number;
  dataLength: number;
}

/** Largest header accepted (numpy's own loader refuses more than 10 000 bytes by default). */
export const MAX_NPY_HEADER_BYTES = 1_000_000;

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const KINDS: Record<string, FloatKind> = { f2: 'f16', f4: 'f32', f8: 'f64' };
const ITEM_BYTES: Record<string, number> = { f2: 2, f4: 4, f8: 8 };
const DESCR = /^[<>]f[248]$/;

const kindOf = (descr: NpyDtype) => KINDS[descr.slice(1)];
const littleEndian = (descr: NpyDtype) => descr[0] === '<';

/** Reads and checks the header of a .npy file (only the first bytes are read). */
export function readNpyHeader(blob: Blob): Promise<NpyHeader> {
  const label = fileLabel(blob, '.npy');
  return guard(label, () => readHeader(blob, label));
}

/** Reads a whole .npy array (1-D or 2-D, f4/f2/f8 in either byte order and memory order) as row-major float32. */
export function readNpy(blob: Blob): Promise<{ shape: number[]; data: Float32Array }> {
  const label = fileLabel(blob, '.npy');
  return guard(label, async () => {
    const h = await readHeader(blob, label);
    const bytes = await readRange(
      blob,
      h.dataOffset,
      h.dataOffset + h.dataLength,
      label,
      msg('ckpt.part.arrayData'),
    );
    const data = decodeFloats(bytes, kindOf(h.descr), littleEndian(h.descr));
    if (!h.fortranOrder || h.shape.length < 2) return { shape: h.shape, data };
    const [rows, cols] = h.shape;
    const out = new Float32Array(data.length); // element (i, j) is data[j·rows + i] in column-major order
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = data[j * rows + i];
    return { shape: h.shape, data: out };
  });
}

/** The array as a row-major table whose rows can be read alone, or null when it is 2-D in Fortran order. */
export function npyTable(blob: Blob, h: NpyHeader, name: string): RowMajorTable | null {
  if (h.fortranOrder && h.shape.length === 2) return null;
  const [rows, cols] = h.shape.length === 2 ? h.shape : [1, h.shape[0]];
  const kind = kindOf(h.descr);
  return {
    blob,
    label: fileLabel(blob, '.npy'),
    name,
    begin: h.dataOffset,
    rows,
    cols,
    kind,
    littleEndian: littleEndian(h.descr),
  };
}

async function readHeader(blob: Blob, label: string): Promise<NpyHeader> {
  if (blob.size < 10) {
    throw new CheckpointError('ckpt.npy.tooShort', { label, size: blob.size });
  }
  const pre = await readRange(blob, 0, Math.min(12, blob.size), label, msg('ckpt.part.magic'));
  if (!MAGIC.every((b, i) => pre[i] === b)) {
    throw new CheckpointError('ckpt.npy.magic', { label, sniff: sniff(pre) });
  }
  const [major, minor] = [pre[6], pre[7]];
  if (![1, 2, 3].includes(major) || minor !== 0) {
    throw new CheckpointError('ckpt.npy.version', { label, major, minor });
  }
  const version = `${major}.0` as NpyHeader['version'];
  const start = major === 1 ? 10 : 12;
  if (blob.size < start) {
    throw new CheckpointError('ckpt.npy.tooShortVersion', { label, size: blob.size, version });
  }
  const view = new DataView(pre.buffer, pre.byteOffset, pre.byteLength);
  const n = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (n > MAX_NPY_HEADER_BYTES) {
    throw new CheckpointError('ckpt.npy.headerTooLong', { label, n, max: MAX_NPY_HEADER_BYTES });
  }
  if (start + n > blob.size) {
    throw new CheckpointError('ckpt.npy.headerCut', { label, n, left: blob.size - start });
  }
  const raw = await readRange(blob, start, start + n, label, msg('ckpt.part.header'));
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new CheckpointError('ckpt.npy.utf8', { label, start, end: start + n });
    }
  } else {
    text = Array.from(raw, (b) => String.fromCharCode(b)).join(''); // latin-1
  }
  const { descr, shape, fortranOrder } = checkDict(text, label, start, n);
  const dataOffset = start + n;
  const dataLength = product(shape) * ITEM_BYTES[descr.slice(1)];
  if (dataOffset + dataLength > blob.size) {
    throw new CheckpointError('ckpt.npy.dataCut', {
      label,
      shape: shape.join(', '),
      descr,
      need: dataLength,
      left: blob.size - dataOffset,
    });
  }
  return { version, descr, shape, fortranOrder, dataOffset, dataLength };
}

function checkDict(
  text: string,
  label: string,
  start: number,
  n: number,
): { descr: NpyDtype; shape: number[]; fortranOrder: boolean } {
  let dict: PyValue;
  try {
    dict = parsePyLiteral(text);
  } catch (e) {
    if (!(e instanceof PyLiteralError) && !(e instanceof RangeError)) throw e;
    throw new CheckpointError('ckpt.npy.notLiteral', { label, start, end: start + n, detail: e.message });
  }
  if (!(dict instanceof Map)) {
    throw new CheckpointError('ckpt.npy.notDict', { label });
  }
  for (const key of ['descr', 'fortran_order', 'shape']) {
    if (!dict.has(key)) throw new CheckpointError('ckpt.npy.noEntry', { label, key });
  }
  const descr = dict.get('descr');
  const order = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (typeof descr !== 'string') {
    throw new CheckpointError('ckpt.npy.structured', { label });
  }
  if (!DESCR.test(descr)) {
    throw new CheckpointError('ckpt.npy.dtype', { label, descr });
  }
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && d >= 0)) {
    throw new CheckpointError('ckpt.npy.shape', { label });
  }
  if (typeof order !== 'boolean') throw new CheckpointError('ckpt.npy.order', { label });
  const dims = shape as number[];
  if (dims.length < 1 || dims.length > 2) {
    throw new CheckpointError('ckpt.npy.rank', { label, rank: dims.length, shape: dims.join(', ') });
  }
  return { descr: descr as NpyDtype, shape: dims, fortranOrder: order };
}

/** A .npy file (version 1.0, '<f4', C order) exactly as np.save writes it: data starts at a multiple of 64. */
export function writeNpy(shape: number[], data: Float32Array): Uint8Array<ArrayBuffer> {
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0) || product(shape) !== data.length) {
    throw new Error(`writeNpy: shape (${shape.join(', ')}) does not hold ${data.length} values`);
  }
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${tuple}, }`;
  if (shape.length > 0) dict += ' '.repeat(21 - String(shape[0]).length); // numpy's spare room for growth
  const hlen = dict.length + 1; // + '\n'
  const v1 = hlen + 64 - ((10 + hlen) % 64) <= 0xffff;
  const start = v1 ? 10 : 12;
  const pad = 64 - ((start + hlen) % 64); // numpy pads a full 64 when already aligned
  const headerLength = hlen + pad;
  const out = new Uint8Array(start + headerLength + 4 * data.length);
  out.set(MAGIC);
  out[6] = v1 ? 1 : 2;
  const view = new DataView(out.buffer);
  if (v1) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  for (let i = 0; i < dict.length; i++) out[start + i] = dict.charCodeAt(i);
  out.fill(0x20, start + dict.length, start + headerLength - 1);
  out[start + headerLength - 1] = 0x0a;
  writeF32LE(out, start + headerLength, data);
  return out;
}
