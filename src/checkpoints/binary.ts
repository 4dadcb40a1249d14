// Shared pieces of the checkpoint parsers: the one error type they throw, byte-range reads from a Blob, and
// little-endian decoding that is correct on any host.
// Conventions: a parser reads only the byte ranges it needs (`blob.slice(a, b).arrayBuffer()`), never the whole
// file; every failure reaches the caller as a CheckpointError whose message names the file part and the numbers.
// Its message is data (protocol/msg.ts, keys `ckpt.*` in protocol/textCheckpoints.ts): msgOf hands it to the UI,
// which renders it in the interface's language; `message` is the English rendering.
import { MsgError, msg, type Msg, type MsgKey, type MsgParam } from '../protocol/msg.ts';

/** A checkpoint file that cannot be read; the message is meant for the user. */
export class CheckpointError extends MsgError {
  constructor(key: MsgKey, params?: Record<string, MsgParam>, options?: { cause?: unknown }) {
    super(msg(key, params), options);
    this.name = 'CheckpointError';
  }
}

/** The file's name when the Blob is a File, else a generic label; every error message starts with it. */
export function fileLabel(blob: Blob, kind: string): string {
  const name = (blob as Blob & { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : `${kind} file`;
}

/** Runs a parser step and turns anything that is not a CheckpointError (TypeError, RangeError …) into one. */
export async function guard<T>(label: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof CheckpointError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new CheckpointError('ckpt.readFailed', { label, detail }, { cause: e });
  }
}

/** Bytes [start, end) of the blob; a short read (the file changed or was cut) is an error naming the part. */
export async function readRange(
  blob: Blob,
  start: number,
  end: number,
  label: string,
  part: Msg,
): Promise<Uint8Array> {
  if (end > blob.size)
    throw new CheckpointError('ckpt.truncatedPart', { label, part, start, end, size: blob.size });
  const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
  if (bytes.length !== end - start) {
    throw new CheckpointError('ckpt.shortRead', { label, part, start, end, got: bytes.length });
  }
  return bytes;
}

/** Product of the dimensions (1 for a scalar). */
export function product(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Little-endian float32 words → Float32Array (zero-copy when the host is little-endian and aligned). */
export function f32FromLE(bytes: Uint8Array): Float32Array {
  const n = bytes.length >> 2;
  if (littleEndianHost && bytes.byteOffset % 4 === 0)
    return new Float32Array(bytes.buffer, bytes.byteOffset, n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

/** Little-endian float64 words → Float32Array (each value rounded to the nearest float32). */
export function f64FromLE(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length >> 3);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}

/** Little-endian 16-bit words → Uint16Array. */
export function u16FromLE(bytes: Uint8Array): Uint16Array {
  const n = bytes.length >> 1;
  if (littleEndianHost && bytes.byteOffset % 2 === 0)
    return new Uint16Array(bytes.buffer, bytes.byteOffset, n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getUint16(2 * i, true);
  return out;
}

/** Float32 values → their little-endian bytes, written into `out` at `offset`. */
export function writeF32LE(out: Uint8Array, offset: number, data: Float32Array): void {
  if (littleEndianHost) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
    return;
  }
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i < data.length; i++) view.setFloat32(offset + 4 * i, data[i], true);
}

/** A guess at what a file that failed to parse really is, from its first bytes (an empty message when nothing is recognised). */
export function sniff(first: Uint8Array): Msg {
  const starts = (s: string) =>
    s.length <= first.length && [...s].every((c, i) => first[i] === c.charCodeAt(0));
  if (starts('PK\x03\x04')) return msg('ckpt.sniff.zip');
  if (starts('\x93NUMPY')) return msg('ckpt.sniff.npy');
  if (starts('GGUF')) return msg('ckpt.sniff.gguf');
  if (first.length > 1 && first[0] === 0x80 && first[1] >= 2 && first[1] <= 5)
    return msg('ckpt.sniff.pickle');
  if (starts('{') || starts('[')) return msg('ckpt.sniff.json');
  return msg('err.raw', { text: '' });
}
