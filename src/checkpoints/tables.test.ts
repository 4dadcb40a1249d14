// proposeTables: the table names of real Hugging Face checkpoints (tensor names and shapes as listed in each
// model's model.safetensors on the hub: openai-community/gpt2, google-bert/bert-base-uncased,
// meta-llama/Llama-3.1-8B, EleutherAI/pythia-160m, facebook/opt-125m, openai/clip-vit-base-patch32, t5-base).
import { describe, expect, test } from 'vitest';
import { proposeTables } from './tables.ts';

const info = (name: string, shape: number[]) => ({ name, dtype: 'F32', shape, begin: 0, end: 0 });

describe('Hugging Face names', () => {
  test('Pythia / GPT-NeoX: gpt_neox.embed_in.weight is the token table, embed_out (the head) is not', () => {
    const infos = [
      info('embed_out.weight', [50304, 768]),
      info('gpt_neox.embed_in.weight', [50304, 768]),
      info('gpt_neox.layers.0.attention.query_key_value.weight', [2304, 768]),
    ];
    expect(proposeTables(infos)).toEqual({ token: 'gpt_neox.embed_in.weight', position: null });
  });

  test('Llama 3.1 8B: model.embed_tokens.weight [128256, 4096], no position table, lm_head left alone', () => {
    const infos = [
      info('lm_head.weight', [128256, 4096]),
      info('model.embed_tokens.weight', [128256, 4096]),
      info('model.layers.0.self_attn.q_proj.weight', [4096, 4096]),
    ];
    expect(proposeTables(infos)).toEqual({ token: 'model.embed_tokens.weight', position: null });
  });

  test('CLIP text tower: token_embedding and position_embedding; T5: shared.weight', () => {
    expect(
      proposeTables([
        info('text_model.embeddings.position_embedding.weight', [77, 512]),
        info('text_model.embeddings.token_embedding.weight', [49408, 512]),
      ]),
    ).toEqual({
      token: 'text_model.embeddings.token_embedding.weight',
      position: 'text_model.embeddings.position_embedding.weight',
    });
    expect(
      proposeTables([info('shared.weight', [32128, 768]), info('encoder.final_layer_norm.weight', [768])]),
    ).toEqual({ token: 'shared.weight', position: null });
  });

  test('a BERT file without the bert. prefix (as exported by some tools): embeddings.*', () => {
    const infos = [
      info('embeddings.word_embeddings.weight', [30522, 768]),
      info('embeddings.position_embeddings.weight', [512, 768]),
    ];
    expect(proposeTables(infos)).toEqual({
      token: 'embeddings.word_embeddings.weight',
      position: 'embeddings.position_embeddings.weight',
    });
  });
});

describe('a file that holds one table', () => {
  test.each([
    ['wpe.weight'],
    ['transformer.wpe.weight'],
    ['bert.embeddings.position_embeddings.weight'],
    ['embeddings.position_embeddings.weight'],
    ['gpt2-wpe'], // a .npy named gpt2-wpe.npy
    ['pos_emb'],
  ])('a lone [n, d] tensor named %s is proposed as the position table', (name) => {
    expect(proposeTables([info(name, [1024, 768])])).toEqual({ token: null, position: name });
    expect(proposeTables([info(name, [1024, 768])], 'lone table is a token table')).toEqual({
      token: null,
      position: name,
    });
  });

  test('a lone wte.weight is the token table; a lone array of any other name is a token table only for .npy', () => {
    expect(proposeTables([info('wte.weight', [50257, 768])])).toEqual({
      token: 'wte.weight',
      position: null,
    });
    expect(proposeTables([info('table', [100, 8])])).toEqual({ token: null, position: null });
    expect(proposeTables([info('table', [100, 8])], 'lone table is a token table')).toEqual({
      token: 'table',
      position: null,
    });
  });
});

describe('proposeTables', () => {
  const info = (name: string, shape: number[]) => ({
    name,
    dtype: 'F32',
    shape,
    begin: 0,
    end: 0,
  });

  test('GPT-2 (openai-community/gpt2): wte.weight [50257, 768] and wpe.weight [1024, 768]', () => {
    const infos = [
      info('h.0.attn.c_attn.weight', [768, 2304]),
      info('h.0.ln_1.weight', [768]),
      info('wpe.weight', [1024, 768]),
      info('wte.weight', [50257, 768]),
    ];
    expect(proposeTables(infos)).toEqual({ token: 'wte.weight', position: 'wpe.weight' });
  });

  test('GPT-2 with a transformer. prefix, and the shortest of two matching names wins', () => {
    const infos = [
      info('transformer.wte.weight', [50257, 768]),
      info('transformer.wpe.weight', [1024, 768]),
      info('lm_head.weight', [50257, 768]),
    ];
    expect(proposeTables(infos)).toEqual({
      token: 'transformer.wte.weight',
      position: 'transformer.wpe.weight',
    });
    expect(proposeTables([...infos, info('wte.weight', [50257, 768])]).token).toBe('wte.weight');
  });

  test('BERT: word and position embeddings, not token_type_embeddings or position_ids', () => {
    const infos = [
      info('bert.embeddings.position_ids', [1, 512]),
      info('bert.embeddings.token_type_embeddings.weight', [2, 768]),
      info('bert.embeddings.position_embeddings.weight', [512, 768]),
      info('bert.embeddings.word_embeddings.weight', [30522, 768]),
      info('bert.embeddings.LayerNorm.weight', [768]),
    ];
    expect(proposeTables(infos)).toEqual({
      token: 'bert.embeddings.word_embeddings.weight',
      position: 'bert.embeddings.position_embeddings.weight',
    });
  });

  test('LLaMA (RoPE) has a token table and no position table; OPT and CLIP names are recognised', () => {
    expect(proposeTables([info('model.embed_tokens.weight', [32000, 4096])])).toEqual({
      token: 'model.embed_tokens.weight',
      position: null,
    });
    expect(
      proposeTables([
        info('model.decoder.embed_tokens.weight', [50272, 768]),
        info('model.decoder.embed_positions.weight', [2050, 768]),
      ]),
    ).toEqual({
      token: 'model.decoder.embed_tokens.weight',
      position: 'model.decoder.embed_positions.weight',
    });
    expect(proposeTables([info('text_model.embeddings.token_embedding.weight', [49408, 512])]).token).toBe(
      'text_model.embeddings.token_embedding.weight',
    );
  });

  test('only 2-D tensors qualify, names must match a whole dot-separated part, and a same-width table is preferred', () => {
    expect(proposeTables([info('wte.weight', [768]), info('my_wte_thing', [10, 4])])).toEqual({
      token: null,
      position: null,
    });
    const infos = [info('wte', [100, 64]), info('wpe', [16, 32]), info('enc.wpe.weight', [16, 64])];
    expect(proposeTables(infos)).toEqual({ token: 'wte', position: 'enc.wpe.weight' });
  });
});
