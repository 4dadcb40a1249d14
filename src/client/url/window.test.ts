// URL key `window`: parsed, judged against the positions key, refused with a notice that keeps the rest.
import { describe, expect, test } from 'vitest';
import { toHash } from '../urlState.ts';
import { parseShown } from './testParse.ts';

describe('URL key window', () => {
  test('window=131008-131071 over 131,072 positions round-trips', () => {
    const { view, notices } = parseShown('#positions=131072&window=131008-131071');
    expect(notices).toEqual([]);
    expect(view.window).toEqual([131008, 131071]);
    expect(view.spec.params.positions).toBe(131072);
    expect(toHash(view)).toContain('window=131008-131071');
  });
  test('a window past the table is refused with a notice naming the key and the limit; the rest is kept', () => {
    const { view, notices } = parseShown('#positions=8192&d=32&window=8000-8192');
    expect(view.window).toBeNull();
    expect(view.spec.d).toBe(32);
    expect(view.spec.params.positions).toBe(8192);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/"window"/);
    expect(notices[0]).toMatch(/0…8191/);
  });
  test('a reversed window and one over 4,096 rows are refused', () => {
    expect(parseShown('#positions=100000&window=50-10').notices[0]).toMatch(/A ≤ B/);
    expect(parseShown('#positions=100000&window=0-5000').notices[0]).toMatch(/at most 4,096 rows/);
    expect(parseShown('#positions=100000&window=abc').notices[0]).toMatch(/must be two positions/);
  });
  test('positions up to 1,048,576 are accepted, one more is refused', () => {
    expect(parseShown('#positions=1048576').view.spec.params.positions).toBe(1_048_576);
    expect(parseShown('#positions=1048577').notices[0]).toMatch(/1048576/);
  });
});
