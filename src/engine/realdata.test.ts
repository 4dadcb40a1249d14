// The engine with real data on the tfjs CPU backend: shipped GloVe rows, a checkpoint's learned position table,
// nearest neighbours, quantisation and projections — each checked against values computed here another way.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { FromEngine, Matrix } from '../protocol/messages.ts';
import { DEFAULT_PROJECTION, DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { readPublicData } from '../tokenizers/testData.ts';
import { splitWords } from '../tokenizers/word.ts';
import { f16ToF32 } from '../checkpoints/float16.ts';
import { normals } from '../numerics/rng.ts';
import { writeSafetensors } from '../checkpoints/safetensors.ts';
import { sinusoidalTopTwoShare } from '../analysis/testReference.ts';
import { Pipeline } from './pipeline.ts';
import { neighbours, quantise } from './requests.ts';
import { project } from './projection.ts';
import { msg } from '../protocol/msg.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

let pipeline: Pipeline;
beforeEach(() => {
  pipeline = new Pipeline(readPublicData);
});
afterEach(() => {
  pipeline.dispose();
});

async function run(spec: RunSpec): Promise<FromEngine[]> {
  const messages: FromEngine[] = [];
  await pipeline.run(
    1,
    spec,
    (m) => messages.push(structuredClone(m)),
    () => false,
  );
  return messages;
}

function matrix(messages: FromEngine[], name: string): Matrix {
  for (const m of messages) if (m.type === 'matrix' && m.matrix.name === name) return m.matrix;
  throw new Error(`no matrix named ${name}`);
}

/** GloVe's vocabulary and f16 table read straight from public/data, decoded here bit by bit. */
async function gloveFromDisk() {
  const words = new TextDecoder().decode(await readPublicData('glove-100d-vocab.txt')).split('\n');
  const bytes = await readPublicData('glove-100d.f16');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const row = (r: number) =>
    Array.from({ length: 100 }, (_, j) => f16ToF32(view.getUint16((r * 100 + j) * 2, true)));
  return { words, row, rows: bytes.byteLength / 200 };
}

const GLOVE: RunSpec = {
  ...DEFAULT_SPEC,
  embedding: 'glove-100d',
  tokenizer: 'word',
  d: 100,
  text: 'red cat',
};

describe('real embeddings in the engine', () => {
  test('GloVe rows gathered for "red cat" equal the shipped f16 rows of those words', async () => {
    const { words, row } = await gloveFromDisk();
    const E = matrix(await run(GLOVE), 'embeddings');
    expect(E.shape).toEqual([2, 100]);
    ['red', 'cat'].forEach((w, r) => {
      const id = words.indexOf(w);
      expect(id).toBeGreaterThan(0);
      expect(Array.from(E.data.subarray(r * 100, (r + 1) * 100))).toEqual(row(id));
    });
    expect(splitWords('red cat').map((s) => s.piece)).toEqual(['red', 'cat']);
  });

  test('the 10 nearest neighbours of "red" are the top 10 by float64 cosine over all rows', async () => {
    const { words, row, rows } = await gloveFromDisk();
    const id = words.indexOf('red');
    const q = row(id);
    const norm = (v: number[]) => Math.hypot(...v);
    const scores: Array<[number, number]> = [];
    for (let r = 0; r < rows; r++) {
      if (r === id) continue;
      const v = row(r);
      scores.push([r, v.reduce((s, x, j) => s + x * q[j], 0) / (norm(v) * norm(q))]);
    }
    scores.sort((a, b) => b[1] - a[1]);
    const got = await neighbours(pipeline, GLOVE, id, 10);
    expect(got.piece).toBe('red');
    expect(got.list.map((n) => n.id)).toEqual(scores.slice(0, 10).map((s) => s[0]));
    got.list.forEach((n, i) => expect(n.cosine).toBeCloseTo(scores[i][1], 5));
    expect(got.list.map((n) => n.piece)).toEqual(expect.arrayContaining(['yellow', 'blue', 'green']));
  }, 60_000);
});

describe('a checkpoint in the engine', () => {
  const d = 4;
  // wte [word vocabulary, 4] and wpe [6, 4], each value naming its place
  const wpe = (p: number, j: number) => Math.fround(0.1 * p - 0.01 * j);
  async function load(V: number) {
    const W = Float32Array.from({ length: V * d }, (_, i) => Math.fround(i / 1000));
    const P = Float32Array.from({ length: 6 * d }, (_, i) => wpe(Math.floor(i / d), i % d));
    const bytes = writeSafetensors([
      { name: 'model.wte.weight', shape: [V, d], data: W },
      { name: 'model.wpe.weight', shape: [6, d], data: P, dtype: 'F16' },
    ]);
    return pipeline.checkpoint.open([{ file: new Blob([bytes]), name: 'tiny.safetensors' }]);
  }

  test('its position table is the learned scheme, value for value (f16 in the file, rounded once)', async () => {
    const V = (await run({ ...DEFAULT_SPEC, text: '' })).find((m) => m.type === 'tokens');
    const vocab = V?.type === 'tokens' ? V.vocabSize : 0;
    const info = await load(vocab);
    expect(info.proposed).toEqual({ token: 'model.wte.weight', position: 'model.wpe.weight' });
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      d,
      pe: 'learned',
      embedding: 'checkpoint',
      checkpoint: info.proposed,
      text: 'the cat sat',
      params: { ...DEFAULT_SPEC.params, positions: 512 },
    };
    const msgs = await run(spec);
    const table = matrix(msgs, 'table');
    expect(table.shape).toEqual([6, d]); // the table view stops at the file's 6 positions
    expect(table.note).toEqual(msg('note.loadedShort', { n: 6 }));
    for (let p = 0; p < 6; p++)
      for (let j = 0; j < d; j++) expect(table.data[p * d + j]).toBeCloseTo(wpe(p, j), 3); // f16: 3 decimals
    const pe = matrix(msgs, 'pe');
    expect(Array.from(pe.data)).toEqual(Array.from(table.data.subarray(0, 3 * d)));
    // beside it: the sinusoidal table at the same d and their difference, against the closed form
    const diff = matrix(msgs, 'compare-diff');
    expect(diff.shape).toEqual([6, d]);
    for (let p = 0; p < 6; p++)
      for (let j = 0; j < d; j++) {
        const angle = p / 10000 ** ((2 * Math.floor(j / 2)) / d);
        const sinusoid = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
        expect(diff.data[p * d + j]).toBeCloseTo(table.data[p * d + j] - sinusoid, 5);
      }
    const done = msgs.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.names).toEqual(
      expect.arrayContaining(['compare-sin', 'compare-diff']),
    );
  });

  test('a text longer than the learned table is refused with both lengths named', async () => {
    const info = await load(300);
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      d,
      pe: 'learned',
      checkpoint: { token: null, position: info.proposed.position },
      text: 'a b c d e f g',
    };
    await expect(run(spec)).rejects.toThrow(
      'The text has 7 tokens but the loaded position table has 6 positions',
    );
  });
});

