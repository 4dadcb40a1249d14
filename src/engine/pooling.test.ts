// Wide and long runs (issue 14 item 4) on the tfjs CPU backend: past 2,048 tokens or dimensions E, PE and X are
// drawn as block means computed on the device. The reference is the sinusoid's closed form in float64, averaged
// over each block here; the lab's text views stay at their old sizes.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FromEngine, Matrix } from '../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { readPublicData } from '../tokenizers/testData.ts';
import { Pipeline } from './pipeline.ts';
import { quantise } from './requests.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

function sinusoid64(p: number, c: number, d: number, base: number): number {
  const a = p * Math.pow(base, (-2 * Math.floor(c / 2)) / d);
  return c % 2 === 0 ? Math.sin(a) : Math.cos(a);
}

describe('a run of 3,000 tokens at d = 16', () => {
  test('PE is drawn as 1,000 block means of 3 positions, each within 1e-6 of the float64 mean', async () => {
    const T = 3000;
    const d = 16;
    const spec: RunSpec = {
      ...DEFAULT_SPEC,
      text: 'ab'.repeat(T / 2),
      tokenizer: 'char',
      d,
      params: { ...DEFAULT_SPEC.params, positions: 64 },
    };
    const pipeline = new Pipeline(readPublicData, { quietMs: 0 });
    const got: Record<string, Matrix> = {};
    const post = (m: FromEngine) => {
      if (m.type === 'matrix') got[m.matrix.name] = structuredClone(m.matrix);
    };
    try {
      await pipeline.run(1, spec, post, () => false);
    } finally {
      pipeline.dispose();
    }
    const pe = got.pe;
    expect(pe.shape).toEqual([1000, d]);
    expect(pe.pooled).toEqual({ shape: [T, d], rowBlock: 3, colBlock: 1, reduction: 'mean', view: 1 });
    expect(pe.rowLabels?.[1]).toBe('#3–5');
    let worst = 0;
    for (const r of [0, 1, 500, 999])
      for (let c = 0; c < d; c++) {
        let sum = 0;
        for (let p = 3 * r; p < 3 * r + 3; p++) sum += sinusoid64(p, c, d, 10000);
        worst = Math.max(worst, Math.abs(pe.data[r * d + c] - sum / 3));
      }
    expect(worst).toBeLessThan(1e-6);
    // The attention preview ran on the first 2,048 tokens only.
    expect(got['attn-plain'].shape).toEqual([2048, 2048]);
  });
});

test("the f16 and int8 error maps of 3,000 tokens travel pooled: each block is the mean of its tokens' unpooled rows", async () => {
  // Text 'abab…': token k is 'a' when k is even, so a block of 3 tokens from 3r holds a,b,a (r even) or b,a,b (r odd).
  // The unpooled maps of the two-token text 'ab' give each token's error row; the pooled cells must be their means.
  const d = 16;
  const spec = (text: string): RunSpec => ({
    ...DEFAULT_SPEC,
    text,
    tokenizer: 'char',
    d,
    params: { ...DEFAULT_SPEC.params, positions: 64 },
  });
  const pipeline = new Pipeline(readPublicData, { quietMs: 0 });
  try {
    const small = await quantise(pipeline, spec('ab'));
    const big = await quantise(pipeline, spec('ab'.repeat(1500)));
    for (const key of ['f16', 'int8'] as const) {
      const [a, b] = [0, 1].map((k) => small[key].data.subarray(k * d, (k + 1) * d));
      const m = big[key];
      expect(small[key].pooled).toBeUndefined();
      expect(m.shape).toEqual([1000, d]);
      expect(m.pooled).toEqual({ shape: [3000, d], rowBlock: 3, colBlock: 1, reduction: 'mean' });
      let worst = 0;
      for (const r of [0, 1, 998, 999])
        for (let c = 0; c < d; c++) {
          const want = r % 2 === 0 ? (2 * a[c] + b[c]) / 3 : (a[c] + 2 * b[c]) / 3;
          worst = Math.max(worst, Math.abs(m.data[r * d + c] - want));
        }
      expect(worst).toBeLessThan(1e-9);
    }
  } finally {
    pipeline.dispose();
  }
});
