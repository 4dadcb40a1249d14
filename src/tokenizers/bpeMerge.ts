// Byte-pair encoding in O(n log n) per pre-token, for texts with very long pre-tokens (a 100,000-letter "word" or
// run of spaces), where gpt-tokenizer's merge loop, like tiktoken's, is quadratic (seconds per 100 kB). It gives
// the same ids: the same split regex, then, inside each pre-token, repeatedly merge the adjacent pair whose joined
// bytes have the lowest rank, the leftmost pair on ties. A heap holds the candidate pairs; merged-away pairs are
// skipped when they surface. Byte strings are keyed as binary strings (one UTF-16 unit per byte).
import type { RankTable } from './byteLevel.ts';

const encoder = new TextEncoder();

function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Byte string (as a binary string) → rank, for every entry of the rank table. */
export function rankMap(ranks: RankTable): Map<string, number> {
  const map = new Map<string, number>();
  ranks.forEach((v, id) =>
    map.set(binary(typeof v === 'string' ? encoder.encode(v) : Uint8Array.from(v)), id),
  );
  return map;
}

/** A min-heap of pairs ordered by (rank, start). */
class PairHeap {
  private items: [number, number, number][] = []; // [rank, start, end]

  get size(): number {
    return this.items.length;
  }

  push(item: [number, number, number]): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!PairHeap.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): [number, number, number] {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as [number, number, number];
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && PairHeap.less(a[l], a[m])) m = l;
        if (r < a.length && PairHeap.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }

  private static less(x: [number, number, number], y: [number, number, number]): boolean {
    return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  }
}

/** The ids of one pre-token's bytes (given as a binary string). */
export function mergePiece(bin: string, ranks: ReadonlyMap<string, number>): number[] {
  const whole = ranks.get(bin);
  if (whole !== undefined) return [whole];
  const n = bin.length;
  // Parts are named by their first byte; next[i] is where the part after part i starts (n: none).
  const next = Int32Array.from({ length: n }, (_, i) => i + 1);
  const prev = Int32Array.from({ length: n }, (_, i) => i - 1);
  const alive = new Uint8Array(n).fill(1);
  const heap = new PairHeap();
  const offer = (i: number) => {
    if (i < 0 || next[i] >= n) return;
    const j = next[i];
    const rank = ranks.get(bin.slice(i, next[j]));
    if (rank !== undefined) heap.push([rank, i, next[j]]);
  };
  for (let i = 0; i < n - 1; i++) offer(i);
  while (heap.size > 0) {
    const [, i, end] = heap.pop();
    const j = next[i];
    if (!alive[i] || j >= n || next[j] !== end) continue; // stale: one side has merged since
    alive[j] = 0;
    next[i] = next[j];
    if (next[j] < n) prev[next[j]] = i;
    offer(prev[i]);
    offer(i);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i = next[i]) out.push(ranks.get(bin.slice(i, next[i])) ?? -1);
  return out;
}

/** Encodes like gpt-tokenizer's encode with no special tokens: split regex, then mergePiece per pre-token. */
export function encodeOrdinary(text: string, split: RegExp, ranks: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const [piece] of text.matchAll(split)) {
    for (const id of mergePiece(binary(encoder.encode(piece)), ranks)) out.push(id);
  }
  return out;
}
