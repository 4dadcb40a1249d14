// The RoPE rule catalog lists every rope_type with the keys HF's functions read (modeling_rope_utils.py).
import { expect, test } from 'vitest';
import { ROPE_TYPES } from '../../../protocol/rope.ts';
import { ROPE_CATALOG } from '../../catalog.ts';

test('every rope_type has an entry, and llama3 and yarn list the keys their HF functions read', () => {
  expect(Object.keys(ROPE_CATALOG).sort()).toEqual([...ROPE_TYPES].sort());
  expect(ROPE_CATALOG.llama3.params).toEqual([
    'factor',
    'low_freq_factor',
    'high_freq_factor',
    'original_context',
  ]);
  expect(ROPE_CATALOG.yarn.params).toEqual([
    'factor',
    'original_context',
    'beta_fast',
    'beta_slow',
    'attention_factor',
  ]);
  expect(ROPE_CATALOG.default.params).toEqual([]);
});
