// safetensors parser and writer, checked against files assembled by hand here (u64 length via DataView, JSON
// header via TextEncoder, values via DataView or published f16/bf16 bit patterns), never via the module's writer.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CheckpointError } from './binary.ts';
import {
  readSafetensorsHeader,
  readSafetensorsIndex,
  readTensor,
  writeSafetensors,
  type TensorInfo,
} from './safetensors.ts';
import { blobOf, diagnosed, SpyBlob, thrownBy, UnreadableBlob } from './testBlobs.ts';

/** A safetensors file built by hand: u64 LE header length, the JSON text padded with spaces to `padTo`, data. */
function handMade(
  json: string,
  data: Uint8Array,
  opts: { padTo?: number; lengthField?: bigint } = {},
): Uint8Array<ArrayBuffer> {
  const text = new TextEncoder().encode(json);
  const padTo = opts.padTo ?? 8;
  const n = text.length + ((padTo - ((8 + text.length) % padTo)) % padTo);
  const out = new Uint8Array(8 + n + data.length);
  const view = new DataView(out.buffer);
  const field = opts.lengthField ?? BigInt(n);
  view.setUint32(0, Number(field & 0xffffffffn), true);
  view.setUint32(4, Number(field >> 32n), true);
  out.set(text, 8);
  out.fill(0x20, 8 + text.length, 8 + n);
  out.set(data, 8 + n);
  return out;
}

const f32Bytes = (values: number[]) => {
  const v = new DataView(new ArrayBuffer(4 * values.length));
  values.forEach((x, i) => v.setFloat32(4 * i, x, true));
  return new Uint8Array(v.buffer);
};
const u16Bytes = (words: number[]) => {
  const v = new DataView(new ArrayBuffer(2 * words.length));
  words.forEach((w, i) => v.setUint16(2 * i, w, true));
  return new Uint8Array(v.buffer);
};
const f64Bytes = (values: number[]) => {
  const v = new DataView(new ArrayBuffer(8 * values.length));
  values.forEach((x, i) => v.setFloat64(8 * i, x, true));
  return new Uint8Array(v.buffer);
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const entry = (dtype: string, shape: number[], b: number, e: number) => ({
  dtype,
  shape,
  data_offsets: [b, e],
});

// One file with every readable dtype plus an I64 buffer (as BERT checkpoints carry position_ids).
const F32 = [1, -2.5, 0.1, 3e38, -0, 7];
const data = concat(
  f32Bytes(F32), // 24 bytes
  u16Bytes([0x3c00, 0xc000, 0x7bff, 0x0001]), // 8: f16 1, -2, 65504, 2^-24
  u16Bytes([0x3f80, 0x4049, 0xc2f7, 0x0000]), // 8: bf16 1, 3.140625, -123.5, 0
  f64Bytes([0.1, -1.5]), // 16
  new Uint8Array(16), // I64 [2]
);
const headerJson = JSON.stringify({
  __metadata__: { format: 'pt', note: 'hand made' },
  'tok.weight': entry('F32', [2, 3], 0, 24),
  half: entry('F16', [4], 24, 32),
  brain: entry('BF16', [2, 2], 32, 40),
  double: entry('F64', [2], 40, 56),
  position_ids: entry('I64', [1, 2], 56, 72),
});
const validFile = handMade(headerJson, data);
const dataStart = 8 + (validFile.length - 8 - data.length);

describe('reading a hand-made safetensors file', () => {
  test('the header lists every tensor in file order with absolute byte offsets, and skips __metadata__', async () => {
    const infos = await readSafetensorsHeader(blobOf(validFile));
    expect(dataStart % 8).toBe(0);
    expect(infos).toEqual([
      { name: 'tok.weight', dtype: 'F32', shape: [2, 3], begin: dataStart, end: dataStart + 24 },
      { name: 'half', dtype: 'F16', shape: [4], begin: dataStart + 24, end: dataStart + 32 },
      { name: 'brain', dtype: 'BF16', shape: [2, 2], begin: dataStart + 32, end: dataStart + 40 },
      { name: 'double', dtype: 'F64', shape: [2], begin: dataStart + 40, end: dataStart + 56 },
      { name: 'position_ids', dtype: 'I64', shape: [1, 2], begin: dataStart + 56, end: dataStart + 72 },
    ]);
  });

  test('the metadata strings come back separately', async () => {
    expect((await readSafetensorsIndex(blobOf(validFile))).metadata).toEqual({
      format: 'pt',
      note: 'hand made',
    });
  });

  test('F32 values are read exactly (each is the float32 the bytes were written from)', async () => {
    const [info] = await readSafetensorsHeader(blobOf(validFile));
    const t = await readTensor(blobOf(validFile), info);
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.data)).toEqual(F32.map(Math.fround));
    expect(Object.is(t.data[4], -0)).toBe(true);
  });

  test('F16 patterns 0x3c00, 0xc000, 0x7bff, 0x0001 decode to 1, −2, 65504 and 2^-24', async () => {
    const infos = await readSafetensorsHeader(blobOf(validFile));
    expect(Array.from((await readTensor(blobOf(validFile), infos[1])).data)).toEqual([
      1,
      -2,
      65504,
      2 ** -24,
    ]);
  });

  test('BF16 patterns 0x3f80, 0x4049, 0xc2f7 decode to 1, 3.140625 and −123.5', async () => {
    const infos = await readSafetensorsHeader(blobOf(validFile));
    const t = await readTensor(blobOf(validFile), infos[2]);
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.data)).toEqual([1, 3.140625, -123.5, 0]);
  });

  test('F64 values are rounded to the nearest float32', async () => {
    const infos = await readSafetensorsHeader(blobOf(validFile));
    expect(Array.from((await readTensor(blobOf(validFile), infos[3])).data)).toEqual([
      Math.fround(0.1),
      -1.5,
    ]);
  });

  test('an I64 tensor is listed but reading it says which dtypes are supported', async () => {
    const infos = await readSafetensorsHeader(blobOf(validFile));
    const err = await thrownBy(() => readTensor(blobOf(validFile), infos[4]));
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toMatch(
      /tensor "position_ids": I64 is not supported: Embedscope reads F32, F16, BF16 and F64/,
    );
  });

  test('a header padded with NULs or more spaces than needed still parses', async () => {
    const json = JSON.stringify({ a: entry('F32', [1], 0, 4) });
    const padded = handMade(json + '\0\0\0', f32Bytes([5]), { padTo: 64 });
    const [info] = await readSafetensorsHeader(blobOf(padded));
    expect(json.length).toBe(54);
    expect(info.begin).toBe(128); // 8 + 54 + 3 NULs = 65, padded up to the next multiple of 64
    expect(Array.from((await readTensor(blobOf(padded), info)).data)).toEqual([5]);
  });

  test('messages start with the file name when the Blob is a File', async () => {
    const file = new File([validFile.slice(0, validFile.length - 4)], 'model.safetensors');
    const err = await thrownBy(() => readSafetensorsHeader(file));
    expect((err as Error).message).toMatch(/^model\.safetensors is truncated/);
  });
});

