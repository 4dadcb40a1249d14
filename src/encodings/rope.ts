// Rotary position embedding (RoPE) — Su et al. 2021, "RoFormer: Enhanced Transformer with Rotary Position
// Embedding", §3.4. Convention: θ_i = base^(−2i/d) for pair i = 0…d/2−1 (base 10000 in the paper, 500000 in
// Llama 3); position p counts from 0. R_p turns every pair (a, b) counter-clockwise by +p·θ_i:
//   x'_a = x_a·cos(pθ_i) − x_b·sin(pθ_i),   x'_b = x_a·sin(pθ_i) + x_b·cos(pθ_i)
//   interleaved (the paper, GPT-J, Meta's Llama code): pair i = dimensions (2i, 2i+1)
//   half (rotate-half: GPT-NeoX, Hugging Face Llama):   pair i = dimensions (i, i + d/2)
// Nothing is added to X: q and k are rotated, so ⟨R_m q, R_n k⟩ = ⟨R_{m−n} q, k⟩ depends on m − n only.
// compute() returns the angle tables cos/sin [P, d/2]; rotate() applies them. Both layouts use the same
// tables: only which dimensions form pair i differs. sin/cos come from numerics/trig.ts, never the GPU's own sin.
import * as tf from '@tensorflow/tfjs-core';
import { sinCosTable } from '../numerics/trig.ts';
import type { Layout } from '../protocol/specs.ts';
import { pairTurns, type Scheme } from './scheme.ts';

export const rope: Scheme = {
  name: 'rope',
  kind: 'rotary',
  compute({ positions, d }, { base }) {
    return tf.tidy(() => {
      const { cos, sin } = sinCosTable(positions, pairTurns(d, base)); // [P, d/2] each: cos(pθ_i), sin(pθ_i)
      return { cos, sin };
    });
  },
};

/** Turns each pair (a, b) by the angle whose cos and sin are given; all four are [T, d/2]. */
function turn(a: tf.Tensor, b: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const ra = tf.sub(tf.mul(a, cos), tf.mul(b, sin)); // [T, d/2]
  const rb = tf.add(tf.mul(a, sin), tf.mul(b, cos)); // [T, d/2]
  return [ra, rb];
}

/**
 * R_p x for every row: row t of x (a query or key at the position of row t of the tables) is rotated by
 * cos/sin row t. x is [T, d]; cos and sin are [T, d/2] from compute(); the result is [T, d].
 */
export function rotate(x: tf.Tensor2D, cos: tf.Tensor2D, sin: tf.Tensor2D, layout: Layout): tf.Tensor2D {
  const [T, d] = x.shape;
  if (d % 2 !== 0) throw new Error(`RoPE needs an even width (got ${d})`);
  if (cos.shape[1] !== d / 2 || sin.shape[1] !== d / 2) {
    throw new Error(
      `RoPE tables are [${cos.shape}] and [${sin.shape}]; x is [${x.shape}], so they need d/2 = ${d / 2} columns`,
    );
  }
  return tf.tidy(() => {
    if (layout === 'half') {
      const [a, b] = tf.split(x, 2, 1); // [T, d/2] each: dimensions i and i + d/2
      const [ra, rb] = turn(a, b, cos, sin); // [T, d/2] each
      return tf.concat([ra, rb], 1) as tf.Tensor2D; // [T, d]
    }
    const pairs = tf.reshape(x, [T, d / 2, 2]); // [T, d/2, 2]: dimensions 2i and 2i + 1
    const [a, b] = tf.unstack(pairs, 2); // [T, d/2] each
    const [ra, rb] = turn(a, b, cos, sin); // [T, d/2] each
    return tf.reshape(tf.stack([ra, rb], 2), [T, d]) as tf.Tensor2D; // [T, d/2, 2] → [T, d]
  });
}
