// Buffer limits: WebGPU's guaranteed defaults (spec §3.6.2: maxBufferSize 256 MiB, maxStorageBufferBindingSize
// 128 MiB) against tables users load.
import { describe, expect, test } from 'vitest';
import { bufferProblem } from './limits.ts';
import { msg, renderEn } from '../protocol/msg.ts';

const what = msg('what.tokenTable', { name: 'wte' });
const fix = msg('fix.smallerD');

const DEFAULTS = { maxBufferSize: 256 * 2 ** 20, maxStorageBufferBindingSize: 128 * 2 ** 20 };
const SWIFTSHADER = { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30 };

describe('bufferProblem', () => {
  test("GPT-2's wte (50,257 × 768 float32 = 147 MiB) is over the default 128 MiB binding limit, and says so", () => {
    const problem = bufferProblem(50257, 768, DEFAULTS, what, () => fix);
    expect(problem).toEqual(
      msg('err.buffer', {
        what,
        rows: 50257,
        cols: 768,
        mib: 147,
        limitName: 'maxStorageBufferBindingSize',
        limit: 128,
        fix,
      }),
    );
    expect(problem && renderEn(problem)).toBe(
      'The token table "wte" (50,257 × 768, 147 MiB) is larger than this GPU\'s maxStorageBufferBindingSize of 128 MiB; use a smaller d.',
    );
    expect(bufferProblem(50257, 768, SWIFTSHADER, what, () => fix)).toBeNull();
  });

  test('the largest position table (8,192 × 2,048 = 64 MiB) fits the defaults; no limits (cpu, webgl) means no check', () => {
    expect(bufferProblem(8192, 2048, DEFAULTS, what, () => fix)).toBeNull();
    expect(bufferProblem(1e6, 1e4, null, what, () => fix)).toBeNull();
  });

  test('the fix gets the largest rows and columns that fit: o200k at 128 MiB allows d ≤ 167 columns', () => {
    let seen: [number, number] = [0, 0];
    const problem = bufferProblem(200019, 2048, DEFAULTS, what, (r, c) => {
      seen = [r, c];
      return msg('fix.wholeTable', { d: Math.floor(c / 2) * 2 });
    });
    // 128 · 2^20 / (4 · 200,019) = 167.77…; 128 · 2^20 / (4 · 2,048) = 16,384.
    expect(seen).toEqual([16384, 167]);
    expect(problem?.params?.fix).toEqual(msg('fix.wholeTable', { d: 166 }));
  });

  test('when maxBufferSize is the smaller limit, it is the one named', () => {
    const problem = bufferProblem(
      4096,
      4096,
      { maxBufferSize: 32 * 2 ** 20, maxStorageBufferBindingSize: 64 * 2 ** 20 },
      what,
      () => fix,
    );
    expect(problem?.params).toMatchObject({ limitName: 'maxBufferSize', limit: 32 });
  });
});