describe('reading only what is needed', () => {
  test('reading a small tensor after a 16 MB one touches only the length field, the header and its 24 bytes', async () => {
    const big = 1024 * 4096 * 4;
    const json = JSON.stringify({
      'wte.weight': entry('F32', [1024, 4096], 0, big),
      'wpe.weight': entry('F32', [2, 3], big, big + 24),
    });
    const head = handMade(json, new Uint8Array(0));
    const blob = new SpyBlob([head, new Uint8Array(big), f32Bytes([1, 2, 3, 4, 5, 6])]);
    const infos = await readSafetensorsHeader(blob);
    expect(blob.ranges).toEqual([
      [0, 8],
      [8, head.length],
    ]);
    const t = await readTensor(blob, infos[1]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(blob.ranges[2]).toEqual([head.length + big, head.length + big + 24]);
    expect(blob.bytesRead).toBe(head.length + 24);
  });
});

/** The message of the CheckpointError a header read of these bytes throws (fails the test otherwise). */
async function headerError(bytes: Uint8Array): Promise<string> {
  const err = await thrownBy(() => readSafetensorsHeader(blobOf(bytes)));
  expect(err).toBeInstanceOf(CheckpointError);
  return (err as Error).message;
}

describe('broken safetensors files give specific messages', () => {
  const one = (e: object) => JSON.stringify({ a: e });

  test('a file shorter than 8 bytes', async () => {
    expect(await headerError(new Uint8Array(5))).toMatch(
      /is 5 bytes long, shorter than the 8-byte header length every safetensors file starts with/,
    );
  });

  test('a header length larger than the file', async () => {
    const bytes = handMade('{}', new Uint8Array(0), { lengthField: 100n });
    expect(await headerError(bytes)).toMatch(
      /header length field says the JSON header is 100 bytes, but only 8 bytes/,
    );
  });

  test('an absurd header length, with a hint when the file is really a zip (PyTorch) archive', async () => {
    expect(await headerError(handMade('{}', new Uint8Array(0), { lengthField: 2n ** 40n }))).toMatch(
      /header length of 1099511627776 bytes, more than the 100000000-byte limit, so this is not a safetensors file/,
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 8, 0, 0, 0, 0]);
    expect(await headerError(zip)).toMatch(/zip archive \(a PyTorch \.bin\/\.pt checkpoint/);
  });

  test('a header that is not UTF-8', async () => {
    const bytes = handMade('{}', new Uint8Array(0));
    bytes[9] = 0xff;
    expect(await headerError(bytes)).toMatch(/the header \(bytes 8–16\) is not valid UTF-8 text/);
  });

  test('a header that is not JSON', async () => {
    expect(await headerError(handMade('{"a": ', new Uint8Array(0)))).toMatch(
      /the header .* is not valid JSON/,
    );
  });

  test.each([
    ['[1, 2]', 'an array'],
    ['42', 'a number'],
    ['null', 'null'],
    ['"text"', 'a string'],
  ])('a header %s that is not an object', async (json, kind) => {
    expect(await headerError(handMade(json, new Uint8Array(0)))).toMatch(
      new RegExp(`the header is ${kind}, not a JSON object mapping tensor names`),
    );
  });

  test.each([
    [{ shape: [1], data_offsets: [0, 4] }, /tensor "a" in the header is missing the "dtype" field/],
    [{ dtype: 'F32', data_offsets: [0, 4] }, /tensor "a" in the header is missing the "shape" field/],
    [{ dtype: 'F32', shape: [1] }, /tensor "a" in the header is missing the "data_offsets" field/],
    [{ dtype: 7, shape: [1], data_offsets: [0, 4] }, /has a dtype that is not a string/],
    [
      { dtype: 'F32', shape: [-1], data_offsets: [0, 4] },
      /shape that is not a list of non-negative integers/,
    ],
    [
      { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] },
      /shape that is not a list of non-negative integers/,
    ],
    [{ dtype: 'F32', shape: [1], data_offsets: [4] }, /data_offsets that are not two non-negative integers/],
    [
      { dtype: 'F32', shape: [1], data_offsets: [-4, 0] },
      /data_offsets that are not two non-negative integers/,
    ],
  ])('a tensor entry with missing or malformed fields (%o)', async (e, message) => {
    expect(await headerError(handMade(one(e), new Uint8Array(4)))).toMatch(message);
  });

  test('a tensor entry that is not an object', async () => {
    expect(await headerError(handMade('{"a": 3}', new Uint8Array(0)))).toMatch(
      /tensor "a" in the header is not an object with dtype, shape and data_offsets/,
    );
  });

  test('reversed offsets', async () => {
    expect(await headerError(handMade(one(entry('F32', [1], 8, 4)), new Uint8Array(8)))).toMatch(
      /tensor "a" in the header has reversed data_offsets \[8, 4\]: the end comes before the begin/,
    );
  });

  test('overlapping tensors', async () => {
    const json = JSON.stringify({ a: entry('F32', [2], 0, 8), b: entry('F32', [2], 4, 12) });
    expect(await headerError(handMade(json, new Uint8Array(12)))).toMatch(
      /tensors "a" \(data bytes 0–8\) and "b" \(data bytes 4–12\) overlap in the data section/,
    );
  });

  test('offsets outside the data section (with a gap before them, so not a cut-off file)', async () => {
    const json = JSON.stringify({ a: entry('F32', [1], 0, 4), b: entry('F32', [1], 8, 12) });
    expect(await headerError(handMade(json, new Uint8Array(10)))).toMatch(
      /tensor "b" has data_offsets \[8, 12\] outside the data section, which is 10 bytes long/,
    );
  });

  test('a truncated file (tensors back to back, data cut short)', async () => {
    const json = JSON.stringify({ a: entry('F32', [2], 0, 8), b: entry('F32', [2], 8, 16) });
    const bytes = handMade(json, new Uint8Array(12));
    const expectedSize = bytes.length + 4;
    expect(await headerError(bytes)).toMatch(
      new RegExp(
        `is truncated: the header describes 16 bytes of tensor data, but only 12 bytes follow the header ` +
          `\\(the file should be ${expectedSize} bytes, it is ${bytes.length}\\)`,
      ),
    );
  });

  test('a shape whose size does not match the offsets', async () => {
    expect(await headerError(handMade(one(entry('F32', [2, 3], 0, 20)), new Uint8Array(20)))).toMatch(
      /has shape \[2, 3\] of F32, which needs 6 × 4 = 24 bytes, but its data_offsets \[0, 20\] span 20 bytes/,
    );
  });

  test('readTensor checks the size of a TensorInfo it is handed, and a range past the end of the file', async () => {
    const blob = blobOf(validFile);
    const bad: TensorInfo = { name: 'x', dtype: 'F16', shape: [3], begin: 0, end: 4 };
    expect(((await thrownBy(() => readTensor(blob, bad))) as Error).message).toMatch(
      /tensor "x" has shape \[3\] of F16 \(6 bytes\) but spans bytes 0–4/,
    );
    const past: TensorInfo = { name: 'y', dtype: 'F32', shape: [1], begin: blob.size, end: blob.size + 4 };
    expect(((await thrownBy(() => readTensor(blob, past))) as Error).message).toMatch(
      new RegExp(`is truncated: the tensor "y" needs bytes ${blob.size}–${blob.size + 4}`),
    );
  });
});

