// Model presets: every name resolves, each preset's settings follow the config.json values it quotes, and the
// RoPE presets give the published rules' facts (numbers from `python3 src/encodings/rope/reference.py`).
import { describe, expect, test } from 'vitest';
import { validateRope } from '../protocol/rope.ts';
import { DEFAULT_SPEC } from '../protocol/specs.ts';
import { ropeFrequencies } from '../encodings/rope/frequencies.ts';
import { yarnRamp } from '../encodings/rope/yarn.ts';
import { MODELS, getModel, type ModelPreset } from './registry.ts';

const num = (c: Readonly<Record<string, unknown>>, ...keys: string[]): number | undefined => {
  for (const k of keys) if (typeof c[k] === 'number') return c[k] as number;
  return undefined;
};
const spec = (m: ModelPreset) => ({ ...DEFAULT_SPEC.params, ...m.params });
const regions = (m: ModelPreset) => {
  const p = spec(m);
  const { rows } = ropeFrequencies(p.headDim ?? m.d, p);
  const c: Record<string, number> = { kept: 0, interpolated: 0, ramped: 0 };
  for (const r of rows) c[r.region]++;
  return c;
};

describe('model presets', () => {
  test('all eleven names of issue #15 resolve to a preset of that id; an unknown name throws', () => {
    expect(MODELS).toHaveLength(11);
    for (const name of MODELS) expect(getModel(name).id).toBe(name);
    expect(() => getModel('gpt5')).toThrow('unknown model: gpt5');
    expect(() => getModel('__proto__')).toThrow('unknown model: __proto__');
  });

  test.each(MODELS)('%s: d, heads, head_dim and base are the quoted config.json values', (name) => {
    const m = getModel(name);
    const c = m.config;
    expect(m.d).toBe(num(c, 'hidden_size', 'n_embd', 'd_model', 'n_embed'));
    expect(m.params.heads).toBe(num(c, 'num_attention_heads', 'n_head', 'num_heads'));
    if (m.pe !== 'rope') return;
    const heads = m.params.heads ?? 0;
    expect(m.params.headDim).toBe(num(c, 'qk_rope_head_dim', 'head_dim') ?? m.d / heads);
    expect(m.params.base).toBe(num(c, 'rope_theta') ?? 10000); // LlamaConfig's default when the key is absent
    const scaling = c.rope_scaling as Record<string, unknown> | null | undefined;
    if (scaling) {
      expect(m.params.ropeType).toBe(scaling.rope_type ?? scaling.type);
      expect(m.params.factor).toBe(scaling.factor);
      if ('original_max_position_embeddings' in scaling)
        expect(m.params.originalContext).toBe(scaling.original_max_position_embeddings);
    } else expect(m.params.ropeType).toBe('default');
    expect(validateRope(spec(m), m.d, 8192)).toBeNull();
  });

  test('Llama 3.1 8B keeps 29 pairs, divides 29 by 8 and smooths 6 (issue #15); Llama 3.2 1B: 15, 14, 3', () => {
    expect(regions(getModel('llama-3.1-8b'))).toEqual({ kept: 29, interpolated: 29, ramped: 6 });
    expect(regions(getModel('llama-3.2-1b'))).toEqual({ kept: 15, interpolated: 14, ramped: 3 });
  });

  test('DeepSeek-V3 ramps its 32 rope pairs between 10 and 23 with attention factor 1 (mscale = mscale_all_dim)', () => {
    const m = getModel('deepseek-v3');
    expect(yarnRamp(64, spec(m))).toEqual({ low: 10, high: 23 });
    expect(ropeFrequencies(64, spec(m)).attentionFactor).toBe(1);
  });

  test('Gemma 3 4B shows both bases: 1,000,000 (global, linear ×8) and 10,000 (local)', () => {
    const m = getModel('gemma-3-4b');
    expect([m.params.base, m.variants?.[0].params.base]).toEqual([1000000, 10000]);
    expect(m.config.rope_local_base_freq).toBe(10000);
  });
});
