// CheckpointStore: what the worker reports for a drop of several files (each tensor's shard, the notes, the
// proposed tables) and reading rows of a table whose layout has no row ranges (a Fortran-order .npy, read whole
// once and cut). Files are packed by hand (testBlobs.packSafetensors; the .npy header written out here).
import { describe, expect, test } from 'vitest';
import { f32LE, packSafetensors } from '../checkpoints/testBlobs.ts';
import { CheckpointStore } from './checkpoint.ts';

const S1 = 'model-00001-of-00002.safetensors';
const S2 = 'model-00002-of-00002.safetensors';
const shard1 = packSafetensors([
  { name: 'transformer.wte.weight', dtype: 'F32', shape: [3, 2], bytes: f32LE([0, 1, 10, 11, 20, 21]) },
]);
const shard2 = packSafetensors([
  { name: 'transformer.wpe.weight', dtype: 'F32', shape: [2, 2], bytes: f32LE([5, 6, 7, 8]) },
]);
const index = (map: Record<string, string>) => new Blob([JSON.stringify({ weight_map: map })]);
const both = index({ 'transformer.wte.weight': S1, 'transformer.wpe.weight': S2 });

describe('CheckpointStore', () => {
  test('two shards and their index: every tensor with its shard, GPT-2 tables proposed, no notes', async () => {
    const store = new CheckpointStore();
    const info = await store.open([
      {
        name: 'model.safetensors.index.json',
        file: both,
      },
      { name: S1, file: new Blob([shard1]) },
      { name: S2, file: new Blob([shard2]) },
    ]);
    expect(info).toEqual({
      file: 'model.safetensors.index.json + 2 shards',
      bytes: shard1.length + shard2.length + both.size,
      format: 'safetensors',
      tensors: [
        { name: 'transformer.wte.weight', dtype: 'F32', shape: [3, 2], shard: S1 },
        { name: 'transformer.wpe.weight', dtype: 'F32', shape: [2, 2], shard: S2 },
      ],
      proposed: { token: 'transformer.wte.weight', position: 'transformer.wpe.weight' },
    });
    expect(await store.rows('transformer.wte.weight', [2, 0])).toEqual({
      rows: 2,
      cols: 2,
      data: new Float32Array([20, 21, 0, 1]),
    });
    expect((await store.tensor('transformer.wpe.weight')).data).toEqual(new Float32Array([5, 6, 7, 8]));
  });

  test('the shard an index names but that was not dropped comes back as a note', async () => {
    const info = await new CheckpointStore().open([
      {
        name: 'model.safetensors.index.json',
        file: both,
      },
      { name: S1, file: new Blob([shard1]) },
    ]);
    expect(info.notes).toEqual([
      `model.safetensors.index.json names ${S2} (1 tensor), which was not dropped: its tensors are not listed.`,
    ]);
    expect(info.proposed).toEqual({ token: 'transformer.wte.weight', position: null });
  });

  test('a lone wpe.npy is proposed as the position table; rows of a Fortran-order table are cut from the whole', async () => {
    // {'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), } with A = [[1, 2], [3, 4], [5, 6]] stored by columns
    const dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }";
    const text = dict + ' '.repeat(117 - dict.length) + '\n';
    const head = new Uint8Array(10 + text.length);
    head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, text.length, 0]);
    for (let i = 0; i < text.length; i++) head[10 + i] = text.charCodeAt(i);
    const file = new Blob([head, f32LE([1, 3, 5, 2, 4, 6])]);
    const store = new CheckpointStore();
    const info = await store.open([{ name: 'gpt2-wpe.npy', file }]);
    expect(info.proposed).toEqual({ token: null, position: 'gpt2-wpe' });
    expect((await store.rows('gpt2-wpe', [2, 1])).data).toEqual(new Float32Array([5, 6, 3, 4]));
  });
});