/** Parses the header and every readable tensor; returns the error thrown, or null. */
const parseAll = (bytes: Uint8Array) =>
  thrownBy(async () => {
    const blob = blobOf(bytes);
    for (const info of await readSafetensorsHeader(blob)) await readTensor(blob, info);
  });

describe('robustness (fast-check)', () => {
  test('a read that fails underneath (file changed on disk) becomes a CheckpointError naming the cause', async () => {
    const err = await thrownBy(() => readSafetensorsHeader(new UnreadableBlob([validFile])));
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toBe(
      'safetensors file: could not be read (NotReadableError: the file changed)',
    );
  });

  test('random bytes never throw anything but a CheckpointError that names the problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 80 }), async (bytes) => diagnosed(await parseAll(bytes))),
      { numRuns: 500 },
    );
  });

  test('every truncation of a valid file fails, and only with a CheckpointError', async () => {
    const valid = handMade(
      JSON.stringify({ a: entry('F32', [2, 3], 0, 24), b: entry('F16', [4], 24, 32) }),
      data.slice(0, 32),
    );
    expect(await parseAll(valid)).toBeNull();
    for (let k = 0; k < valid.length; k++) {
      const err = await parseAll(valid.slice(0, k));
      expect(err).toBeInstanceOf(CheckpointError);
      expect(diagnosed(err)).toBe(true);
    }
  });

  test('random byte changes in a valid file never throw anything but a CheckpointError that names the problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: validFile.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          const bytes = validFile.slice();
          for (const [at, b] of edits) bytes[at] = b;
          return diagnosed(await parseAll(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('random JSON headers and random tensor entries never throw anything but a CheckpointError that names the problem', async () => {
    // Mostly well-formed fields, so that most entries get past the first checks and reach the later ones.
    const mostly = <T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]) =>
      fc.oneof(
        { arbitrary: good as fc.Arbitrary<unknown>, weight: 6 },
        ...bad.map((arbitrary) => ({ arbitrary, weight: 1 })),
      );
    const dtype = fc.constantFrom('F32', 'F16', 'BF16', 'F64', 'I64', 'F4', 'toString', '__proto__');
    const small = fc.nat({ max: 40 });
    const fields = {
      dtype: mostly(dtype, fc.anything()),
      shape: mostly(fc.array(fc.nat({ max: 6 }), { maxLength: 3 }), fc.anything(), fc.array(fc.double())),
      data_offsets: mostly(fc.tuple(small, small), fc.anything(), fc.tuple(fc.double(), fc.integer())),
    };
    const tensorEntry = fc.oneof(
      { arbitrary: fc.record(fields), weight: 6 },
      { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 },
      { arbitrary: fc.anything(), weight: 1 },
    );
    const header = fc.oneof(
      fc.json(),
      fc.dictionary(fc.string(), tensorEntry, { maxKeys: 4 }).map((d) => JSON.stringify(d)),
    );
    await fc.assert(
      fc.asyncProperty(header, fc.uint8Array({ maxLength: 48 }), async (json, bytes) =>
        diagnosed(await parseAll(handMade(json, bytes))),
      ),
      { numRuns: 500 },
    );
  });
});

