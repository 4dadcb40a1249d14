// What a run computes for the open tab (issue #16): 'foundation' stops after E, PE and X — no static or text lab
// views, no checks — and a later 'lab' run of the same spec sends the lab's views.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { FromEngine, RunViews } from '../protocol/messages.ts';
import { DEFAULT_SPEC, type RunSpec } from '../protocol/specs.ts';
import { Pipeline } from './pipeline.ts';
import { readPublicData } from '../tokenizers/testData.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

const SPEC: RunSpec = {
  ...DEFAULT_SPEC,
  text: 'the cat sat',
  tokenizer: 'word',
  d: 8,
  pe: 'sinusoidal',
  params: { ...DEFAULT_SPEC.params, base: 10000, layout: 'interleaved', positions: 16 },
  scaleEmbeddings: false,
};

let pipeline: Pipeline;
beforeEach(() => {
  pipeline = new Pipeline(readPublicData, { quietMs: 0 });
});
afterEach(() => pipeline.dispose());

async function run(views: RunViews) {
  const messages: FromEngine[] = [];
  await pipeline.run(
    1,
    SPEC,
    (m) => messages.push(structuredClone(m)),
    () => false,
    null,
    views,
  );
  const names = messages.flatMap((m) => (m.type === 'matrix' ? [m.matrix.name] : []));
  const done = messages.find((m) => m.type === 'done');
  return { messages, names, done: done?.type === 'done' ? done : null };
}

test("a 'foundation' run sends E, PE and X only, with no checks, and leaves no tensor behind", async () => {
  await run('foundation'); // the first run uploads the tables the pipeline keeps between runs
  const before = tf.memory().numTensors;
  const { messages, names, done } = await run('foundation');
  expect(names).toEqual(['embeddings', 'pe', 'input']);
  expect(messages.some((m) => m.type === 'checks')).toBe(false);
  expect(done?.names).toEqual(['embeddings', 'pe', 'input']);
  // PE row 1 is still the paper's sinusoid: sin(1), cos(1), sin(1/10000^(2/8)), cos(1/10000^(2/8)) …
  const pe = messages.find((m) => m.type === 'matrix' && m.matrix.name === 'pe');
  const row1 = pe?.type === 'matrix' ? Array.from(pe.matrix.data.slice(8, 12)) : [];
  const w = Math.pow(10000, -2 / 8);
  [Math.sin(1), Math.cos(1), Math.sin(w), Math.cos(w)].forEach((v, i) => expect(row1[i]).toBeCloseTo(v, 5));
  expect(tf.memory().numTensors).toBe(before);
});

test("a 'lab' run of the same spec sends the lab's views and their checks", async () => {
  const { messages, names } = await run('lab');
  expect(names.slice(0, 3)).toEqual(['embeddings', 'pe', 'input']);
  expect(names).toContain('similarity');
  expect(names).toContain('attn-plain');
  expect(messages.some((m) => m.type === 'checks')).toBe(true);
});
