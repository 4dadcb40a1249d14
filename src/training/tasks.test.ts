// Task batches against their definitions, checked element by element, and the shipped corpus against its
// provenance sidecar (size, SHA-256 and character count recomputed here with node:crypto).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import provenance from './corpus/moby-dick-ch1-10.json';
import { uniforms } from '../numerics/rng.ts';
import { charLmTask, copyTask, LETTERS, reverseTask } from './tasks.ts';

describe('the reverse task', () => {
  test('feeds a₁…a_m | a_m…a₁ shifted by one, and scores only the reversed half', () => {
    const T = 8;
    const b = reverseTask.batch(uniforms(1), 3, T);
    for (let s = 0; s < 3; s++) {
      const x = Array.from(b.inputs.subarray(s * T, s * T + T));
      const y = Array.from(b.targets.subarray(s * T, s * T + T));
      const letters = x.slice(0, 4);
      expect(x[4]).toBe(LETTERS); // the separator
      expect(y).toEqual([...letters.slice(1), LETTERS, ...[...letters].reverse()]);
      expect(Array.from(b.mask.subarray(s * T, s * T + T))).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    }
  });
});

test('the copy task targets the input k positions back and ignores the first k positions', () => {
  const k = 3;
  const T = 10;
  const b = copyTask(k).batch(uniforms(2), 2, T);
  for (let i = 0; i < 2 * T; i++) {
    const t = i % T;
    expect(b.mask[i]).toBe(t >= k ? 1 : 0);
    if (t >= k) expect(b.targets[i]).toBe(b.inputs[i - k]);
  }
});

test('batches are a function of the seed alone', () => {
  const a = copyTask(2).batch(uniforms(9), 4, 12);
  const b = copyTask(2).batch(uniforms(9), 4, 12);
  expect(b).toEqual(a);
});

describe('the Moby-Dick corpus', () => {
  const bytes = readFileSync(new URL('./corpus/moby-dick-ch1-10.txt', import.meta.url));
  test('matches the size and SHA-256 its provenance file records', () => {
    expect(bytes.length).toBe(provenance.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(provenance.sha256);
  });

  test('gives a character vocabulary of the recorded size, and next-character targets', () => {
    const text = bytes.toString('utf8');
    expect([...text].length).toBe(provenance.characters);
    const task = charLmTask();
    expect(task.vocab).toBe(provenance.distinctCharacters);
    const b = task.batch(uniforms(3), 2, 32);
    for (let s = 0; s < 2; s++) {
      for (let t = 0; t < 31; t++) expect(b.targets[s * 32 + t]).toBe(b.inputs[s * 32 + t + 1]);
    }
    const decoded = Array.from(b.inputs.subarray(0, 32), (i) => task.tokens[i]).join('');
    expect(text.includes(decoded)).toBe(true);
  });
});
