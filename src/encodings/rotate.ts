// Applying RoPE's table (rope.ts): R_p turns every pair (a, b) of a query or key counter-clockwise by p·θ_i,
//   x'_a = x_a·cos(pθ_i) − x_b·sin(pθ_i),   x'_b = x_a·sin(pθ_i) + x_b·cos(pθ_i)
// with pair i = dimensions (2i, 2i+1) (interleaved) or (i, i + n/2) (rotate-half). The table is one [T, n] tensor,
// cos in its left half and sin in its right (numerics/trig.ts writes both in one kernel); it is read in place,
// never sliced into two tensors.
import * as tf from '@tensorflow/tfjs-core';
import type { Layout } from '../protocol/specs.ts';

/** The left (cos) and right (sin) halves of a [P, n] cos|sin table read back, as two [P, n/2] arrays (the views). */
export function cosSinHalves(cossin: Float32Array, rows: number, n: number): [Float32Array, Float32Array] {
  const h = n / 2;
  const cos = new Float32Array(rows * h);
  const sin = new Float32Array(rows * h);
  for (let r = 0; r < rows; r++) {
    cos.set(cossin.subarray(r * n, r * n + h), r * h);
    sin.set(cossin.subarray(r * n + h, (r + 1) * n), r * h);
  }
  return [cos, sin];
}

/**
 * Every pair's 2×2 rotation [[cos, −sin], [sin, cos]] from a [T, n] cos|sin table, without slicing it: the table
 * viewed as [T, 2, n/2] is (cos, sin), its sign flip (cos, −sin) is the first output row and its reverse (sin, cos)
 * the second. Laid out [T, 2 (out), 2 (in), n/2] for rotate-half and [T, n/2, 2 (out), 2 (in)] for interleaved.
 */
function rotationBlocks(cossin: tf.Tensor2D, layout: Layout): tf.Tensor4D {
  const [T, n] = cossin.shape;
  const cs = tf.reshape(cossin, [T, 2, n / 2]); // [T, 2, n/2]: (cos, sin)
  const first = tf.mul(cs, tf.tensor3d([1, -1], [1, 2, 1])); // [T, 2, n/2]: (cos, −sin)
  const second = tf.reverse(cs, 1); // [T, 2, n/2]: (sin, cos)
  const blocks = tf.stack([first, second], 1) as tf.Tensor4D; // [T, 2, 2, n/2]
  return layout === 'half' ? blocks : tf.transpose(blocks, [0, 3, 1, 2]); // [T, n/2, 2, 2] when interleaved
}

/** Rotates the last axis (width n = 2·pairs) of x in the given layout by blocks that broadcast against it. */
function rotatePairs(x: tf.Tensor, blocks: tf.Tensor, layout: Layout): tf.Tensor {
  const shape = x.shape;
  const lead = shape.slice(0, -1);
  const n = shape[shape.length - 1];
  if (layout === 'half') {
    const pairs = tf.reshape(x, [...lead, 1, 2, n / 2]); // [..., 1, 2 (in), n/2]: dimensions i and i + n/2
    return tf.reshape(tf.sum(tf.mul(pairs, blocks), -2), shape); // [..., 2 (out), n/2] → [..., n]
  }
  const pairs = tf.reshape(x, [...lead, n / 2, 1, 2]); // [..., n/2, 1, 2 (in)]: dimensions 2i, 2i + 1
  return tf.reshape(tf.sum(tf.mul(pairs, blocks), -1), shape); // [..., n/2, 2 (out)] → [..., n]
}

/**
 * R_p x for every row: row t of x (a query or key at the position of row t of the table) is rotated by the table's
 * row t. x is [..., T, w] (leading axes, such as batch and heads, broadcast); cossin is [T, n] from compute(); the
 * result has x's shape. Without headDim the whole row is one head and every pair rotates (n = w). With headDim,
 * x holds w/headDim heads side by side, and the first n dimensions of each head rotate while the rest pass unchanged.
 */
export function rotate<R extends tf.Rank>(
  x: tf.Tensor<R>,
  cossin: tf.Tensor2D,
  layout: Layout,
  headDim?: number,
): tf.Tensor<R> {
  const shape = x.shape;
  const w = shape[shape.length - 1];
  const T = shape[shape.length - 2];
  const n = cossin.shape[1];
  if (w % 2 !== 0) throw new Error(`RoPE needs an even width (got ${w})`);
  if (headDim === undefined && n !== w) {
    throw new Error(
      `RoPE table is [${cossin.shape}] (cos and sin of ${n / 2} pairs); x is [${shape}], so it needs d/2 = ${w / 2} pairs`,
    );
  }
  const hd = headDim ?? w;
  if (w % hd !== 0 || n > hd || n % 2 !== 0) {
    throw new Error(`RoPE table [${cossin.shape}] does not fit x [${shape}] with head_dim ${hd}`);
  }
  return tf.tidy(() => {
    const blocks = rotationBlocks(cossin, layout); // [T, 2, 2, n/2] or [T, n/2, 2, 2]
    if (n === w) return rotatePairs(x, blocks, layout) as tf.Tensor<R>; // x's shape
    const lead = shape.slice(0, -2);
    const H = w / hd;
    const heads = tf.reshape(x, [...lead, T, H, hd]); // [..., T, H, head_dim]
    const begin = heads.shape.map(() => 0);
    const rot = tf.slice(heads, begin, [...lead, T, H, n]); // [..., T, H, n]
    const rotated = rotatePairs(rot, tf.expandDims(blocks, 1), layout); // [..., T, H, n], blocks [T, 1, …]
    const parts =
      n < hd ? [rotated, tf.slice(heads, [...begin.slice(0, -1), n], [...lead, T, H, hd - n])] : [rotated]; // pass
    return tf.reshape(tf.concat(parts, -1), shape) as tf.Tensor<R>; // [..., T, H, head_dim] → x's shape
  });
}
