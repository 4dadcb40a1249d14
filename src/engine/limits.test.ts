// Buffer limits: WebGPU's guaranteed defaults (spec §3.6.2: maxBufferSize 256 MiB, maxStorageBufferBindingSize
// 128 MiB) against tables users load.
import { describe, expect, test } from 'vitest';
import { bufferProblem } from './limits.ts';

const DEFAULTS = { maxBufferSize: 256 * 2 ** 20, maxStorageBufferBindingSize: 128 * 2 ** 20 };
const SWIFTSHADER = { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30 };

describe('bufferProblem', () => {
  test("GPT-2's wte (50,257 × 768 float32 = 147 MiB) is over the default 128 MiB binding limit, and says so", () => {
    const msg = bufferProblem(50257, 768, DEFAULTS, 'The token table "wte"', () => 'try another browser');
    expect(msg).toBe(
      'The token table "wte" (50,257 × 768, 147 MiB) is larger than this GPU\'s maxStorageBufferBindingSize of 128 MiB; try another browser.',
    );
    expect(bufferProblem(50257, 768, SWIFTSHADER, 'wte', () => '')).toBeNull();
  });

  test('the largest position table (8,192 × 2,048 = 64 MiB) fits the defaults; no limits (cpu, webgl) means no check', () => {
    expect(bufferProblem(8192, 2048, DEFAULTS, 'PE', () => '')).toBeNull();
    expect(bufferProblem(1e6, 1e4, null, 'huge', () => '')).toBeNull();
  });

  test('the fix gets the largest rows and columns that fit: o200k at 128 MiB allows d ≤ 167 columns', () => {
    let seen: [number, number] = [0, 0];
    const msg = bufferProblem(200019, 2048, DEFAULTS, 'A random o200k table', (r, c) => {
      seen = [r, c];
      return `use d ≤ ${Math.floor(c / 2) * 2}`;
    });
    // 128 · 2^20 / (4 · 200,019) = 167.77…; 128 · 2^20 / (4 · 2,048) = 16,384.
    expect(seen).toEqual([16384, 167]);
    expect(msg).toMatch(/use d ≤ 166\.$/);
  });

  test('when maxBufferSize is the smaller limit, it is the one named', () => {
    const msg = bufferProblem(
      4096,
      4096,
      { maxBufferSize: 32 * 2 ** 20, maxStorageBufferBindingSize: 64 * 2 ** 20 },
      'T',
      () => 'smaller',
    );
    expect(msg).toMatch(/maxBufferSize of 32 MiB/);
  });
});
