// Source 'pitfall-sigmoid' (the tutorials' sigmoid(W·v(w) + b)): every value in (0, 1), each row the logistic of
// the random table's row, and rows whose cosines crowd near E[σ(x)]²/E[σ(x)²] ≈ 0.852 where the plain random
// table's average 0.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { getEmbeddingSource } from './registry.ts';
import type { TableContext } from './source.ts';
import { msg } from '../protocol/msg.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const V = 400;
const d = 64;
const spec: RunSpec = { ...DEFAULT_SPEC, d, seed: 11, init: 'normal' };
const ctx: TableContext = {
  spec,
  tokens: { key: 'test', vocabSize: V, tokenize: () => [], piece: (id) => `#${id}` },
  fetchData: async () => {
    throw new Error('no fetch in this test');
  },
  checkpointTensor: async () => {
    throw new Error('no checkpoint in this test');
  },
  checkpointGeneration: 0,
  checkpointShape: () => null,
  checkpointRows: async () => {
    throw new Error('no checkpoint in this test');
  },
  checkpointChunks: () => {
    throw new Error('no checkpoint in this test');
  },
  tooBig: () => null,
};

/** Mean cosine over all pairs of distinct rows, in float64. */
function meanPairwiseCosine(data: Float32Array, rows: number, cols: number): number {
  const norms = Array.from({ length: rows }, (_, r) => {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[r * cols + j] ** 2;
    return Math.sqrt(s);
  });
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < rows; a++)
    for (let b = a + 1; b < rows; b++) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += data[a * cols + j] * data[b * cols + j];
      sum += dot / (norms[a] * norms[b]);
      pairs++;
    }
  return sum / pairs;
}

describe("embedding source 'pitfall-sigmoid'", () => {
  test('each entry is 1/(1 + e^(−w)) of the random table’s entry, in float64, and lies in (0, 1)', async () => {
    const W = await getEmbeddingSource('random').build(ctx);
    const E = await getEmbeddingSource('pitfall-sigmoid').build(ctx);
    const [w, e] = [(await W.data()) as Float32Array, (await E.data()) as Float32Array];
    tf.dispose([W, E]);
    let worst = 0;
    for (let i = 0; i < w.length; i++) {
      worst = Math.max(worst, Math.abs(e[i] - 1 / (1 + Math.exp(-w[i]))));
      expect(e[i] > 0 && e[i] < 1).toBe(true);
    }
    expect(worst).toBeLessThan(1e-6);
  });

  test('its rows crowd near cosine 0.852 (∫σ(x)φ(x)dx)²/∫σ(x)²φ(x)dx while the plain table’s average 0', async () => {
    // Expected value from numerical integration in float64 (numpy, x on a 2,000,001-point grid over [−12, 12]):
    //   m1 = Σσ(x)φ(x)dx = 0.5, m2 = Σσ(x)²φ(x)dx = 0.293379, m1²/m2 = 0.852140; a numpy draw of 500 × 64 rows
    //   gave mean pairwise cosines 0.8546 (sigmoid) and 0.00008 (plain).
    const W = await getEmbeddingSource('random').build(ctx);
    const E = await getEmbeddingSource('pitfall-sigmoid').build(ctx);
    const [w, e] = [(await W.data()) as Float32Array, (await E.data()) as Float32Array];
    tf.dispose([W, E]);
    const plain = meanPairwiseCosine(w, V, d);
    const squashed = meanPairwiseCosine(e, V, d);
    expect(Math.abs(plain)).toBeLessThan(0.01);
    expect(Math.abs(squashed - 0.85214)).toBeLessThan(0.01);
  });

  test('rows drawn alone are the sigmoid of the random source’s rows, and the key differs from random’s', async () => {
    const big = { ...ctx, tooBig: () => msg('fix.smallerD') };
    const ids = Int32Array.from([0, 7, 399]);
    const plain = await getEmbeddingSource('random').rowsAlone?.(big, ids);
    const rows = await getEmbeddingSource('pitfall-sigmoid').rowsAlone?.(big, ids);
    if (!plain || !rows) throw new Error('both sources draw rows alone past the table limit');
    const [p, r] = [await plain.data(), await rows.data()];
    tf.dispose([plain, rows]);
    for (let i = 0; i < p.length; i++) expect(r[i]).toBeCloseTo(1 / (1 + Math.exp(-p[i])), 6);
    expect(getEmbeddingSource('pitfall-sigmoid').key(ctx)).not.toBe(getEmbeddingSource('random').key(ctx));
  });
});
