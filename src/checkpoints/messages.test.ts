// The parsers' diagnostics are data (protocol/msg.ts): each CheckpointError carries a `ckpt.*` key and the
// offending values as parameters, its `message` is the English rendering (word for word what e2e and the other
// tests match), and the interface renders the same message in Chinese.
import { describe, expect, test } from 'vitest';
import { CheckpointError } from './binary.ts';
import { readRows } from './layout.ts';
import { readNpy, writeNpy } from './npy.ts';
import { openCheckpoint } from './open.ts';
import { readSafetensorsHeader, safetensorsTable } from './safetensors.ts';
import { blobOf, f32LE, packSafetensors, thrownBy } from './testBlobs.ts';
import { msgOf, renderEn, type Msg } from '../protocol/msg.ts';
import { say } from '../i18n/t.ts';

async function caught(parse: () => Promise<unknown>): Promise<CheckpointError> {
  const err = await thrownBy(parse);
  expect(err).toBeInstanceOf(CheckpointError);
  const e = err as CheckpointError;
  expect(msgOf(e)).toBe(e.msg); // what the worker posts
  expect(e.message).toBe(renderEn(e.msg));
  return e;
}

/** Rendered in Chinese: no placeholder left open, and none of the English sentence. */
function zh(m: Msg, english: RegExp): string {
  const text = say('zh', m);
  expect(text).not.toMatch(/\{\w+\}/);
  expect(text).not.toMatch(english);
  return text;
}

const table = writeNpy([2, 3], new Float32Array([1, 2, 3, 4, 5, 6]));

describe('checkpoint errors carry a key and the offending values', () => {
  test('a cut .npy file: ckpt.npy.dataCut with the shape, dtype and byte counts', async () => {
    const e = await caught(() => readNpy(blobOf(table.slice(0, table.length - 4))));
    expect(e.msg).toEqual({
      key: 'ckpt.npy.dataCut',
      params: { label: '.npy file', shape: '2, 3', descr: '<f4', need: 24, left: 20 },
    });
    expect(e.message).toBe(
      '.npy file is truncated: shape (2, 3) of <f4 needs 24 bytes of data after the header, but only 20 bytes follow it',
    );
    expect(zh(e.msg, /truncated/)).toBe(
      '.npy file 不完整：形状为 (2, 3) 的 <f4 在文件头之后需要 24 字节数据，但其后只有 20 字节',
    );
  });

  test('a zip dropped as .npy: ckpt.npy.magic with the guess as a nested message', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
    const e = await caught(() => readNpy(new File([zip], 'w.npy')));
    expect(e.msg.key).toBe('ckpt.npy.magic');
    expect(e.msg.params).toEqual({ label: 'w.npy', sniff: { key: 'ckpt.sniff.zip' } });
    expect(e.message).toBe(
      'w.npy does not start with the .npy magic bytes \\x93NUMPY. It looks like a zip archive (a PyTorch ' +
        '.bin/.pt checkpoint or a .npz?).',
    );
    expect(zh(e.msg, /looks like/)).toContain('zip 压缩包');
  });

  test('a 4-byte safetensors file: ckpt.st.tooShort with its size', async () => {
    const e = await caught(() => readSafetensorsHeader(new File([new Uint8Array(4)], 'm.safetensors')));
    expect(e.msg).toEqual({ key: 'ckpt.st.tooShort', params: { label: 'm.safetensors', size: 4 } });
    expect(zh(e.msg, /shorter than/)).toContain('4 字节');
  });

  test('a header entry with reversed offsets names the tensor through a nested `where`', async () => {
    const json = new TextEncoder().encode(
      JSON.stringify({ a: { dtype: 'F32', shape: [1], data_offsets: [4, 0] } }),
    );
    const head = new Uint8Array(8);
    new DataView(head.buffer).setUint32(0, json.length, true);
    const e = await caught(() => readSafetensorsHeader(blobOf(head, json, new Uint8Array(4))));
    expect(e.msg).toEqual({
      key: 'ckpt.st.reversed',
      params: {
        where: { key: 'ckpt.st.entry', params: { label: 'safetensors file', name: 'a' } },
        b: 4,
        e: 0,
      },
    });
    expect(e.message).toBe(
      'safetensors file: tensor "a" in the header has reversed data_offsets [4, 0]: the end comes before the begin',
    );
    expect(zh(e.msg, /reversed/)).toBe(
      'safetensors file：文件头中的张量“a”的 data_offsets [4, 0] 颠倒了：结束位置在开始位置之前',
    );
  });

  test('a row outside the table: ckpt.rowOutside with the row and the last row', async () => {
    const bytes = packSafetensors([
      { name: 'wte', dtype: 'F32', shape: [2, 3], bytes: f32LE([1, 2, 3, 4, 5, 6]) },
    ]);
    const blob = new File([bytes], 'm.safetensors');
    const [info] = await readSafetensorsHeader(blob);
    const e = await caught(() => readRows(safetensorsTable(blob, info)!, [5]));
    expect(e.msg).toEqual({
      key: 'ckpt.rowOutside',
      params: { label: 'm.safetensors', row: 5, name: 'wte', last: 1 },
    });
    expect(zh(e.msg, /outside/)).toBe('m.safetensors：第 5 行超出了“wte”的范围，它的行号为 0…1');
  });

  test('three index files: each "and" in the interface language', async () => {
    const idx = (name: string) => ({ name, blob: new Blob(['{}']) });
    const e = await caught(() =>
      openCheckpoint([idx('a.index.json'), idx('b.index.json'), idx('c.index.json')]),
    );
    expect(e.msg.key).toBe('ckpt.open.twoIndexes');
    expect(e.message).toBe('a.index.json and b.index.json and c.index.json: drop one index file at a time');
    expect(zh(e.msg, / and |drop/)).toBe(
      'a.index.json 和 b.index.json 和 c.index.json：一次只能拖入一个索引文件',
    );
  });

  test('nothing dropped: ckpt.open.none', async () => {
    const e = await caught(() => openCheckpoint([]));
    expect(e.msg).toEqual({ key: 'ckpt.open.none' });
    expect(say('zh', e.msg)).toBe('没有拖入任何文件。');
  });
});
