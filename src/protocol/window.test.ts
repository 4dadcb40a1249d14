// Window validation and the overview's block size, against the limits stated in the issue (4,096-row windows,
// about 1,024 overview rows, inclusive A-B positions).
import { describe, expect, test } from 'vitest';
import {
  defaultWindow,
  overviewBlock,
  parseWindow,
  poolBlock,
  resolveWindow,
  validateWindow,
} from './window.ts';
import { msg } from './msg.ts';

describe('validateWindow', () => {
  const N = 131_072;
  test('accepts the last 64 rows and a window of exactly 4,096 rows', () => {
    expect(validateWindow([N - 64, N - 1], N)).toBeNull();
    expect(validateWindow([0, 4095], N)).toBeNull();
    expect(validateWindow([7, 7], N)).toBeNull();
  });
  test('refuses a window past the table, naming the last position', () => {
    expect(validateWindow([N - 10, N], N)).toEqual(msg('window.outside', { last: 131071, a: N - 10, b: N }));
  });
  test('refuses a reversed window', () => {
    expect(validateWindow([20, 10], N)).toEqual(msg('window.reversed', { a: 20, b: 10 }));
  });
  test('refuses a window of 4,097 rows, naming the 4,096-row limit', () => {
    expect(validateWindow([0, 4096], N)).toEqual(msg('window.tooLong', { max: 4096, got: 4097 }));
  });
});

describe('windows and blocks', () => {
  test('a table of 4,096 rows or fewer is shown whole whatever window is asked for', () => {
    expect(resolveWindow([10, 20], 4096)).toEqual([0, 4095]);
    expect(resolveWindow([10, 20], 4097)).toEqual([10, 20]);
    expect(defaultWindow(2 ** 20)).toEqual([0, 4095]);
  });
  test('an overview has at most 1,024 rows: 2^20 rows in blocks of 1,024, 5,000 rows in blocks of 5', () => {
    expect(overviewBlock(2 ** 20)).toBe(1024);
    expect(Math.ceil(5000 / overviewBlock(5000))).toBe(1000);
    expect(overviewBlock(1000)).toBe(1);
  });
  test('A-B parses to inclusive positions; anything else is refused', () => {
    expect(parseWindow('131008-131071')).toEqual([131008, 131071]);
    expect(parseWindow('5')).toBeNull();
    expect(parseWindow('-3-4')).toBeNull();
  });
  test('pooling starts past 2,048 and leaves at most 1,024 per axis', () => {
    expect(poolBlock(2048)).toBe(1);
    expect(poolBlock(8192)).toBe(8);
    expect(Math.ceil(4096 / poolBlock(4096))).toBe(1024);
  });
});
