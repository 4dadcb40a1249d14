// The tokenizers' about/ data against the tokenizers themselves and against published facts.
import { beforeAll, describe, expect, test } from 'vitest';
import { EMBEDDING_REQUIRES, TOKENIZERS, type TokenizerName } from '../../protocol/specs.ts';
import { loadTokenizer } from '../registry.ts';
import { readPublicData } from '../testData.ts';
import type { Tokenizer } from '../tokenizer.ts';
import { TOKENIZER_ABOUT, tokenizerForRows } from './index.ts';

const all = new Map<TokenizerName, Tokenizer>();
beforeAll(async () => {
  for (const name of TOKENIZERS) all.set(name, await loadTokenizer(name, readPublicData));
}, 120_000);

describe('tokenizer about/', () => {
  test("every tokenizer has a label, a licence and a source, and its vocabSize is the loaded tokenizer's", () => {
    for (const name of TOKENIZERS) {
      const a = TOKENIZER_ABOUT[name];
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.licence.length).toBeGreaterThan(0);
      expect(a.source.length).toBeGreaterThan(0);
      if (a.vocabSize !== null) expect(all.get(name)?.vocabSize, name).toBe(a.vocabSize);
    }
  });

  test('published vocabulary sizes: GPT-2 50,257, BERT 30,522, Llama 3 128,256 (128,000 + 256 special)', () => {
    expect(TOKENIZER_ABOUT.gpt2.vocabSize).toBe(50257);
    expect(TOKENIZER_ABOUT.bert.vocabSize).toBe(30522);
    expect(TOKENIZER_ABOUT.llama3.vocabSize).toBe(128000 + 256);
  });

  test('a checkpoint table is matched to a tokenizer by its rows (config.json vocab_size), and no two share a row count', () => {
    expect(tokenizerForRows(50257)).toBe('gpt2');
    expect(tokenizerForRows(30522)).toBe('bert');
    expect(tokenizerForRows(8002)).toBe('use');
    expect(tokenizerForRows(151936)).toBe('qwen3'); // Qwen3-8B config.json vocab_size
    expect(tokenizerForRows(262208)).toBe('gemma3'); // Gemma 3 4B text_config vocab_size
    expect(tokenizerForRows(129280)).toBe('deepseek-v3'); // DeepSeek-V3 config.json vocab_size
    expect(tokenizerForRows(12345)).toBeUndefined();
    const rows = TOKENIZERS.map((t) => TOKENIZER_ABOUT[t].checkpointRows).filter((r) => r !== undefined);
    expect(new Set(rows).size).toBe(rows.length);
  });

  test('a model table has at least as many rows as its tokenizer has ids', () => {
    for (const name of TOKENIZERS) {
      const { vocabSize, checkpointRows } = TOKENIZER_ABOUT[name];
      if (vocabSize !== null && checkpointRows !== undefined)
        expect(checkpointRows).toBeGreaterThanOrEqual(vocabSize);
    }
  });

  test('the shipped tables pair with their tokenizers: GloVe 100-d with word, USE-lite 256-d with use', () => {
    expect(EMBEDDING_REQUIRES).toEqual({
      'glove-100d': { tokenizer: 'word', d: 100 },
      'use-lite': { tokenizer: 'use', d: 256 },
    });
  });
});
