// The hover's exact values of a pooled E, PE or X (engine/cells.ts) on the tfjs CPU backend, at the widest size the
// app draws pooled (8,192 tokens at d = 4,096). References computed another way: the float64 sinusoid closed form for
// PE, the seeded N(0, 1) table's row (numerics/rng.ts draws id·d … id·d + d − 1) times √d for E, their sum for X.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FromEngine, Matrix } from '../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import type { CellBlock, CellMatrix, CellRect } from '../protocol/cells.ts';
import { normals } from '../numerics/rng.ts';
import { readPublicData } from '../tokenizers/testData.ts';
import { Pipeline } from './pipeline.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)), in float64. */
function sinusoid64(p: number, j: number, d: number, base = 10000): number {
  const a = p / Math.pow(base, (2 * Math.floor(j / 2)) / d);
  return j % 2 === 0 ? Math.sin(a) : Math.cos(a);
}

const T = 8192;
const d = 4096;
const SPEC: RunSpec = {
  ...DEFAULT_SPEC,
  text: 'ab'.repeat(T / 2),
  tokenizer: 'char',
  d,
  seed: 11,
  scaleEmbeddings: true, // √4096 = 64: E = 64 · table row, exactly (a power of two)
  params: { ...DEFAULT_SPEC.params, base: 10000, layout: 'interleaved', positions: 64 },
};

describe('exact cells of a pooled 8,192 × 4,096 E, PE and X', () => {
  const pipeline = new Pipeline(readPublicData, { quietMs: 0 });
  let ids: Int32Array;
  let V = 0;
  const VIEW = 7;

  beforeAll(async () => {
    const { tokens, source } = await pipeline.tokenise(SPEC);
    expect(tokens).toHaveLength(T);
    ids = Int32Array.from(tokens, (t) => t.id);
    V = source.vocabSize;
    pipeline.cells.hold(
      VIEW,
      SPEC,
      ids,
      tokens.map((t) => t.text),
    );
  });
  afterAll(() => pipeline.dispose());

  /** E[t, j] from the seeded table: draws ids[t]·d + j of the N(0, 1) stream, times √d = 64. */
  const rowCache = new Map<number, Float32Array>();
  const e64 = (t: number, j: number) => {
    const id = ids[t];
    let row = rowCache.get(id);
    if (!row) rowCache.set(id, (row = normals(d, SPEC.seed, id * d)));
    return row[j] * 64;
  };
  const REF: Record<CellMatrix, (t: number, j: number) => number> = {
    pe: (t, j) => sinusoid64(t, j, d),
    embeddings: e64,
    input: (t, j) => e64(t, j) + sinusoid64(t, j, d),
  };

  const read = async (name: CellMatrix, block: CellRect, at: [number, number]) => {
    const b = await pipeline.cells.read({ view: VIEW, name, block, at });
    if (!b) throw new Error('no answer');
    return b;
  };

  /** Worst |exact − reference| over the answer's window, and the block's range against the reference's. */
  function check(b: CellBlock, ref: (t: number, j: number) => number, tol: (r: number) => number) {
    const m = b.window.cols[1] - b.window.cols[0] + 1;
    for (let t = b.window.rows[0]; t <= b.window.rows[1]; t++)
      for (let j = b.window.cols[0]; j <= b.window.cols[1]; j++) {
        const r = ref(t, j);
        const got = b.values[(t - b.window.rows[0]) * m + (j - b.window.cols[0])];
        expect(Math.abs(got - r), `[${t}, ${j}]`).toBeLessThanOrEqual(tol(r));
      }
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let n = 0;
    for (let t = b.block.rows[0]; t <= b.block.rows[1]; t++)
      for (let j = b.block.cols[0]; j <= b.block.cols[1]; j++) {
        const r = ref(t, j);
        min = Math.min(min, r);
        max = Math.max(max, r);
        sum += r;
        n++;
      }
    expect(Math.abs(b.min - min)).toBeLessThanOrEqual(tol(min));
    expect(Math.abs(b.max - max)).toBeLessThanOrEqual(tol(max));
    expect(Math.abs(b.mean - sum / n)).toBeLessThanOrEqual(tol(sum / n));
  }
  // PE from the exact-angle twin: float32 of a value within ~1e-9 of float64. E: exact. X: one float32 rounding.
  const TOL = (r: number) => 1e-6 + 1.2e-7 * Math.abs(r);

  // A block of 8 tokens × 8 dims (the pooled grid at d = 8,192) far down and far right.
  const BLOCK: CellRect = { rows: [8184, 8191], cols: [4088, 4095] };

  test.each<CellMatrix>(['pe', 'embeddings', 'input'])(
    '%s: all 64 values of an 8 × 8 block and its min, max and mean match the references',
    async (name) => {
      const b = await read(name, BLOCK, [8190, 4093]);
      expect(b.window).toEqual(BLOCK);
      expect(b.values).toHaveLength(64);
      expect(b.labels).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
      check(b, REF[name], TOL);
    },
  );

  test('E rows are the token table rows of the ids: the two tokens a and b give two rows, repeated', async () => {
    expect(V).toBeGreaterThan(1);
    const b = await read('embeddings', { rows: [4092, 4095], cols: [0, 3] }, [4093, 1]);
    const row = (t: number) => Array.from(b.values.subarray((t - 4092) * 4, (t - 4091) * 4));
    expect(row(4092)).toEqual(row(4094));
    expect(row(4093)).toEqual(row(4095));
    expect(row(4092)).not.toEqual(row(4093));
  });

  test('a block larger than 8 × 8 answers the 8 × 8 values around the pointer and the range of all of it', async () => {
    const block: CellRect = { rows: [1000, 1031], cols: [2000, 2063] };
    const b = await read('pe', block, [1030, 2001]);
    expect(b.window).toEqual({ rows: [1024, 1031], cols: [2000, 2007] });
    expect(b.values).toHaveLength(64);
    check(b, REF.pe, TOL);
  });

  test('a request of another view, or after a run of another spec starts, answers null', async () => {
    const at: [number, number] = [8190, 4093];
    expect(await pipeline.cells.read({ view: VIEW + 1, name: 'pe', block: BLOCK, at })).toBeNull();
    pipeline.cells.keepOnly(SPEC); // the same spec again: the view stays
    expect(await pipeline.cells.read({ view: VIEW, name: 'pe', block: BLOCK, at })).not.toBeNull();
    pipeline.cells.keepOnly({ ...SPEC, text: SPEC.text + 'a' });
    expect(await pipeline.cells.read({ view: VIEW, name: 'pe', block: BLOCK, at })).toBeNull();
  });
});

