// Opening several dropped files: two safetensors shards packed by hand (testBlobs.packSafetensors) plus a
// model.safetensors.index.json written here, shards without an index, and the messages for files that do not
// belong together.
import { describe, expect, test } from 'vitest';
import { CheckpointError } from './binary.ts';
import { openCheckpoint, type DroppedFile } from './open.ts';
import { f32LE, packSafetensors, SpyBlob, thrownBy } from './testBlobs.ts';

// shard 1: the token table E [4, 3] (E[r][j] = 10r + j) and a layer weight; shard 2: the final norm [3]
const E = [0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32];
const shard1 = packSafetensors([
  { name: 'model.embed_tokens.weight', dtype: 'F32', shape: [4, 3], bytes: f32LE(E) },
  { name: 'model.layers.0.mlp.up_proj.weight', dtype: 'F32', shape: [2], bytes: f32LE([7, 8]) },
]);
const shard2 = packSafetensors([
  { name: 'model.norm.weight', dtype: 'F32', shape: [3], bytes: f32LE([1, 0.5, 2]) },
]);
const S1 = 'model-00001-of-00002.safetensors';
const S2 = 'model-00002-of-00002.safetensors';
const INDEX = 'model.safetensors.index.json';
const weightMap: Record<string, string> = {
  'model.embed_tokens.weight': S1,
  'model.layers.0.mlp.up_proj.weight': S1,
  'model.norm.weight': S2,
};
const index = (map = weightMap) =>
  new Blob([JSON.stringify({ metadata: { total_size: 68 }, weight_map: map })]);
const file = (name: string, bytes: Blob | Uint8Array<ArrayBuffer>): DroppedFile => ({
  name,
  blob: bytes instanceof Blob ? bytes : new Blob([bytes]),
});

async function message(files: DroppedFile[]): Promise<string> {
  const err = await thrownBy(() => openCheckpoint(files));
  expect(err).toBeInstanceOf(CheckpointError);
  return (err as Error).message;
}

describe('two shards and their index', () => {
  test('every tensor is listed with its shard, and reads its values from that shard', async () => {
    const opened = await openCheckpoint([file(INDEX, index()), file(S2, shard2), file(S1, shard1)]);
    expect(opened.label).toBe(`${INDEX} + 2 shards`);
    expect(opened.notes).toEqual([]);
    expect(opened.tensors.map((t) => [t.name, t.file, t.shape])).toEqual([
      ['model.norm.weight', S2, [3]],
      ['model.embed_tokens.weight', S1, [4, 3]],
      ['model.layers.0.mlp.up_proj.weight', S1, [2]],
    ]);
    const byName = new Map(opened.tensors.map((t) => [t.name, t]));
    expect(Array.from((await byName.get('model.embed_tokens.weight')!.read()).data)).toEqual(E);
    expect(Array.from((await byName.get('model.norm.weight')!.read()).data)).toEqual([1, 0.5, 2]);
  });

  test('reading a tensor reads only its byte range from its own shard', async () => {
    const spy1 = new SpyBlob([shard1]);
    const spy2 = new SpyBlob([shard2]);
    const opened = await openCheckpoint([file(INDEX, index()), file(S1, spy1), file(S2, spy2)]);
    const headerReads = [spy1.ranges.length, spy2.ranges.length];
    await opened.tensors.find((t) => t.name === 'model.embed_tokens.weight')!.read();
    const dataStart = shard1.length - 4 * (12 + 2);
    expect(spy1.ranges.slice(headerReads[0])).toEqual([[dataStart, dataStart + 48]]);
    expect(spy2.ranges.length).toBe(headerReads[1]);
  });

  test('a shard the index names but that was not dropped is noted; the dropped shard stays usable', async () => {
    const opened = await openCheckpoint([file(INDEX, index()), file(S1, shard1)]);
    expect(opened.notes).toEqual([
      `${INDEX} names ${S2} (1 tensor), which was not dropped: its tensors are not listed.`,
    ]);
    expect(opened.tensors.map((t) => t.name)).toEqual([
      'model.embed_tokens.weight',
      'model.layers.0.mlp.up_proj.weight',
    ]);
  });

  test('a tensor the index places in a shard whose header lacks it is refused, naming both', async () => {
    const map = { ...weightMap, 'lm_head.weight': S2 };
    expect(await message([file(INDEX, index(map)), file(S1, shard1), file(S2, shard2)])).toBe(
      `${INDEX} places tensor "lm_head.weight" in ${S2}, but that file's header has no such tensor: ` +
        `are the index and the shards from the same model and revision?`,
    );
  });

  test('an index alone, an index naming none of the dropped shards, and an index without weight_map', async () => {
    expect(await message([file(INDEX, index())])).toMatch(/drop it together with the \.safetensors shards/);
    expect(await message([file(INDEX, index()), file('other.safetensors', shard2)])).toMatch(
      /names the shards model-00001-of-00002\.safetensors, model-00002-of-00002\.safetensors, and none of them was dropped/,
    );
    expect(await message([file(INDEX, new Blob(['{"metadata": {}}'])), file(S1, shard1)])).toMatch(
      /has no "weight_map" object/,
    );
  });
});

describe('shards without an index', () => {
  test('the tensors are the union of the shards’ headers, with a note saying so', async () => {
    const opened = await openCheckpoint([file(S1, shard1), file(S2, shard2)]);
    expect(opened.label).toBe('2 files');
    expect(opened.notes).toEqual([
      "No model.safetensors.index.json was dropped: the tensors listed are the union of the 2 shards' headers.",
    ]);
    expect(opened.tensors.map((t) => t.file)).toEqual([S1, S1, S2]);
    expect(Array.from((await opened.tensors[2].read()).data)).toEqual([1, 0.5, 2]);
  });

  test('a tensor in two shards is refused; so is a file of another kind', async () => {
    expect(await message([file(S1, shard1), file('copy.safetensors', shard1)])).toBe(
      `Tensor "model.embed_tokens.weight" is in both ${S1} and copy.safetensors: drop one of them`,
    );
    expect(await message([file('pytorch_model.bin', shard1)])).toMatch(
      /pytorch_model\.bin is not a \.safetensors file, a \.npy file or a model\.safetensors\.index\.json/,
    );
  });
});

describe('a file saved without its extension', () => {
  test('is recognised by its first bytes: safetensors by the header that follows its length, .npy by its magic', async () => {
    // A browser download saved under a generated name (no extension), as Playwright and some browsers keep it.
    const st = await openCheckpoint([file('bde1f489-download', shard2)]);
    expect(st.format).toBe('safetensors');
    expect(st.tensors.map((t) => [t.name, t.shape])).toEqual([['model.norm.weight', [3]]]);
    expect(Array.from((await st.tensors[0].read()).data)).toEqual([1, 0.5, 2]);
    // numpy's format 1.0 header written by hand: magic, version 1.0, header length, dict padded to 64 bytes
    const dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    const header = dict.padEnd(64 - 10 - 1, ' ') + '\n';
    const bytes = new Uint8Array([
      0x93,
      ...new TextEncoder().encode('NUMPY'),
      1,
      0,
      header.length,
      0,
      ...new TextEncoder().encode(header),
      ...f32LE([3, -4]),
    ]);
    const npy = await openCheckpoint([file('array-no-extension', bytes)]);
    expect(npy.format).toBe('npy');
    expect(Array.from((await npy.tensors[0].read()).data)).toEqual([3, -4]);
    expect(await message([file('notes', new Uint8Array([1, 2, 3]))])).toMatch(/is not a \.safetensors file/);
  });
});
