// One engine run on the tfjs CPU backend, observed through the messages it posts.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { FromEngine, Matrix } from '../protocol/messages.ts';
import { DEFAULT_SPEC, ENCODINGS, type RunSpec } from '../protocol/specs.ts';
import { normals } from '../numerics/rng.ts';
import { wordVocab } from '../tokenizers/word.ts';
import { Cancelled, Pipeline } from './pipeline.ts';
import { readPublicData } from '../tokenizers/testData.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const D = 16;
const SPEC: RunSpec = {
  ...DEFAULT_SPEC,
  text: 'The cat sat on the mat.',
  tokenizer: 'word',
  d: D,
  seed: 7,
  pe: 'sinusoidal',
  // a short position table keeps the text-independent views cheap
  params: { ...DEFAULT_SPEC.params, base: 10000, layout: 'interleaved', positions: 32 },
  scaleEmbeddings: false,
};
const WORDS = ['the', 'cat', 'sat', 'on', 'the', 'mat', '.'];
const T = WORDS.length;

let pipeline: Pipeline;
beforeEach(() => {
  pipeline = new Pipeline(readPublicData);
});
afterEach(() => {
  pipeline.dispose();
});

let nextRunId = 1;
async function run(spec: RunSpec, isStale: () => boolean = () => false) {
  const runId = nextRunId++;
  const messages: FromEngine[] = [];
  await pipeline.run(runId, spec, (m) => messages.push(structuredClone(m)), isStale);
  return { runId, messages };
}

function matrix(messages: FromEngine[], name: string): Matrix {
  for (const m of messages) if (m.type === 'matrix' && m.matrix.name === name) return m.matrix;
  throw new Error(`no matrix named ${name}`);
}