describe('a pooled run', () => {
  test('names its view in Pooled.view, and the exact cells of a block of 3 tokens match float64', async () => {
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      text: 'ab'.repeat(1500),
      tokenizer: 'char',
      d: 16,
      params: { ...DEFAULT_SPEC.params, positions: 64 },
    };
    const pipeline = new Pipeline(readPublicData, { quietMs: 0 });
    const got: Record<string, Matrix> = {};
    const post = (m: FromEngine) => {
      if (m.type === 'matrix') got[m.matrix.name] = structuredClone(m.matrix);
    };
    try {
      await pipeline.run(42, spec, post, () => false, null, 'foundation');
      const kept = tf.memory().numTensors; // the token and position tables, kept between runs
      const pooled = got.pe.pooled;
      expect(pooled?.view).toBe(42);
      expect(pooled?.rowBlock).toBe(3);
      // Pooled row 700 is tokens 2100…2102.
      const block: CellRect = { rows: [2100, 2102], cols: [0, 15] };
      const b = await pipeline.cells.read({ view: 42, name: 'pe', block, at: [2101, 5] });
      expect(b?.window).toEqual({ rows: [2100, 2102], cols: [1, 8] }); // 8 columns around j = 5
      for (let t = 2100; t <= 2102; t++)
        for (let j = 1; j <= 8; j++)
          expect(Math.abs(b!.values[(t - 2100) * 8 + j - 1] - sinusoid64(t, j, 16))).toBeLessThan(1e-6);
      // The drawn block mean of this row is the mean of the block's exact values.
      for (let j = 0; j < 16; j++) {
        const one = await pipeline.cells.read({
          view: 42,
          name: 'pe',
          block: { rows: [2100, 2102], cols: [j, j] },
          at: [2100, j],
        });
        expect(Math.abs(one!.mean - got.pe.data[700 * 16 + j])).toBeLessThan(1e-6);
      }
      // Reading leaves no tensor behind.
      expect(tf.memory().numTensors).toBe(kept);
    } finally {
      pipeline.dispose();
    }
  });
});
