// Source 'random': a seeded N(0, 1) or Xavier-uniform table over the tokenizer's whole vocabulary (random.ts),
// refused with the largest d that fits when it would not fit in memory or in one device buffer.
import { randomTable } from '../random.ts';
import type { EmbeddingSource } from '../source.ts';

/** Largest random table generated (o200k × 2048 would be 1.6 GB, past SwiftShader's 1 GiB buffers). */
export const MAX_RANDOM_TABLE_BYTES = 512 * 2 ** 20;

export const random: EmbeddingSource = {
  name: 'random',
  key: ({ spec, tokens }) => `random|${tokens.key}|${tokens.vocabSize}|${spec.d}|${spec.seed}|${spec.init}`,
  async build({ spec, tokens, tooBig }) {
    const V = tokens.vocabSize;
    const bytes = V * spec.d * 4;
    if (bytes > MAX_RANDOM_TABLE_BYTES) {
      const dMax = Math.floor(MAX_RANDOM_TABLE_BYTES / 4 / V / 2) * 2;
      throw new Error(
        `A random ${spec.tokenizer} table of ${V.toLocaleString('en')} × ${spec.d} would take ${(bytes / 2 ** 20).toFixed(0)} MiB of GPU memory, over the ${MAX_RANDOM_TABLE_BYTES / 2 ** 20} MiB limit; use d ≤ ${dMax}.`,
      );
    }
    const what = `A random ${spec.tokenizer} table`;
    const over = tooBig(V, spec.d, what, (_, maxD) => `use d ≤ ${Math.floor(maxD / 2) * 2}`);
    if (over) throw new Error(over);
    return randomTable(V, spec.d, spec.seed, spec.init); // [V, d]
  },
};