describe('quantisation', () => {
  test('f16 and per-row int8 round-trip errors equal those computed here in float64', async () => {
    const spec: RunSpec = { ...DEFAULT_SPEC, d: 8, text: 'the cat' };
    const { stats, int8 } = await quantise(pipeline, spec);
    const { source } = await pipeline.tokenise(spec);
    const table = (await (await pipeline.sources.tokenTable(spec, source)).data()) as Float32Array;
    let i8Max = 0;
    let f16Max = 0;
    for (let r = 0; r < table.length / 8; r++) {
      const row = Array.from(table.subarray(r * 8, r * 8 + 8));
      const scale = Math.max(...row.map(Math.abs)) / 127;
      for (const x of row) {
        const q = Math.max(-127, Math.min(127, Math.round(x / scale)));
        i8Max = Math.max(i8Max, Math.abs(x - Math.fround(q * Math.fround(scale))));
        // f16 keeps 11 significant bits: round x to a multiple of 2^(e−10), e = floor(log2|x|) (normal range)
        const step = 2 ** (Math.floor(Math.log2(Math.abs(x))) - 10);
        const r16 = Math.round(x / step) * step; // ties are measure-zero for Gaussian draws
        f16Max = Math.max(f16Max, Math.abs(x - r16));
      }
    }
    expect(stats.tokenParams).toBe(table.length);
    expect(stats.f16.max).toBeCloseTo(f16Max, 7);
    expect(stats.int8.max).toBeCloseTo(i8Max, 6);
    expect(int8.shape).toEqual([2, 8]);
  });
});

