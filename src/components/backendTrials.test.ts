// The Training panel's line about "auto": fastest first with one decimal (whole numbers from 10 steps/s), software
// adapters named, failures after the rates with their reason shortened to 80 characters. Expected lines by hand.
import { expect, test } from 'vitest';
import type { BackendTrial } from '../protocol/training.ts';
import { describeTrials } from './backendTrials.ts';
import { msg } from '../protocol/msg.ts';
import { say, t as tIn, type Key, type Message, type Params } from '../i18n/t.ts';

/** The words of one language, as useT() gives them. */
const words = (lang: 'en' | 'zh') =>
  Object.assign((key: Key, params?: Params) => tIn(lang, key, params), {
    say: (m: Message) => say(lang, m),
  });
const en = words('en');

const trial = (t: Partial<BackendTrial> & Pick<BackendTrial, 'backend'>): BackendTrial => ({
  adapter: null,
  software: null,
  stepsPerSecond: null,
  problem: null,
  ...t,
});

test('says which backend was kept and lists every rate, fastest first, naming a software adapter', () => {
  const trials = [
    trial({
      backend: 'webgpu',
      adapter: 'google · swiftshader',
      software: 'SwiftShader',
      stepsPerSecond: 1.234,
    }),
    trial({ backend: 'webgl', problem: msg('backend.noInit', { name: 'webgl' }) }),
    trial({ backend: 'wasm', adapter: 'SIMD · 1 thread', stepsPerSecond: 6.08 }),
    trial({ backend: 'cpu', stepsPerSecond: 12.6 }),
  ];
  expect(describeTrials(trials, 'cpu', en)).toBe(
    'auto kept cpu: cpu 13 steps/s, wasm 6.1 steps/s, webgpu (software adapter SwiftShader) 1.2 steps/s; ' +
      'not used: webgl: webgl did not initialise',
  );
});

test('equal rates keep the order they were measured in', () => {
  const trials = [
    trial({ backend: 'webgl', stepsPerSecond: 5 }),
    trial({ backend: 'wasm', stepsPerSecond: 5 }),
  ];
  expect(describeTrials(trials, 'webgl', en)).toBe('auto kept webgl: webgl 5.0 steps/s, wasm 5.0 steps/s');
});

test('a long failure message is cut to 80 characters', () => {
  const problem = msg('err.raw', { text: 'x'.repeat(200) });
  const line = describeTrials(
    [trial({ backend: 'cpu', stepsPerSecond: 2 }), trial({ backend: 'webgpu', problem })],
    'cpu',
    en,
  );
  expect(line).toBe(`auto kept cpu: cpu 2.0 steps/s; not used: webgpu: ${'x'.repeat(79)}…`);
});

test('in Chinese the same line reads in Chinese, numbers and backend names unchanged', () => {
  const trials = [
    trial({ backend: 'cpu', stepsPerSecond: 12.6 }),
    trial({ backend: 'webgl', problem: msg('backend.noInit', { name: 'webgl' }) }),
  ];
  expect(describeTrials(trials, 'cpu', words('zh'))).toBe(
    '自动选择了 cpu：cpu 每秒 13 步；未使用：webgl：webgl 未能初始化',
  );
});
