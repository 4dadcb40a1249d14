// The Compare tab's numbers against closed forms in float64: the sinusoid's and RoPE's cosine similarity is
// (2/d)·Σᵢ cos(k·ωᵢ) with ωᵢ = base^(−2i/d) for positions k apart (both are sums of cos/sin pairs), ALiBi's head-0
// bias over its largest magnitude is −|k|/(2n−1), and a learned column without a table says it shows the init.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { Pipeline } from './pipeline.ts';
import { readPublicData } from '../tokenizers/testData.ts';
import { compareColumn, compareColumns } from './compare.ts';
import { msg, renderEn } from '../protocol/msg.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const d = 16;
const n = 24;
const SPEC: RunSpec = {
  ...DEFAULT_SPEC,
  d,
  params: { ...DEFAULT_SPEC.params, base: 10000, layout: 'interleaved', heads: 4 },
};

/** (2/d)·Σᵢ cos(k·base^(−2i/d)), i = 0…d/2−1, in float64. */
function cosineAt(k: number, base = 10000): number {
  let s = 0;
  for (let i = 0; i < d / 2; i++) s += Math.cos(k * Math.pow(base, (-2 * i) / d));
  return (2 * s) / d;
}

let pipeline: Pipeline;
beforeEach(() => {
  pipeline = new Pipeline(readPublicData);
});
afterEach(() => pipeline.dispose());

describe('the compare columns', () => {
  for (const name of ['sinusoidal', 'rope']) {
    test(`${name}: similarity, profile, look-back score and the part past n follow (2/d)·Σ cos(kω) to 2e-5`, async () => {
      const before = tf.memory().numTensors;
      const c = await compareColumn(pipeline, SPEC, name, n);
      expect(tf.memory().numTensors).toBe(before);
      expect(c.n).toBe(n);
      expect(c.similarity.shape).toEqual([n, n]);
      let worst = 0;
      for (let m = 0; m < n; m++)
        for (let j = 0; j < n; j++)
          worst = Math.max(worst, Math.abs(c.similarity.data[m * n + j] - cosineAt(m - j)));
      for (let k = 0; k < n; k++) {
        worst = Math.max(worst, Math.abs(c.profile[k] - cosineAt(k)), Math.abs(c.score[k] - cosineAt(k)));
      }
      expect(c.beyond).toHaveLength(2 * n);
      for (let k = 0; k < 2 * n; k++) worst = Math.max(worst, Math.abs(c.beyond[k] - cosineAt(k)));
      expect(worst).toBeLessThan(2e-5);
      expect(c.checks[0].pass).toBe(true); // depends only on the offset
      expect(c.tableSource).toBeNull();
    });
  }

  test('alibi: head 0 bias over its largest magnitude is −k/(2n−1) at offset k', async () => {
    const c = await compareColumn(pipeline, { ...SPEC, params: { ...SPEC.params, heads: 4 } }, 'alibi', n);
    expect(c.kind).toBe('bias');
    for (let k = 0; k < n; k++) expect(c.score[k]).toBeCloseTo(-k / (2 * n - 1), 12);
    for (let k = 0; k < 2 * n; k++) expect(c.beyond[k]).toBeCloseTo(-k / (2 * n - 1), 12);
    expect(c.checks[0].value).toBe(0);
    // ALiBi adds no vector to a position: no PCA path (the column says so) rather than n points at the origin
    expect(c.path.length).toBe(0);
  });

  test('the PCA path of sinusoidal positions has the spread of a float64 PCA of the same table', async () => {
    const c = await compareColumn(pipeline, SPEC, 'sinusoidal', n);
    // float64 reference: PC variances of rows PE(p), p < n, = top eigenvalues of the centred Gram matrix / (n−1)
    const pe = Array.from({ length: n }, (_, p) =>
      Array.from({ length: d }, (_, j) => {
        const w = Math.pow(10000, (-2 * Math.floor(j / 2)) / d);
        return j % 2 === 0 ? Math.sin(p * w) : Math.cos(p * w);
      }),
    );
    const mean = Array.from({ length: d }, (_, j) => pe.reduce((s, r) => s + r[j], 0) / n);
    const total = pe.reduce((s, r) => s + r.reduce((t, x, j) => t + (x - mean[j]) ** 2, 0), 0);
    let shown = 0;
    for (let i = 0; i < c.path.length; i++) shown += c.path[i] ** 2;
    // the two PCs hold a share of the total variance between 0 and 1, and more than any two raw dimensions
    let bestPair = 0;
    for (let j = 0; j < d; j += 2) {
      let v = 0;
      for (const r of pe) v += (r[j] - mean[j]) ** 2 + (r[j + 1] - mean[j + 1]) ** 2;
      bestPair = Math.max(bestPair, v);
    }
    expect(shown).toBeLessThanOrEqual(total * (1 + 1e-5));
    expect(shown).toBeGreaterThanOrEqual(bestPair * (1 - 1e-5));
  });

  test('a learned column without a loaded or trained table says it shows the untrained init', async () => {
    const c = await compareColumn(pipeline, SPEC, 'learned', n);
    expect(c.tableSource).toBe('untrained init');
    expect(renderEn(c.note)).toContain('table: untrained init');
    expect(c.note.params?.b).toEqual(msg('note.table', { source: msg('source.untrained') }));
  });

  test('a rope rule column sets the rule with original_context = n; a bad list is refused whole', async () => {
    const [yarn] = await compareColumns(pipeline, SPEC, ['rope:yarn', 'rope:linear']);
    expect(yarn.error).toBeNull();
    expect(renderEn(yarn.note)).toBe('cosine of positions; original_context = 64');
    await expect(compareColumns(pipeline, SPEC, ['rope', 'rope'])).rejects.toThrow('names a scheme twice');
    await expect(compareColumns(pipeline, SPEC, ['rope'])).rejects.toThrow('2 to 4');
    await expect(compareColumns(pipeline, SPEC, ['rope', 'bogus'])).rejects.toThrow('"bogus"');
  });
});
