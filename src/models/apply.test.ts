// applyModel: every preset gives a valid spec from any starting point, keeps published values where the app can
// show them, and says what it had to change.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SPEC, validateSpec, type RunSpec } from '../protocol/specs.ts';
import { applyModel } from './apply.ts';
import { MODELS, getModel } from './registry.ts';
import { msg, renderEn } from '../protocol/msg.ts';

const glove: RunSpec = { ...DEFAULT_SPEC, tokenizer: 'word', d: 100, embedding: 'glove-100d' };

describe('applyModel', () => {
  test.each(MODELS)('%s gives a spec validateSpec accepts, from the default and from GloVe', (name) => {
    for (const start of [DEFAULT_SPEC, glove]) {
      const { spec } = applyModel(start, getModel(name));
      expect(validateSpec(spec)).toBeNull();
      expect(spec.pe).toBe(getModel(name).pe);
    }
  });

  test('GPT-2 is shown as published: gpt2 tokenizer, d 768, 12 heads, 1,024 learned positions, no notice', () => {
    const { spec, notices } = applyModel(DEFAULT_SPEC, getModel('gpt2'));
    expect(notices).toEqual([]);
    expect([spec.tokenizer, spec.d, spec.params.heads, spec.params.positions]).toEqual([
      'gpt2',
      768,
      12,
      1024,
    ]);
  });

  test('Llama 3.1 8B: d 4096 is shown as published (LIMITS.dMax is 8192), head_dim 128 and the llama3 rule kept', () => {
    const { spec, notices } = applyModel(DEFAULT_SPEC, getModel('llama-3.1-8b'));
    expect(spec.d).toBe(4096);
    expect(spec.params).toMatchObject({ headDim: 128, ropeType: 'llama3', factor: 8, originalContext: 8192 });
    expect(notices).toEqual([]);
  });

  test('a width past 8192 (d 16384, head_dim 128) is shown at 8192 with a notice', () => {
    const wide = { ...getModel('llama-3.1-8b'), d: 16384 };
    const { spec, notices } = applyModel(DEFAULT_SPEC, wide);
    expect(spec.d).toBe(8192);
    expect(notices).toEqual([msg('model.wide', { model: wide.label, d: 16384, shown: 8192 })]);
  });

  test('DeepSeek-V3: 128 heads are shown as 64 with a notice; a RoPE constant from a previous preset does not leak', () => {
    const after = applyModel(DEFAULT_SPEC, getModel('deepseek-v3'));
    expect(after.spec.params.heads).toBe(64);
    expect(after.notices.map(renderEn).join(' ')).toMatch(/128 heads; shown with 64/);
    const qwen = applyModel(after.spec, getModel('qwen3-8b')).spec.params;
    expect([qwen.ropeType, qwen.attentionFactor, qwen.betaFast]).toEqual(['default', null, 32]);
  });
});
