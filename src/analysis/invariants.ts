// Live pass/fail checks computed from the matrices actually shown (their Float32Array data).
// Each check states the property, the measured worst-case value and the limit it is held to.
import type { Check } from '../protocol/messages.ts';
import { msg, type Msg } from '../protocol/msg.ts';

const TOL = 1e-3;

function check(name: Msg, value: number, limit: number, detail: Msg, pass = value <= limit): Check {
  return { name, value, limit, pass, detail };
}

/** Multiply-adds the closed-form path spends on sampled dot products of table rows (≈ 4 M). */
const SAMPLE_WORK = 2 ** 22;

/** Row p · row q of a [*, d] table, in float64. */
function rowDot(table: Float32Array, d: number, p: number, q: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += table[p * d + j] * table[q * d + j];
  return s;
}

/**
 * max |PE(p)·PE(p+k) − S[0, k]| over sampled (p, k), p + k < n, the dot products taken from the table's rows: a
 * closed-form similarity S is checked against the table it describes rather than against itself.
 */
function sampledShiftError(table: Float32Array, d: number, S: Float32Array, n: number) {
  const count = Math.max(1, Math.min((n * (n + 1)) / 2, Math.floor(SAMPLE_WORK / Math.max(d, 1))));
  let worst = 0;
  for (let s = 0; s < count; s++) {
    const k = count === 1 ? 0 : Math.round((s * (n - 1)) / (count - 1)); // every offset range, 0 and n − 1 included
    const p = (Math.imul(s + 1, 0x9e3779b1) >>> 0) % (n - k); // positions spread by a multiplicative hash
    worst = Math.max(worst, Math.abs(rowDot(table, d, p, p + k) - S[k]));
  }
  return { worst, count };
}

/**
 * Checks on an additive position table [N, d] and its position similarity S [n, n] over the first n rows: the
 * Gram matrix of those rows, or (closedForm) the scheme's closed form, which the shift check then compares with
 * sampled dot products of the table's own rows.
 */
export function tableChecks(
  table: Float32Array,
  N: number,
  d: number,
  S: Float32Array,
  n: number,
  closedForm = false,
): Check[] {
  let bound = 0;
  for (let i = 0; i < table.length; i++) bound = Math.max(bound, Math.abs(table[i]));

  // ‖PE(p)‖² from the rows themselves (S's diagonal is the same number for a Gram matrix).
  let normErr = 0;
  for (let p = 0; p < n; p++) normErr = Math.max(normErr, Math.abs(rowDot(table, d, p, p) - d / 2));

  // max over p, k of |PE(p)·PE(p+k) − PE(0)·PE(k)|, relative to d/2 so the limit does not scale with d.
  let shiftErr = 0;
  let sampledCount: number | null = null;
  if (closedForm) {
    const sampled = sampledShiftError(table, d, S, n);
    shiftErr = sampled.worst;
    sampledCount = sampled.count;
  } else {
    for (let p = 1; p < n; p++) {
      for (let k = 0; p + k < n; k++) shiftErr = Math.max(shiftErr, Math.abs(S[p * n + p + k] - S[k]));
    }
  }

  // Smallest distance between two different positions' rows: ‖a−b‖² = S[a,a] + S[b,b] − 2S[a,b].
  let minDist = Infinity;
  let pair: [number, number] = [0, 0];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const dist2 = S[a * n + a] + S[b * n + b] - 2 * S[a * n + b];
      if (dist2 < minDist) {
        minDist = dist2;
        pair = [a, b];
      }
    }
  }
  const dist = Math.sqrt(Math.max(0, minDist));
  return [
    check(msg('check.bounded'), bound, 1 + TOL, msg('check.boundedDetail', { n: N, v: bound })),
    check(msg('check.norm'), normErr, TOL * d, msg('check.normDetail', { half: d / 2, v: normErr })),
    check(
      msg('check.shift'),
      shiftErr,
      TOL * d,
      sampledCount === null
        ? msg('check.shiftDetail', { n, v: shiftErr })
        : msg('check.shiftDetailSampled', { count: sampledCount, n, v: shiftErr }),
    ),
    check(
      msg('check.unique'),
      n > 1 ? dist : Infinity,
      1e-3,
      n > 1 ? msg('check.uniqueDetail', { a: pair[0], b: pair[1], v: dist }) : msg('check.uniqueNeedsTwo'),
      n < 2 || dist > 1e-3,
    ),
  ];
}

