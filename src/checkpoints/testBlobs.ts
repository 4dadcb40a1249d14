// Test helpers for the checkpoint parsers (used by the *.test.ts files beside it, never by the app): a Blob that
// logs which byte ranges are read and refuses whole-file reads, one whose reads fail, and checks on what a parse
// threw.
import { CheckpointError } from './binary.ts';

/** A Blob that records every slice taken from it and throws if read whole. */
export class SpyBlob extends Blob {
  readonly ranges: [number, number][] = [];

  override slice(start = 0, end = this.size, contentType?: string): Blob {
    this.ranges.push([start, Math.min(end, this.size)]);
    return super.slice(start, end, contentType);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error('the parser read the whole file');
  }
  override text(): Promise<string> {
    throw new Error('the parser read the whole file');
  }

  get bytesRead(): number {
    return this.ranges.reduce((s, [a, b]) => s + (b - a), 0);
  }
}

/** A Blob whose reads fail the way a File does when it changed on disk after being chosen. */
export class UnreadableBlob extends Blob {
  override slice(start?: number, end?: number, contentType?: string): Blob {
    const part = super.slice(start, end, contentType);
    part.arrayBuffer = () => Promise.reject(new TypeError('NotReadableError: the file changed'));
    return part;
  }
}

/**
 * True when the parse succeeded or failed with a CheckpointError that diagnoses the problem itself (not the
 * catch-all "could not be read" wrapping of an unexpected TypeError/RangeError).
 */
export function diagnosed(err: unknown): boolean {
  if (err === null) return true;
  return (
    err instanceof CheckpointError &&
    err.constructor === CheckpointError &&
    err.message.length > 20 &&
    err.msg.key !== 'ckpt.readFailed'
  );
}

/** What the parse threw, or null when it succeeded. */
export async function thrownBy(parse: () => Promise<unknown>): Promise<unknown> {
  try {
    await parse();
    return null;
  } catch (e) {
    return e ?? new Error('threw a nullish value');
  }
}

/** Bytes as a Blob (copied, so later edits to the arrays do not change it). */
export const blobOf = (...parts: Uint8Array[]) => new Blob(parts.map((p) => p.slice()));

/** Little-endian float32 words, packed with DataView. */
export function f32LE(values: readonly number[]): Uint8Array<ArrayBuffer> {
  const v = new DataView(new ArrayBuffer(4 * values.length));
  values.forEach((x, i) => v.setFloat32(4 * i, x, true));
  return new Uint8Array(v.buffer);
}

/**
 * A safetensors file packed by hand per the format's spec (independent of the module's writer): u64 LE header
 * length, the JSON header with data_offsets counted from the data section, spaces up to a multiple of 8, data.
 */
export function packSafetensors(
  tensors: readonly { name: string; dtype: string; shape: number[]; bytes: Uint8Array }[],
): Uint8Array<ArrayBuffer> {
  const header: Record<string, unknown> = {};
  let at = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [at, at + t.bytes.length] };
    at += t.bytes.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const n = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + n + at);
  new DataView(out.buffer).setUint32(0, n, true); // high word 0
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + n);
  let p = 8 + n;
  for (const t of tensors) {
    out.set(t.bytes, p);
    p += t.bytes.length;
  }
  return out;
}
