// ropeChecks' norm check follows the attention factor a and partial rotary: hand-worked rows.
import { describe, expect, test } from 'vitest';
import { ropeChecks } from './invariants.ts';
import { msg } from '../protocol/msg.ts';

const scores = new Float32Array([1, 0, 0, 1]); // n = 2, constant diagonals

describe('ropeChecks', () => {
  test('a row whose rotated dimensions grew by a = 2 passes with a = 2 and fails as a plain rotation', () => {
    // d = head_dim = 4, n = 2 rotated: x = (3, 4, 1, 2) → (6, 8, 1, 2) (angle 0, times a on dims 0–1 only):
    // ‖after‖² = 36 + 64 + 1 + 4 = 105 = a²·(9 + 16) + (1 + 4)
    const before = new Float32Array([3, 4, 1, 2]);
    const after = new Float32Array([6, 8, 1, 2]);
    const scaled = ropeChecks(before, after, 1, 4, scores, 2, { a: 2, headDim: 4, rotaryDim: 2 });
    expect(scaled[0].pass).toBe(true);
    expect(scaled[0].value).toBeLessThan(1e-7);
    const plain = ropeChecks(before, after, 1, 4, scores, 2);
    expect(plain[0].pass).toBe(false);
    expect(plain[0].value).toBeCloseTo(Math.sqrt(105 / 30) - 1, 6); // |√105 − √30| / √30
  });

  test('two heads of width 2, one rotated dimension pair each, a = 1: a quarter turn keeps the norm', () => {
    const before = new Float32Array([1, 0, 0, 2]);
    const after = new Float32Array([0, 1, -2, 0]);
    const [norm] = ropeChecks(before, after, 1, 4, scores, 2, { a: 1, headDim: 2, rotaryDim: 2 });
    expect(norm.pass).toBe(true);
    expect(norm.name).toEqual(msg('check.ropeNorm'));
  });
});
