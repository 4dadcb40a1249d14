// The trainer's "auto" rule on hand-made measurements: the most steps per second wins; equal rates go to the one
// measured first; a backend that failed, or whose rate is not a positive finite number, is never chosen.
import { expect, test } from 'vitest';
import type { BackendName } from '../protocol/messages.ts';
import type { BackendTrial } from '../protocol/training.ts';
import { pickFastest } from './pickBackend.ts';
import { msg } from '../protocol/msg.ts';

const ran = (backend: BackendName, stepsPerSecond: number, software: string | null = null): BackendTrial => ({
  backend,
  adapter: null,
  software,
  stepsPerSecond,
  problem: null,
});
const failed = (
  backend: BackendName,
  problem: string,
  stepsPerSecond: number | null = null,
): BackendTrial => ({
  backend,
  adapter: null,
  software: null,
  stepsPerSecond,
  problem: msg('err.raw', { text: problem }),
});

test('the fastest wins, wherever it stands in the order (here wasm over a software webgpu, webgl and cpu)', () => {
  const trials = [ran('webgpu', 1.2, 'SwiftShader'), ran('webgl', 2.4), ran('wasm', 6.1), ran('cpu', 4.3)];
  expect(pickFastest(trials)?.backend).toBe('wasm');
  expect(pickFastest([ran('wasm', 6.1), ran('webgpu', 48)])?.backend).toBe('webgpu');
});

test('equal rates go to the backend measured first', () => {
  expect(pickFastest([ran('webgpu', 5), ran('wasm', 5), ran('cpu', 4)])?.backend).toBe('webgpu');
  expect(pickFastest([ran('wasm', 5), ran('webgpu', 5)])?.backend).toBe('wasm');
});

test('a backend that failed is never chosen, even with a rate from before it failed', () => {
  const trials = [
    failed('webgpu', 'GPU device lost', 90),
    failed('webgl', 'webgl did not initialise'),
    ran('cpu', 3),
  ];
  expect(pickFastest(trials)?.backend).toBe('cpu');
});

test('rates that are NaN, infinite, zero or negative are not measurements', () => {
  const trials = [ran('webgpu', NaN), ran('webgl', Infinity), ran('wasm', 0), ran('cpu', -1)];
  expect(pickFastest(trials)).toBeNull();
  expect(pickFastest([...trials, ran('cpu', 0.5)])?.stepsPerSecond).toBe(0.5);
});

test('nothing measured, or everything failed, gives no choice', () => {
  expect(pickFastest([])).toBeNull();
  expect(pickFastest([failed('wasm', 'no wasm'), failed('cpu', 'out of memory')])).toBeNull();
});
