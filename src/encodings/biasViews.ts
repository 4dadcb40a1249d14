// The per-head bias views that bias schemes (ALiBi, T5) share: bias[h] [T, T] for the first heads, titled with
// the scheme's own short name.
import * as tf from '@tensorflow/tfjs-core';
import { biasView } from '../protocol/views.ts';
import type { ViewContext } from './scheme.ts';

/** Heads whose bias matrices are drawn: every head for short texts, the first 4 past 128 tokens. */
export function headsShown(heads: number, T: number): number {
  return Math.min(heads, T <= 128 ? 16 : 4);
}

/** Sends bias[h] [T, T] for the heads shown, as `bias-<h>` titled "<prefix> bias, head h". */
export async function sendHeadBiases(bias: tf.Tensor, prefix: string, ctx: ViewContext): Promise<void> {
  const { T, tokenLabels } = ctx;
  for (let h = 0; h < headsShown(ctx.spec.params.heads, T); h++) {
    const slice = tf.tidy(() => tf.reshape(tf.slice(bias, [h, 0, 0], [1, T, T]), [T, T])); // [T, T]
    const data = await ctx.read(slice);
    slice.dispose();
    await ctx.emit({
      name: biasView(h),
      title: `${prefix} bias, head ${h}`,
      shape: [T, T],
      data,
      rowLabels: tokenLabels,
      colLabels: tokenLabels,
    });
  }
}
