// A checkpoint token table too big for the device (the device's buffer limit is set to 64 KiB here, so a
// [V, 4] float32 table of a 50k-id tokenizer does not fit): a text's rows are read alone, from their own byte
// ranges only (bytes counted with SpyBlob); neighbours and quantisation stream the table in chunks and agree
// with the whole-table path (limit lifted) and with cosines computed here in float64; a vocabulary projection
// reads only its sampled rows.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FromEngine, Matrix } from '../protocol/messages.ts';
import { DEFAULT_PROJECTION, DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { readPublicData } from '../tokenizers/testData.ts';
import { f32LE, packSafetensors, SpyBlob } from '../checkpoints/testBlobs.ts';
import { Pipeline } from './pipeline.ts';
import { neighbours, quantise } from './requests.ts';
import { project, sampleIds } from './projection.ts';

const limit = vi.hoisted(() => ({ bytes: null as number | null }));
vi.mock('./limits.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./limits.ts')>()),
  deviceLimits: () =>
    limit.bytes === null ? null : { maxBufferSize: limit.bytes, maxStorageBufferBindingSize: limit.bytes },
}));

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

let pipeline: Pipeline;
beforeEach(() => {
  pipeline = new Pipeline(readPublicData);
  limit.bytes = 64 * 1024;
});
afterEach(() => pipeline.dispose());

const d = 4;
/** Table values that name their place without ties: a fixed pseudo-random pattern in [−1, 1). */
const wte = (r: number, j: number) => Math.fround((((r * 7919 + j * 104729) % 2003) - 1001.5) / 1000);

async function run(spec: RunSpec): Promise<FromEngine[]> {
  const out: FromEngine[] = [];
  await pipeline.run(
    1,
    spec,
    (m) => out.push(structuredClone(m)),
    () => false,
  );
  return out;
}
const matrix = (msgs: FromEngine[], name: string): Matrix => {
  for (const m of msgs) if (m.type === 'matrix' && m.matrix.name === name) return m.matrix;
  throw new Error(`no matrix ${name}`);
};

/** Opens a [vocab, 4] F32 table named model.embed_tokens.weight (packed by hand) in a SpyBlob. */
async function load() {
  const base: RunSpec = { ...DEFAULT_SPEC, tokenizer: 'gpt2', d };
  const tokens = (await run({ ...base, text: '' })).find((m) => m.type === 'tokens');
  const V = tokens?.type === 'tokens' ? tokens.vocabSize : 0;
  const values = Array.from({ length: V * d }, (_, i) => wte(Math.floor(i / d), i % d));
  const bytes = packSafetensors([
    { name: 'model.embed_tokens.weight', dtype: 'F32', shape: [V, d], bytes: f32LE(values) },
  ]);
  const spy = new SpyBlob([bytes]);
  const info = await pipeline.checkpoint.open([{ file: spy, name: 'big.safetensors' }]);
  const spec: RunSpec = { ...base, embedding: 'checkpoint', checkpoint: info.proposed };
  return { V, spy, spec, begin: bytes.length - V * d * 4 };
}

describe('a token table bigger than the device', () => {
  test("a text's rows are read alone: only those rows' bytes, values equal to the file's rows", async () => {
    const { spy, spec, begin, V } = await load();
    expect(spec.checkpoint.token).toBe('model.embed_tokens.weight');
    const before = spy.ranges.length;
    const msgs = await run({ ...spec, text: 'the cat sat on the mat' });
    const tokens = msgs.find((m) => m.type === 'tokens');
    const ids = tokens?.type === 'tokens' ? tokens.tokens.map((t) => t.id) : [];
    const E = matrix(msgs, 'embeddings');
    expect(E.shape).toEqual([ids.length, d]);
    ids.forEach((id, r) => {
      for (let j = 0; j < d; j++) expect(E.data[r * d + j]).toBe(wte(id, j));
    });
    const reads = spy.ranges.slice(before);
    for (const [a, b] of reads) {
      expect((a - begin) % (d * 4)).toBe(0);
      expect((b - begin) % (d * 4)).toBe(0);
      expect(a).toBeGreaterThanOrEqual(begin);
      expect(b).toBeLessThanOrEqual(begin + V * d * 4);
    }
    const read = reads.reduce((s, [a, b]) => s + b - a, 0);
    expect(read).toBe(new Set(ids).size * d * 4);
  });

  test('the whole table is refused by name and size, not read', async () => {
    const { spy, spec, V } = await load();
    const n = spy.ranges.length;
    const { source } = await pipeline.tokenise(spec);
    await expect(pipeline.sources.tokenTable(spec, source)).rejects.toThrow(
      `The token table "model.embed_tokens.weight" (${V.toLocaleString('en')} × 4, 1 MiB) is larger than this GPU's`,
    );
    expect(spy.ranges.length).toBe(n);
  });

  test('neighbours stream the table with progress and match cosines computed here in float64', async () => {
    const { spec, V } = await load();
    const progress: number[] = [];
    const id = 1234;
    const { list } = await neighbours(pipeline, spec, id, 5, (done, total) => progress.push(done, total));
    expect(progress.slice(-2)).toEqual([V, V]);
    expect(progress.length).toBe(2 * Math.ceil(V / 4096));
    const row = (r: number) => Array.from({ length: d }, (_, j) => wte(r, j));
    const norm = (v: number[]) => Math.hypot(...v);
    const q = row(id);
    const cos = (r: number) => row(r).reduce((s, x, j) => s + x * q[j], 0) / norm(row(r)) / norm(q);
    const ref = Array.from({ length: V }, (_, r) => (r === id ? -Infinity : cos(r))).sort((a, b) => b - a);
    expect(list).toHaveLength(5);
    list.forEach((n, i) => {
      expect(n.cosine).toBeCloseTo(cos(n.id), 5);
      expect(n.cosine).toBeCloseTo(ref[i], 5); // the i-th best, whichever of near-equal rows it is
    });
  });

  test('quantisation streams the table and gives the same statistics as the whole-table path', async () => {
    const { spec, V } = await load();
    const text = { ...spec, text: 'the cat' };
    let chunks = 0;
    const streamed = await quantise(pipeline, text, () => chunks++);
    expect(chunks).toBe(Math.ceil(V / 4096)); // it did stream
    limit.bytes = null; // the same file, held whole
    const whole = await quantise(pipeline, text);
    expect(streamed.stats.tokenParams).toBe(V * d);
    expect(streamed.stats).toEqual(whole.stats);
    expect(Array.from(streamed.int8.data)).toEqual(Array.from(whole.int8.data));
  });

  test('a vocabulary projection reads only its 50 sampled rows', async () => {
    const { spy, spec, V } = await load();
    const before = spy.ranges.length;
    const out: FromEngine[] = [];
    const proj = {
      ...DEFAULT_PROJECTION,
      source: 'vocabulary' as const,
      method: 'pca' as const,
      sample: 50,
      seed: 3,
    };
    await project(
      pipeline,
      1,
      spec,
      proj,
      (m) => out.push(m),
      () => false,
    );
    const last = out.filter((m) => m.type === 'projection').at(-1);
    expect(last?.type === 'projection' && Array.from(last.keys)).toEqual(Array.from(sampleIds(V, 50, 3)));
    const read = spy.ranges.slice(before).reduce((s, [a, b]) => s + b - a, 0);
    expect(read).toBe(50 * d * 4);
  });
});
