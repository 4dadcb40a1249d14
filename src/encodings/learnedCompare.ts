// The learned scheme's own static views when a trained table is loaded (a checkpoint's wpe, or the table the
// in-browser trainer produced): the sinusoidal table at the same d, N, base and layout beside it, their
// difference entry by entry, and the sinusoid's position similarity (its closed form, no Gram product), so learned
// and fixed positions can be compared view for view.
import type * as tf from '@tensorflow/tfjs-core';
import type { Check } from '../protocol/messages.ts';
import { MAX_SIMILARITY, toeplitz } from '../analysis/similarity.ts';
import { range } from '../numerics/trig.ts';
import { sinusoidSimilarity, sinusoidal } from './sinusoidal.ts';
import type { ViewContext } from './scheme.ts';

const labels = (n: number) => Array.from({ length: n }, (_, i) => String(i));

export async function compareWithSinusoidal(ctx: ViewContext): Promise<Check[]> {
  if (!ctx.table) return [];
  const { N, spec, table } = ctx;
  const { d, params, seed } = spec;
  const sin = sinusoidal.compute({ positions: range(N), d, seed }, params).pe as tf.Tensor2D; // [N, d]
  try {
    const n = Math.min(N, MAX_SIMILARITY);
    const sData = toeplitz(sinusoidSimilarity(n, d, params.base), n); // [n, n]
    const sinData = await ctx.read(sin);
    const diff = new Float32Array(N * d);
    for (let i = 0; i < diff.length; i++) diff[i] = table.data[i] - sinData[i];
    await ctx.emit({
      name: 'compare-sin',
      shape: [N, d],
      data: sinData,
      rowLabels: labels(N),
    });
    await ctx.emit({
      name: 'compare-diff',
      shape: [N, d],
      data: diff,
      rowLabels: labels(N),
    });
    await ctx.emit({
      name: 'compare-sin-similarity',
      shape: [n, n],
      data: sData,
      rowLabels: labels(n),
      colLabels: labels(n),
    });
    return [];
  } finally {
    sin.dispose();
  }
}