/** The paper's formula in float64: PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)). */
function closedForm(p: number, k: number, d: number, base: number): number {
  const angle = p / Math.pow(base, (2 * Math.floor(k / 2)) / d);
  return k % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

describe('Pipeline.run', () => {
  test('a run superseded while the text is quiet posts E, PE and X but queues none of the heavy text views', async () => {
    // A keystroke arrives 100 ms after this run's three matrices, well inside TEXT_VIEWS_AFTER_MS (300 ms).
    const quiet = new Pipeline(readPublicData);
    const messages: FromEngine[] = [];
    let stale = false;
    const post = (m: FromEngine) => {
      messages.push(structuredClone(m));
      if (m.type === 'matrix' && m.matrix.name === 'input') setTimeout(() => (stale = true), 100);
    };
    try {
      await expect(quiet.run(nextRunId++, SPEC, post, () => stale)).rejects.toThrow('cancelled');
    } finally {
      quiet.dispose();
    }
    const names = messages.flatMap((m) => (m.type === 'matrix' ? [m.matrix.name] : []));
    expect(names.slice(0, 3)).toEqual(['embeddings', 'pe', 'input']);
    expect(names.filter((n) => n.startsWith('attn-'))).toEqual([]);
  });

  test('posts the tokens, then the embeddings, positional-encoding and input matrices, and ends with done', async () => {
    const { runId, messages } = await run(SPEC);
    expect(messages[0].type).toBe('tokens');
    const matrices = messages.flatMap((m) => (m.type === 'matrix' ? [m.matrix.name] : []));
    expect(matrices.slice(0, 3)).toEqual(['embeddings', 'pe', 'input']);
    expect(messages[1]).toMatchObject({ type: 'matrix', matrix: { name: 'embeddings' } });
    const last = messages[messages.length - 1];
    expect(last.type).toBe('done');
    expect(messages.filter((m) => m.type === 'done')).toHaveLength(1);
    expect(messages.filter((m) => m.type === 'error')).toHaveLength(0);
    for (const m of messages) if ('runId' in m) expect(m.runId).toBe(runId);
    if (last.type === 'done')
      expect(last.names).toEqual(expect.arrayContaining(['embeddings', 'pe', 'input']));
  });

  test('the tokens are the lower-cased words and the full stop', async () => {
    const { messages } = await run(SPEC);
    const tokens = messages[0].type === 'tokens' ? messages[0] : null;
    expect(tokens?.tokens.map((t) => t.text)).toEqual(WORDS);
    expect(tokens?.vocabSize).toBe(wordVocab.size);
  });

  test('each of the three matrices is [T, d] with one row label per token', async () => {
    const { messages } = await run(SPEC);
    for (const name of ['embeddings', 'pe', 'input']) {
      const m = matrix(messages, name);
      expect(m.shape).toEqual([T, D]);
      expect(m.data).toBeInstanceOf(Float32Array);
      expect(m.data.length).toBe(T * D);
      expect(m.rowLabels).toEqual(WORDS);
    }
    expect(matrix(messages, 'embeddings').title).toBe('Token embeddings');
    expect(matrix(messages, 'pe').title).toBe('Positional encoding');
    expect(matrix(messages, 'input').title).toBe('Input (token + position)');
  });

  test('the input is the embeddings plus the positional encoding, element by element (float64 sum within 1e-6)', async () => {
    const { messages } = await run(SPEC);
    const E = matrix(messages, 'embeddings').data;
    const P = matrix(messages, 'pe').data;
    const X = matrix(messages, 'input').data;
    for (let k = 0; k < T * D; k++) expect(Math.abs(X[k] - (E[k] + P[k]))).toBeLessThan(1e-6);
  });

  /**
   * One head of width dh = d/heads in float64: softmax(Q Kᵀ/√dh + bias) and A·V, with Q, K, V = rows · W and each W
   * the seeded N(0, 1/d) [d, dh] matrix (engine/views/cache.ts's recipe, written out again here).
   */
  function attention(rows: Float32Array, d: number, seed: number, bias: Float32Array | null, vRows = rows) {
    const n = rows.length / d;
    const dh = Math.max(1, Math.floor(d / SPEC.params.heads));
    const W = [1, 2, 3].map((k) => Array.from(normals(d * dh, seed * 7919 + k), (v) => v / Math.sqrt(d)));
    const proj = (X: Float32Array, w: number[]) =>
      Array.from({ length: n }, (_, t) =>
        Array.from({ length: dh }, (_, j) => {
          let acc = 0;
          for (let i = 0; i < d; i++) acc += X[t * d + i] * w[i * dh + j];
          return acc;
        }),
      );
    const [Q, K, V] = [proj(rows, W[0]), proj(rows, W[1]), proj(vRows, W[2])];
    const A = Q.map((q, i) => {
      const s = K.map(
        (k, j) => q.reduce((acc, v, c) => acc + v * k[c], 0) / Math.sqrt(dh) + (bias?.[i * n + j] ?? 0),
      );
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    });
    const Y = A.map((a) =>
      Array.from({ length: dh }, (_, c) => a.reduce((acc, w, j) => acc + w * V[j][c], 0)),
    );
    return { A: A.flat(), Y: Y.flat() };
  }

  test('the attention preview is one head of width d/heads, softmax(QKᵀ/√d_h)·V computed in float64: plain from E, with position from X = E + PE', async () => {
    const { messages } = await run(SPEC);
    const E = matrix(messages, 'embeddings').data;
    const X = matrix(messages, 'input').data;
    const plain = attention(E, D, SPEC.seed, null);
    const withPos = attention(X, D, SPEC.seed, null);
    const close = (got: Float32Array, want: number[]) => {
      expect(got).toHaveLength(want.length);
      for (let k = 0; k < want.length; k++) expect(Math.abs(got[k] - want[k])).toBeLessThan(1e-5);
    };
    close(matrix(messages, 'attn-plain').data, plain.A);
    close(matrix(messages, 'attn-with').data, withPos.A);
    close(matrix(messages, 'attn-out').data, withPos.Y);
  });

  test("with ALiBi the preview adds head 0's bias to the scores of E and mixes E·Wv", async () => {
    const { messages } = await run({ ...SPEC, pe: 'alibi' });
    const E = matrix(messages, 'embeddings').data;
    const bias = matrix(messages, 'bias-0').data;
    const want = attention(E, D, SPEC.seed, bias);
    const got = matrix(messages, 'attn-with').data;
    for (let k = 0; k < want.A.length; k++) expect(Math.abs(got[k] - want.A[k])).toBeLessThan(1e-5);
    const Y = matrix(messages, 'attn-out').data;
    for (let k = 0; k < want.Y.length; k++) expect(Math.abs(Y[k] - want.Y[k])).toBeLessThan(1e-5);
  });

  test('the embedding rows are rows id of the seeded N(0, 1) table, so repeated words get identical rows', async () => {
    const { messages } = await run(SPEC);
    const tokens = messages[0].type === 'tokens' ? messages[0].tokens : [];
    const E = matrix(messages, 'embeddings').data;
    const table = normals(wordVocab.size * D, SPEC.seed);
    tokens.forEach((t, r) => {
      for (let j = 0; j < D; j++) expect(E[r * D + j]).toBe(table[t.id * D + j]);
    });
    // 'the' at positions 0 and 4: same row; 'the' and 'cat': different rows
    expect(Array.from(E.subarray(0, D))).toEqual(Array.from(E.subarray(4 * D, 5 * D)));
    expect(Array.from(E.subarray(0, D))).not.toEqual(Array.from(E.subarray(D, 2 * D)));
  });

  test('scaleEmbeddings multiplies the embeddings by √d and leaves the positional encoding alone', async () => {
    const plain = (await run(SPEC)).messages;
    const scaled = (await run({ ...SPEC, scaleEmbeddings: true })).messages;
    const E = matrix(plain, 'embeddings').data;
    const Es = matrix(scaled, 'embeddings').data;
    const root = Math.sqrt(D); // 4
    for (let k = 0; k < T * D; k++) {
      expect(Math.abs(Es[k] - root * E[k])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(root * E[k])));
    }
    expect(Array.from(matrix(scaled, 'pe').data)).toEqual(Array.from(matrix(plain, 'pe').data));
    const P = matrix(scaled, 'pe').data;
    const Xs = matrix(scaled, 'input').data;
    for (let k = 0; k < T * D; k++) {
      expect(Math.abs(Xs[k] - (Es[k] + P[k]))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(Xs[k])));
    }
  });

  test('the positional-encoding matrix equals the float64 sinusoid within 1e-4', async () => {
    for (const base of [10000, 500000]) {
      const { messages } = await run({ ...SPEC, d: 64, params: { ...SPEC.params, base } });
      const P = matrix(messages, 'pe').data;
      for (let p = 0; p < T; p++) {
        for (let k = 0; k < 64; k++)
          expect(Math.abs(P[p * 64 + k] - closedForm(p, k, 64, base))).toBeLessThan(1e-4);
      }
    }
  });

  test('the kept position table gives the float64 sinusoid for every length and base, however runs follow each other', async () => {
    // Lengths cross the kept table's row counts (64, 128) up and down; a new base must not reuse the old rows.
    const cases: Array<[number, number]> = [
      [7, 10000],
      [100, 10000],
      [3, 10000],
      [65, 500000],
      [64, 10000],
    ];
    for (const [length, base] of cases) {
      const spec = { ...SPEC, tokenizer: 'char' as const, text: 'ab'.repeat(64).slice(0, length) };
      const { messages } = await run({ ...spec, params: { ...SPEC.params, base, positions: 256 } });
      const P = matrix(messages, 'pe');
      expect(P.shape).toEqual([length, D]);
      for (let p = 0; p < length; p++) {
        for (let k = 0; k < D; k++)
          expect(Math.abs(P.data[p * D + k] - closedForm(p, k, D, base))).toBeLessThan(1e-4);
      }
    }
  });

  test("with pe 'none' the positional encoding is zero and the input equals the embeddings", async () => {
    const { messages } = await run({ ...SPEC, pe: 'none' });
    expect(matrix(messages, 'pe').data.every((v) => v === 0)).toBe(true);
    expect(Array.from(matrix(messages, 'input').data)).toEqual(
      Array.from(matrix(messages, 'embeddings').data),
    );
  });

  test('empty text gives no tokens, three empty [0, d] matrices and done', async () => {
    const { messages } = await run({ ...SPEC, text: '' });
    expect(messages[0]).toMatchObject({ type: 'tokens', tokens: [] });
    for (const name of ['embeddings', 'pe', 'input']) {
      const m = matrix(messages, name);
      expect(m.shape).toEqual([0, D]);
      expect(m.data.length).toBe(0);
    }
    expect(messages[messages.length - 1].type).toBe('done');
  });

  test('leak test: the tensor count after the 5th run equals the count after the 1st (the token table is cached)', async () => {
    const start = tf.memory().numTensors;
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { messages } = await run(SPEC);
      const done = messages[messages.length - 1];
      counts.push(tf.memory().numTensors);
      if (done.type === 'done') expect(done.numTensors).toBe(counts[i]);
    }
    expect(counts[4]).toBe(counts[0]);
    expect(new Set(counts).size).toBe(1);
    // the first run keeps the [V, d] token table alive, and dispose() frees it and everything else
    expect(counts[0]).toBeGreaterThan(start);
    pipeline.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  test('leak test: switching seed, width, tokenizer and scheme and back returns to the same tensor count', async () => {
    await run(SPEC);
    const after1 = tf.memory().numTensors;
    await run({ ...SPEC, seed: 8 });
    await run({ ...SPEC, d: 32 });
    await run({ ...SPEC, tokenizer: 'char' });
    await run({ ...SPEC, pe: 'none' });
    await run({ ...SPEC, scaleEmbeddings: true });
    await run(SPEC);
    expect(tf.memory().numTensors).toBe(after1);
  });

  test('leak test: every encoding scheme, run twice, leaves the tensor count where its first run left it', async () => {
    for (const pe of ENCODINGS) {
      const spec = { ...SPEC, pe };
      await run(spec);
      const after1 = tf.memory().numTensors;
      await run(spec);
      expect({ pe, numTensors: tf.memory().numTensors }).toEqual({ pe, numTensors: after1 });
    }
  });

  test('a run that is stale from the start stops after the tokens with Cancelled and leaks nothing', async () => {
    await run(SPEC); // warm: the token table exists
    const before = tf.memory().numTensors;
    const messages: FromEngine[] = [];
    const result = pipeline.run(
      nextRunId++,
      { ...SPEC, text: 'A new text.' },
      (m) => messages.push(m),
      () => true,
    );
    await expect(result).rejects.toBeInstanceOf(Cancelled);
    await expect(result).rejects.toThrow('cancelled');
    expect(messages.map((m) => m.type)).toEqual(['tokens']);
    expect(tf.memory().numTensors).toBe(before);
  });

  for (const pe of ENCODINGS) {
    test(`a '${pe}' run that goes stale after any number of matrices stops there with Cancelled and leaks nothing`, async () => {
      const spec = { ...SPEC, pe };
      const full = (await run(spec)).messages;
      const total = full.filter((m) => m.type === 'matrix').length;
      expect(total).toBeGreaterThanOrEqual(3);
      const before = tf.memory().numTensors;
      for (let k = 1; k <= total; k++) {
        const messages: FromEngine[] = [];
        let matrices = 0;
        const post = (m: FromEngine) => {
          messages.push(m);
          if (m.type === 'matrix') matrices++;
        };
        await expect(pipeline.run(nextRunId++, spec, post, () => matrices >= k)).rejects.toBeInstanceOf(
          Cancelled,
        );
        expect(matrices).toBe(k);
        expect(messages.some((m) => m.type === 'done')).toBe(false);
        expect({ k, numTensors: tf.memory().numTensors }).toEqual({ k, numTensors: before });
      }
    });
  }

  test('an odd d_model is refused before anything is posted, with a message naming the limit', async () => {
    const messages: FromEngine[] = [];
    const before = tf.memory().numTensors;
    await expect(
      pipeline.run(
        nextRunId++,
        { ...SPEC, d: 15 },
        (m) => messages.push(m),
        () => false,
      ),
    ).rejects.toThrow(/d_model must be an even integer from 2 to 8192/);
    expect(messages).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
