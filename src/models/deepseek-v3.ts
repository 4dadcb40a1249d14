// DeepSeek-V3: multi-head latent attention; RoPE acts only on the 64-dimensional qk_rope_head_dim part of each
// head, with YaRN (factor 40, original 4096, beta 32/1) and base 10,000, interleaved pairs (HF rope_interleave).
// Published config: https://huggingface.co/deepseek-ai/DeepSeek-V3 (config.json). Stored copy read: config.json
// quoted verbatim in a stored note (find_string id 51774936285), matching another (id 67632248730).
// attention_factor: the config gives mscale = mscale_all_dim = 1.0, and HF's _compute_yarn_parameters then sets
// attention_factor = get_mscale(40, 1) / get_mscale(40, 1) = 1 (DeepSeek scales the softmax by mscale² instead).
import type { ModelPreset } from './preset.ts';

export const deepseekV3: ModelPreset = {
  id: 'deepseek-v3',
  label: 'DeepSeek-V3',
  hf: 'deepseek-ai/DeepSeek-V3',
  source: 'config.json as quoted in stored copies (find_string ids 51774936285, 67632248730)',
  config: {
    hidden_size: 7168,
    num_attention_heads: 128,
    qk_nope_head_dim: 128,
    qk_rope_head_dim: 64,
    max_position_embeddings: 163840,
    rope_theta: 10000,
    rope_scaling: {
      beta_fast: 32,
      beta_slow: 1,
      factor: 40,
      mscale: 1.0,
      mscale_all_dim: 1.0,
      original_max_position_embeddings: 4096,
      type: 'yarn',
    },
    vocab_size: 129280,
  },
  tokenizer: 'deepseek-v3',
  d: 7168,
  pe: 'rope',
  params: {
    heads: 128,
    headDim: 64,
    base: 10000,
    layout: 'interleaved',
    ropeType: 'yarn',
    factor: 40,
    originalContext: 4096,
    betaFast: 32,
    betaSlow: 1,
    attentionFactor: 1,
  },
};