describe('projections', () => {
  test('PCA of sinusoidal positions (d=64, N=256) explains the share computed independently, with PC curves', async () => {
    const spec: RunSpec = { ...DEFAULT_SPEC, d: 64, params: { ...DEFAULT_SPEC.params, positions: 256 } };
    const out: FromEngine[] = [];
    await project(
      pipeline,
      1,
      spec,
      { ...DEFAULT_PROJECTION },
      (m) => out.push(m),
      () => false,
    );
    const msg = out[0];
    if (msg.type !== 'projection') throw new Error('expected a projection');
    expect(msg.n).toBe(256);
    expect(msg.pcCount).toBe(4);
    const share = (msg.explained ?? []).reduce((a, b) => a + b, 0);
    expect(share).toBeCloseTo(sinusoidalTopTwoShare(256, 64, 10000), 4);
  });

  test('a seeded t-SNE of the text tokens gives the same layout twice, streamed to done', async () => {
    const spec: RunSpec = { ...DEFAULT_SPEC, text: 'one two three four five six seven eight nine ten' };
    const proj = {
      ...DEFAULT_PROJECTION,
      source: 'tokens' as const,
      method: 'tsne' as const,
      iterations: 60,
    };
    const layouts: Float32Array[] = [];
    for (let k = 0; k < 2; k++) {
      const out: FromEngine[] = [];
      await project(
        pipeline,
        1,
        spec,
        proj,
        (m) => out.push(m),
        () => false,
      );
      const last = out[out.length - 1];
      if (last.type !== 'projection') throw new Error('expected a projection');
      expect(last.done).toBe(true);
      expect(last.iteration).toBe(60);
      layouts.push(last.points);
    }
    expect(Array.from(layouts[0])).toEqual(Array.from(layouts[1]));
  });
});

describe('table size limit', () => {
  const spec = { ...DEFAULT_SPEC, tokenizer: 'o200k', d: 2048, text: 'hi there' } as const;

  test("a random o200k table at d = 2048 is too big to build, so a run draws only the text's rows: the same numbers the whole table holds", async () => {
    const messages = await run(spec);
    const tokens = messages.find((m) => m.type === 'tokens');
    if (tokens?.type !== 'tokens') throw new Error('no tokens');
    const E = matrix(messages, 'embeddings');
    expect(E.shape).toEqual([tokens.tokens.length, 2048]);
    // Row i of the seeded N(0, 1) table is draws i·d … i·d + d − 1 of the stream (random.test.ts checks that
    // against the whole table at a small size).
    tokens.tokens.forEach((t, r) => {
      const want = normals(2048, spec.seed, t.id * 2048);
      expect(Array.from(E.data.subarray(r * 2048, (r + 1) * 2048))).toEqual(Array.from(want));
    });
  });

  test('a view of the whole table (neighbours) is refused with its size and the largest d that fits', async () => {
    // 200,019 ids × 2048 × 4 bytes = 1,562.6 MiB; 512 MiB allows d ≤ 670
    await expect(neighbours(pipeline, spec, 0, 5)).rejects.toThrow(
      'A random o200k table of 200,019 × 2048 would take 1563 MiB of GPU memory, over the 512 MiB limit; views of the whole table need d ≤ 670.',
    );
  });
});
