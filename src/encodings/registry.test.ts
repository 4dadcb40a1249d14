// The registry and the catalog: every encoding name resolves, returns what its kind promises, leaks nothing,
// and has a catalog entry whose formulas KaTeX can render.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import katex from 'katex';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, ENCODINGS, type EncodingParams } from '../protocol/specs.ts';
import { CATALOG } from './catalog.ts';
import { getScheme } from './registry.ts';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

describe('encoding registry', () => {
  test('every name in ENCODINGS resolves to a scheme of that name and the kind its catalog entry states', () => {
    for (const name of ENCODINGS) {
      const scheme = getScheme(name);
      expect(scheme.name).toBe(name);
      expect(scheme.kind).toBe(CATALOG[name].kind);
    }
  });

  test("an unknown name throws 'unknown encoding: x', including names inherited from Object.prototype", () => {
    expect(() => getScheme('x')).toThrow('unknown encoding: x');
    expect(() => getScheme('toString')).toThrow('unknown encoding: toString');
    expect(() => getScheme('__proto__')).toThrow('unknown encoding: __proto__');
  });

  test('every scheme returns the tensors its kind promises: pe [P, d], cossin [P, d], or bias [H, P, P]', () => {
    const positions = [0, 1, 2, 3, 4];
    const d = 12;
    const params: EncodingParams = { ...DEFAULT_SPEC.params, heads: 3 };
    for (const name of ENCODINGS) {
      const scheme = getScheme(name);
      const out = scheme.compute({ positions, d, seed: 9 }, params);
      if (scheme.kind === 'additive') expect(out.pe.shape).toEqual([5, d]);
      if (scheme.kind === 'rotary') expect(out.cossin.shape).toEqual([5, d]);
      if (scheme.kind === 'bias') expect(out.bias.shape).toEqual([3, 5, 5]);
      for (const t of Object.values(out)) expect(t.isDisposed).toBe(false);
      tf.dispose(out);
    }
  });

  test('no scheme leaves tensors behind: tf.memory().numTensors is unchanged after compute and dispose', async () => {
    const before = tf.memory().numTensors;
    for (const name of ENCODINGS) {
      const out = getScheme(name).compute({ positions: [0, 1, 2, 7], d: 8, seed: 1 }, DEFAULT_SPEC.params);
      for (const t of Object.values(out)) await t.data();
      tf.dispose(out);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('encoding catalog', () => {
  const variants: EncodingParams[] = [
    DEFAULT_SPEC.params,
    { ...DEFAULT_SPEC.params, layout: 'half', base: 500000, heads: 12, bidirectional: false, positions: 100 },
    { ...DEFAULT_SPEC.params, heads: 1, buckets: 9, maxdist: 64, base: 2.5 },
  ];

  test('every formula, and every formula with values substituted, renders in KaTeX without error', () => {
    for (const name of ENCODINGS) {
      const entry = CATALOG[name];
      expect(() => katex.renderToString(entry.formula, { throwOnError: true })).not.toThrow();
      for (const p of variants) {
        for (const d of [2, 64, 1024]) {
          expect(() => katex.renderToString(entry.formulaWith(p, d), { throwOnError: true })).not.toThrow();
        }
      }
    }
  });

  test('substituted formulas show the current numbers: base and d, heads, buckets and max distance, N', () => {
    const p: EncodingParams = {
      ...DEFAULT_SPEC.params,
      base: 500000,
      heads: 12,
      buckets: 64,
      maxdist: 300,
      positions: 777,
    };
    for (const name of ['sinusoidal', 'rope', 'pitfall-linear'] as const) {
      expect(CATALOG[name].formulaWith(p, 96)).toContain('500000');
      expect(CATALOG[name].formulaWith(p, 96)).toContain('96');
    }
    expect(CATALOG.alibi.formulaWith(p, 64)).toContain('12'); // 8 power-of-two slopes, then 4 interleaved
    expect(CATALOG.t5.formulaWith(p, 64)).toContain('300');
    expect(CATALOG.t5.formulaWith(p, 64)).toContain('32'); // 64 buckets, 32 per direction
    expect(CATALOG['pitfall-scalar'].formulaWith(p, 64)).toContain('777');
  });

  test('the two pitfalls, and only they, say on screen why they fail', () => {
    for (const name of ENCODINGS) {
      const fails = CATALOG[name].fails;
      if (name.startsWith('pitfall-')) expect(fails && fails.length > 20).toBe(true);
      else expect(fails).toBeUndefined();
    }
  });
});

describe('the RoPE formula with the current numbers', () => {
  test("uses the rotated width in θ_i's exponent: head_dim 128 at d = 4096 gives base^(−2i/128), as HF's inv_freq", () => {
    const p = { ...DEFAULT_SPEC.params, base: 500000, headDim: 128, layout: 'half' as const };
    const tex = CATALOG.rope.formulaWith(p, 4096);
    expect(tex).toContain('500000^{-2i/128}');
    expect(tex).toContain('x_{i+64}');
    expect(tex).not.toContain('4096');
    // partial rotary (GPT-NeoX rotary_pct 0.25 of head_dim 128): 32 rotated dimensions
    expect(CATALOG.rope.formulaWith({ ...p, rotaryPct: 0.25 }, 4096)).toContain('-2i/32');
  });
});
