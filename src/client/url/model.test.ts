// The model= URL key: a preset sets the spec as its quoted config.json says (numbers read from the config field of
// each data file, the published values, not from the preset's own settings), later keys override it, an unknown
// name leaves a notice naming the key, and a link holds only the overrides.
import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW, toHash } from '../urlState.ts';
import { getModel } from '../../models/registry.ts';
import { parseShown } from './testParse.ts';

const cfg = (name: string) => getModel(name).config as Record<string, number & Record<string, number>>;

describe('URL key model', () => {
  test('llama-3.1-8b: rope_theta, heads, head_dim = hidden/heads and the llama3 rope_scaling of its config', () => {
    const { view, notices } = parseShown('#model=llama-3.1-8b');
    expect(notices).toEqual([]);
    const c = cfg('llama-3.1-8b');
    const p = view.spec.params;
    expect(view.model).toBe('llama-3.1-8b');
    expect([view.spec.tokenizer, view.spec.pe]).toEqual(['llama3', 'rope']);
    expect(p.base).toBe(c.rope_theta); // 500000
    expect(p.heads).toBe(c.num_attention_heads); // 32
    expect(p.headDim).toBe(c.hidden_size / c.num_attention_heads); // 4096 / 32 = 128
    expect([p.ropeType, p.factor, p.lowFreqFactor, p.highFreqFactor, p.originalContext]).toEqual([
      c.rope_scaling.rope_type,
      c.rope_scaling.factor,
      c.rope_scaling.low_freq_factor,
      c.rope_scaling.high_freq_factor,
      c.rope_scaling.original_max_position_embeddings,
    ]);
    expect(view.spec.d).toBe(4096); // hidden_size 4096, within the app's d limit (8192) since issue 14
  });

  test('gpt2: learned positions, n_positions 1024, n_embd 768, n_head 12', () => {
    const { view } = parseShown('#model=gpt2');
    const c = cfg('gpt2');
    expect(view.spec.pe).toBe('learned');
    expect([view.spec.params.positions, view.spec.d, view.spec.params.heads]).toEqual([
      c.n_positions,
      c.n_embd,
      c.n_head,
    ]);
  });

  test('qwen3-8b and gemma-3-4b: their rope_theta and head_dim; Gemma’s global layers scale linearly by 8', () => {
    const qwen = parseShown('#model=qwen3-8b').view.spec.params;
    expect([qwen.base, qwen.headDim, qwen.ropeType]).toEqual([1000000, cfg('qwen3-8b').head_dim, 'default']);
    const gemma = parseShown('#model=gemma-3-4b').view.spec.params;
    const g = cfg('gemma-3-4b');
    expect([gemma.base, gemma.headDim, gemma.ropeType, gemma.factor]).toEqual([
      g.rope_theta,
      g.head_dim,
      g.rope_scaling.rope_type,
      g.rope_scaling.factor,
    ]);
  });

  test('keys after it override the preset, wherever they sit in the hash; the rest of the preset stays', () => {
    for (const hash of [
      '#model=llama-3.1-8b&base=10000&rope_type=default',
      '#base=10000&rope_type=default&model=llama-3.1-8b',
    ]) {
      const { view, notices } = parseShown(hash);
      expect(notices).toEqual([]);
      expect(view.model).toBe('llama-3.1-8b');
      expect([view.spec.params.base, view.spec.params.ropeType, view.spec.params.headDim]).toEqual([
        10000,
        'default',
        128,
      ]);
    }
  });

  test('an unknown model leaves a notice naming the key and keeps the default view', () => {
    const { view, notices } = parseShown('#model=gpt-5');
    expect(view).toEqual(DEFAULT_VIEW);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^URL key "model" = "gpt-5" is not a known model \(one of gpt2, /);
  });

  test('a link holds the model and only what differs from it, and parses back to the same view', () => {
    const start = parseShown('#model=gpt2&positions=512&d=64').view;
    const hash = toHash(start);
    const keys = [...new URLSearchParams(hash.slice(1)).keys()];
    expect(keys[0]).toBe('model');
    expect(keys).toContain('positions'); // 512 is the app's default, but not GPT-2's 1024
    expect(keys).not.toContain('heads'); // 12, as the preset set it
    expect(parseShown(hash)).toEqual({ view: start, notices: [] });
  });

  test('head_dim back to d after a preset set it: written as an empty value, read back as null', () => {
    const gemma = parseShown('#model=gemma-3-4b').view;
    const plain = { ...gemma, spec: { ...gemma.spec, params: { ...gemma.spec.params, headDim: null } } };
    const hash = toHash(plain);
    expect(hash).toMatch(/[&#]head_dim=(&|$)/);
    expect(parseShown(hash).view.spec.params.headDim).toBeNull();
  });
});