/** How the rotated rows were produced: attention factor a, head width and the rotated width n per head. */
export interface RopeNormModel {
  a: number;
  headDim: number;
  rotaryDim: number;
}

/**
 * RoPE: rotation keeps norms up to the attention factor, and the score of a fixed q, k depends only on m − n.
 * The tables carry a (cos·a, sin·a), so the first n dimensions of each head come out a times longer and the
 * rest pass unchanged: ‖R_m x‖² = a²·‖x_rot‖² + ‖x_pass‖² (a = 1, n = head_dim = d: plain ‖R_m x‖ = ‖x‖).
 */
export function ropeChecks(
  before: Float32Array,
  after: Float32Array,
  rows: number,
  d: number,
  scores: Float32Array,
  n: number,
  model: RopeNormModel = { a: 1, headDim: d, rotaryDim: d },
): Check[] {
  const { a, headDim, rotaryDim } = model;
  let normErr = 0;
  for (let r = 0; r < rows; r++) {
    let want = 0;
    let got = 0;
    for (let j = 0; j < d; j++) {
      const x = before[r * d + j] ** 2;
      want += j % headDim < rotaryDim ? a * a * x : x;
      got += after[r * d + j] ** 2;
    }
    normErr = Math.max(
      normErr,
      Math.abs(Math.sqrt(got) - Math.sqrt(want)) / Math.max(Math.sqrt(want), 1e-12),
    );
  }
  let relErr = 0;
  let scale = 0;
  for (let m = 0; m < n; m++) {
    for (let k = 0; m + k < n; k++)
      relErr = Math.max(relErr, Math.abs(scores[(m + k) * n + m] - scores[k * n]));
  }
  for (let i = 0; i < scores.length; i++) scale = Math.max(scale, Math.abs(scores[i]));
  const rel = relErr / Math.max(scale, 1e-12);
  return [
    check(
      msg(a === 1 && rotaryDim === headDim ? 'check.ropeNorm' : 'check.ropeNormScaled'),
      normErr,
      TOL,
      a === 1
        ? msg('check.ropeNormDetail', { v: normErr, rows })
        : msg('check.ropeNormDetailScaled', { v: normErr, rows, a, rotated: rotaryDim, head: headDim }),
    ),
    check(msg('check.ropeRelative'), rel, TOL, msg('check.ropeRelativeDetail', { v: rel })),
  ];
}

/** ALiBi: slopes form the paper's geometric sequence(s): for a power of two n, m_h = r^h with r = 2^(−8/n). */
export function alibiChecks(slopes: ArrayLike<number>): Check[] {
  const n = slopes.length;
  const c = 2 ** Math.floor(Math.log2(n));
  const r = 2 ** (-8 / c);
  let err = 0;
  for (let h = 0; h < c; h++) err = Math.max(err, Math.abs(slopes[h] - r ** (h + 1)) / r ** (h + 1));
  // Extra heads (n not a power of two) interleave the 2c-head sequence: r2^(1), r2^(3), … with r2 = 2^(−4/c).
  const r2 = 2 ** (-4 / c);
  for (let j = 0; j < n - c; j++) {
    const want = r2 ** (2 * j + 1);
    err = Math.max(err, Math.abs(slopes[c + j] - want) / want);
  }
  if (n === 0) return [check(msg('check.slopes'), Infinity, 1e-6, msg('check.noHeads'))];
  return [
    check(
      msg('check.slopes'),
      err,
      1e-6,
      msg('check.slopesDetail', { n, first: slopes[0], last: slopes[n - 1] }),
    ),
  ];
}
