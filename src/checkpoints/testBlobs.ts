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
    !err.message.includes('could not be read')
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
