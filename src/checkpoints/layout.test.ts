// Reading rows alone from a row-major table in a safetensors file packed by hand: the bytes read are counted
// (SpyBlob wraps Blob.slice) and must be exactly the needed rows' ranges, and the values must equal the rows of
// the whole tensor read at once.
import { describe, expect, test } from 'vitest';
import { coalesceRows, readRows, rowChunks, swapBytes } from './layout.ts';
import { readSafetensorsHeader, readTensor, safetensorsTable } from './safetensors.ts';
import { packSafetensors, SpyBlob } from './testBlobs.ts';

// E [1000, 16] in BF16: element (r, j) is the bf16 pattern 0x4000 + ((r * 16 + j) % 0x3f00), all finite
const V = 1000;
const d = 16;
const words = new DataView(new ArrayBuffer(2 * V * d));
for (let i = 0; i < V * d; i++) words.setUint16(2 * i, 0x4000 + (i % 0x3f00), true);
const bytes = packSafetensors([
  { name: 'pad', dtype: 'F32', shape: [3], bytes: new Uint8Array(12) },
  { name: 'model.embed_tokens.weight', dtype: 'BF16', shape: [V, d], bytes: new Uint8Array(words.buffer) },
]);
/** bf16 pattern w as float32: the pattern in the top half of a float32 word. */
const bf16 = (w: number) => new Float32Array(new Uint32Array([w << 16]).buffer)[0];

describe('reading rows alone', () => {
  test('rows 5, 6, 7, 500, 5, 999 read three byte ranges (5–7 coalesced) and nothing else', async () => {
    const spy = new SpyBlob([bytes]);
    const info = (await readSafetensorsHeader(spy)).find((t) => t.name === 'model.embed_tokens.weight')!;
    const before = spy.ranges.length;
    const table = safetensorsTable(spy, info)!;
    const ids = [5, 6, 7, 500, 5, 999];
    const rows = await readRows(table, ids);
    const rowBytes = 2 * d; // 32
    const at = (r: number) => info.begin + r * rowBytes;
    expect(spy.ranges.slice(before)).toEqual([
      [at(5), at(8)],
      [at(500), at(501)],
      [at(999), at(1000)],
    ]);
    expect(spy.bytesRead - spy.ranges.slice(0, before).reduce((s, [a, b]) => s + b - a, 0)).toBe(
      5 * rowBytes,
    );
    // each row equals the hand-computed bf16 value and the same row of the whole tensor
    const whole = (await readTensor(new Blob([bytes]), info)).data;
    ids.forEach((r, i) => {
      for (let j = 0; j < d; j++) {
        expect(rows[i * d + j]).toBe(bf16(0x4000 + ((r * d + j) % 0x3f00)));
        expect(rows[i * d + j]).toBe(whole[r * d + j]);
      }
    });
  });

  test('an id outside the table is refused by name, before anything is read', async () => {
    const spy = new SpyBlob([bytes]);
    const info = (await readSafetensorsHeader(spy))[1];
    const n = spy.ranges.length;
    await expect(readRows(safetensorsTable(spy, info)!, [3, 1000])).rejects.toThrow(
      'row 1000 is outside "model.embed_tokens.weight", which has rows 0…999',
    );
    expect(spy.ranges.length).toBe(n);
  });

  test('streaming in chunks of 300 rows covers the table in 4 reads that equal the whole tensor', async () => {
    const spy = new SpyBlob([bytes]);
    const info = (await readSafetensorsHeader(spy))[1];
    const whole = (await readTensor(new Blob([bytes]), info)).data;
    const seen: number[] = [];
    for await (const c of rowChunks(safetensorsTable(spy, info)!, 300)) {
      seen.push(c.first, c.rows);
      expect(c.data).toEqual(whole.subarray(c.first * d, (c.first + c.rows) * d));
    }
    expect(seen).toEqual([0, 300, 300, 300, 600, 300, 900, 100]);
  });

  test('coalesceRows and swapBytes on small cases', () => {
    expect(coalesceRows([9, 3, 4, 4, 5, 7])).toEqual([
      [3, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(Array.from(swapBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 4))).toEqual([
      4, 3, 2, 1, 8, 7, 6, 5,
    ]);
  });
});