describe('writeSafetensors', () => {
  test('writes exactly the bytes of the hand-made file: metadata first, tensors back to back, space padding', () => {
    const written = writeSafetensors(
      [
        { name: 'a', shape: [2], data: new Float32Array([1, -2.5]) },
        { name: 'b.weight', shape: [1, 1], data: new Float32Array([0.1]) },
      ],
      { format: 'pt' },
    );
    const json =
      '{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},' +
      '"b.weight":{"dtype":"F32","shape":[1,1],"data_offsets":[8,12]}}';
    expect(Array.from(written)).toEqual(Array.from(handMade(json, f32Bytes([1, -2.5, 0.1]))));
  });

  test('F16 stores the nearest f16 patterns: 1, −2, 65504, 65520 → Inf, 1 + 2^-11 → 1 (tie to even)', () => {
    const written = writeSafetensors([
      { name: 'h', shape: [5], data: new Float32Array([1, -2, 65504, 65520, 1 + 2 ** -11]), dtype: 'F16' },
    ]);
    const json = '{"h":{"dtype":"F16","shape":[5],"data_offsets":[0,10]}}';
    expect(Array.from(written)).toEqual(
      Array.from(handMade(json, u16Bytes([0x3c00, 0xc000, 0x7bff, 0x7c00, 0x3c00]))),
    );
  });

  test('for any names and shapes the data starts at a multiple of 8 and reads back unchanged', async () => {
    const tensor = fc.record({
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      shape: fc.array(fc.nat({ max: 4 }), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(tensor, { selector: (t) => t.name, maxLength: 4 }), async (specs) => {
        const tensors = specs
          .filter((t) => t.name !== '__metadata__')
          .map((t, k) => {
            const n = t.shape.reduce((a, b) => a * b, 1);
            return { ...t, data: Float32Array.from({ length: n }, (_, i) => k * 100 + i + 0.25) };
          });
        const bytes = writeSafetensors(tensors);
        const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
        expect((8 + n) % 8).toBe(0);
        const infos = await readSafetensorsHeader(blobOf(bytes));
        expect(infos.map((i) => i.name).sort()).toEqual(tensors.map((t) => t.name).sort());
        for (const t of tensors) {
          const info = infos.find((i) => i.name === t.name)!;
          expect(info.shape).toEqual(t.shape);
          expect(Array.from((await readTensor(blobOf(bytes), info)).data)).toEqual(Array.from(t.data));
        }
      }),
      { numRuns: 100 },
    );
  });

  test('integer-like names keep the order they were written in (a JS object would put "2" and "10" first)', async () => {
    const t = (name: string, v: number) => ({ name, shape: [1], data: new Float32Array([v]) });
    const bytes = writeSafetensors([t('b', 1), t('10', 2), t('2', 3)]);
    const json =
      '{"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"10":{"dtype":"F32","shape":[1],' +
      '"data_offsets":[4,8]},"2":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}';
    expect(Array.from(bytes)).toEqual(Array.from(handMade(json, f32Bytes([1, 2, 3]))));
    expect((await readSafetensorsHeader(blobOf(bytes))).map((i) => i.name)).toEqual(['b', '10', '2']);
  });

  test('refuses data that does not fill the shape, and duplicate or reserved names', () => {
    expect(() => writeSafetensors([{ name: 'a', shape: [2, 2], data: new Float32Array(3) }])).toThrow(
      /tensor "a" has shape \[2, 2\] but 3 values/,
    );
    const t = { name: 'a', shape: [1], data: new Float32Array(1) };
    expect(() => writeSafetensors([t, t])).toThrow(/"a" is reserved or used twice/);
    expect(() => writeSafetensors([{ ...t, name: '__metadata__' }])).toThrow(/reserved or used twice/);
  });
});
