// The shipped-table loader: float16 decoding of hand-made files with known IEEE 754 bit patterns, and the clear
// errors for a missing, truncated, mismatched or corrupt file.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { FetchData } from '../tokenizers/tokenizer.ts';
import { loadShippedTable } from './shipped.ts';

/** A FetchData over in-memory files; an absent name rejects, as a failed fetch would. */
function memory(files: Record<string, Uint8Array>): FetchData {
  return async (file) => {
    if (!(file in files)) throw new Error(`404 ${file}`);
    return files[file];
  };
}

const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));

// IEEE 754 binary16 patterns (published): 1 = 0x3c00, −2 = 0xc000, 0.5 = 0x3800, 65504 (largest finite) = 0x7bff,
// 2^−24 (smallest subnormal) = 0x0001, 1/3 ≈ 0x3555 = 0.333251953125.
const WORDS = [0x3c00, 0xc000, 0x3800, 0x7bff, 0x0001, 0x3555];
const VALUES = [1, -2, 0.5, 65504, 2 ** -24, 0.333251953125];
const BYTES = new Uint8Array(WORDS.flatMap((w) => [w & 0xff, w >> 8])); // little-endian

function table(bytes = BYTES, meta: Record<string, unknown> = {}) {
  const sidecar = {
    file: 't.f16',
    shape: [2, 3],
    dtype: 'float16',
    bytes: 12,
    sha256: createHash('sha256').update(BYTES).digest('hex'),
    ...meta,
  };
  return memory({ 't.f16': bytes, 't.f16.json': json(sidecar) });
}

describe('loadShippedTable', () => {
  test('decodes little-endian float16 words into a row-major float32 table of the sidecar shape', async () => {
    const t = await loadShippedTable(table(), 't.f16');
    expect([t.rows, t.cols]).toEqual([2, 3]);
    expect(Array.from(t.data)).toEqual(VALUES);
  });

  test('decodes bfloat16 when the sidecar says so (bf16 is the top half of a float32: 0x3f80 = 1, 0xc040 = −3)', async () => {
    const bytes = new Uint8Array([0x80, 0x3f, 0x40, 0xc0]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const t = await loadShippedTable(
      memory({
        'b.bf16': bytes,
        'b.bf16.json': json({ shape: [1, 2], dtype: 'bfloat16', bytes: 4, sha256 }),
      }),
      'b.bf16',
    );
    expect(Array.from(t.data)).toEqual([1, -3]);
  });

  test('a missing table or sidecar is named in the error', async () => {
    const noTable = memory({ 't.f16.json': json({ shape: [2, 3], dtype: 'float16', bytes: 12 }) });
    await expect(loadShippedTable(noTable, 't.f16')).rejects.toThrow(
      'missing data file public/data/t.f16: 404',
    );
    await expect(loadShippedTable(memory({}), 't.f16')).rejects.toThrow(
      'missing data file public/data/t.f16.json',
    );
  });

  test('a truncated file is reported with both lengths', async () => {
    await expect(loadShippedTable(table(BYTES.subarray(0, 11)), 't.f16')).rejects.toThrow(
      'public/data/t.f16 is truncated: 11 bytes, but its sidecar says 12',
    );
  });

  test('a file longer than its sidecar says is rejected too', async () => {
    const longer = new Uint8Array(14);
    longer.set(BYTES);
    await expect(loadShippedTable(table(longer), 't.f16')).rejects.toThrow('longer than expected');
  });

  test('a sidecar whose shape does not match the file is rejected', async () => {
    // shape [3, 3] needs 18 bytes: the 12-byte file is then short
    await expect(loadShippedTable(table(BYTES, { shape: [3, 3], bytes: 18 }), 't.f16')).rejects.toThrow(
      'truncated: 12 bytes, but its sidecar says 18',
    );
    // a sidecar whose byte count contradicts its own shape
    await expect(loadShippedTable(table(BYTES, { shape: [3, 3] }), 't.f16')).rejects.toThrow(
      'sidecar of t.f16 disagrees with itself: 12 bytes for shape [3, 3]',
    );
    await expect(loadShippedTable(table(BYTES, { shape: [6] }), 't.f16')).rejects.toThrow(
      'shape [6] is not [rows, cols]',
    );
    await expect(loadShippedTable(table(BYTES, { dtype: 'float32' }), 't.f16')).rejects.toThrow(
      'unsupported dtype float32',
    );
  });

  test('a sidecar that is not JSON (e.g. an HTML fallback page) is reported', async () => {
    const html = new TextEncoder().encode('<!doctype html>');
    await expect(loadShippedTable(memory({ 't.f16': BYTES, 't.f16.json': html }), 't.f16')).rejects.toThrow(
      'sidecar public/data/t.f16.json is not JSON',
    );
  });

  test('a file of the right length whose sha256 differs from the sidecar (node:crypto) is reported as corrupt', async () => {
    const flipped = BYTES.slice();
    flipped[3] ^= 0x01;
    await expect(loadShippedTable(table(flipped), 't.f16')).rejects.toThrow(
      'public/data/t.f16 is corrupt: sha256',
    );
  });
});
