// The embedding-source registry: every name resolves to the source of that name, unknown names throw, and the
// random source keys and refuses tables as its header says.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, EMBEDDINGS, type RunSpec } from '../protocol/specs.ts';
import { getEmbeddingSource } from './registry.ts';
import type { TableContext, TokenSource } from './source.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const tokens = (vocabSize: number): TokenSource => ({
  key: 'o200k',
  vocabSize,
  tokenize: () => [],
  piece: (id) => `#${id}`,
});

const context = (spec: RunSpec, vocabSize: number): TableContext => ({
  spec,
  tokens: tokens(vocabSize),
  fetchData: async () => {
    throw new Error('no fetch in this test');
  },
  checkpointTensor: async () => {
    throw new Error('no checkpoint in this test');
  },
  checkpointShape: () => null,
  checkpointRows: async () => {
    throw new Error('no checkpoint in this test');
  },
  checkpointChunks: () => {
    throw new Error('no checkpoint in this test');
  },
  checkpointGeneration: 0,
  tooBig: () => null,
});

describe('embedding source registry', () => {
  test('every name in EMBEDDINGS resolves to the source of that name', () => {
    for (const name of EMBEDDINGS) expect(getEmbeddingSource(name).name).toBe(name);
  });

  test("an unknown name throws 'unknown embedding: x', including names inherited from Object.prototype", () => {
    expect(() => getEmbeddingSource('x')).toThrow('unknown embedding: x');
    expect(() => getEmbeddingSource('constructor')).toThrow('unknown embedding: constructor');
  });

  test('only GloVe brings its own vocabulary; the others use the spec’s tokenizer', () => {
    const own = EMBEDDINGS.filter((n) => getEmbeddingSource(n).tokens !== undefined);
    expect(own).toEqual(['glove-100d']);
  });

  test('the random key changes with every input that changes the table, and only with those', () => {
    const src = getEmbeddingSource('random');
    const base = { ...DEFAULT_SPEC, d: 64 };
    const k = (spec: RunSpec, V = 1000) => src.key(context(spec, V));
    expect(k(base)).toBe(k({ ...base, text: 'another text' }));
    for (const changed of [{ d: 66 }, { seed: 7 }, { init: 'xavier' as const }]) {
      expect(k({ ...base, ...changed })).not.toBe(k(base));
    }
    expect(k(base, 1001)).not.toBe(k(base));
  });

  test('a random o200k table at d = 2048 is refused, naming the largest d under the 512 MiB cap', async () => {
    // 200,019 × 2048 × 4 B = 1.64 GB > 512 MiB. Largest even d: ⌊2^29 / 4 / 200,019 / 2⌋ · 2 = ⌊335.5⌋ · 2 = 670.
    const spec = { ...DEFAULT_SPEC, tokenizer: 'o200k' as const, d: 2048 };
    await expect(getEmbeddingSource('random').build(context(spec, 200_019))).rejects.toThrow(
      'views of the whole table need d ≤ 670',
    );
  });

  test('a random table that fits is [V, d] with the seeded N(0, 1) statistics', async () => {
    const spec = { ...DEFAULT_SPEC, d: 32 };
    const t = await getEmbeddingSource('random').build(context(spec, 500));
    expect(t.shape).toEqual([500, 32]);
    const data = await t.data();
    t.dispose();
    let sum = 0;
    let sq = 0;
    for (const v of data) {
      sum += v;
      sq += v * v;
    }
    const mean = sum / data.length;
    // 16,000 draws of N(0, 1): the mean's standard error is 1/√16000 ≈ 0.0079, the variance's ≈ 0.011.
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(sq / data.length - mean * mean - 1)).toBeLessThan(0.06);
  });

  test('the checkpoint source asks for a tensor before reading anything', async () => {
    const spec = { ...DEFAULT_SPEC, embedding: 'checkpoint' as const };
    await expect(getEmbeddingSource('checkpoint').build(context(spec, 100))).rejects.toThrow(
      'Choose the checkpoint tensor to use as the token table.',
    );
  });
});
