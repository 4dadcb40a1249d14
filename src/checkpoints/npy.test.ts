// .npy reader and writer, checked against files assembled by hand here (magic, version and header length via
// DataView, header text byte by byte) and against np.save's output (numpy 2.4.6, recorded below).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CheckpointError } from './binary.ts';
import { readNpy, readNpyHeader, writeNpy } from './npy.ts';
import { blobOf, diagnosed, SpyBlob, thrownBy, UnreadableBlob } from './testBlobs.ts';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** A .npy file built by hand. The header text is padded with spaces and '\n' to `align` unless raw is set. */
function handMade(
  version: [number, number],
  dict: string,
  data: Uint8Array,
  opts: { align?: number; raw?: boolean; lengthField?: number } = {},
): Uint8Array<ArrayBuffer> {
  const prefix = version[0] === 1 ? 10 : 12;
  let text = dict;
  if (!opts.raw) {
    const align = opts.align ?? 64;
    text += ' '.repeat((align - ((prefix + text.length + 1) % align)) % align) + '\n';
  }
  const header =
    version[0] === 3 ? new TextEncoder().encode(text) : Uint8Array.from(text, (c) => c.charCodeAt(0));
  const out = new Uint8Array(prefix + header.length + data.length);
  out.set(MAGIC);
  out[6] = version[0];
  out[7] = version[1];
  const view = new DataView(out.buffer);
  const n = opts.lengthField ?? header.length;
  if (version[0] === 1) view.setUint16(8, n, true);
  else view.setUint32(8, n, true);
  out.set(header, prefix);
  out.set(data, prefix + header.length);
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
const dictOf = (descr: string, shape: string, fortran = 'False') =>
  `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

const F32 = [1, -2.5, 0.1, 3e38, -0, 7];
const table = handMade([1, 0], dictOf('<f4', '(2, 3)'), f32Bytes(F32));

describe('reading hand-made .npy files', () => {
  test('version 1.0 <f4 (2, 3): header fields, and the values exactly', async () => {
    expect(await readNpyHeader(blobOf(table))).toEqual({
      version: '1.0',
      descr: '<f4',
      shape: [2, 3],
      fortranOrder: false,
      dataOffset: 128, // 10 + 59-character dict + '\n' = 70, padded up to 128
      dataLength: 24,
    });
    const { shape, data } = await readNpy(blobOf(table));
    expect(shape).toEqual([2, 3]);
    expect(Array.from(data)).toEqual(F32.map(Math.fround));
    expect(Object.is(data[4], -0)).toBe(true);
  });

  test('version 2.0 <f2 (4,): patterns 0x3c00, 0xc000, 0x7bff, 0x0001 are 1, −2, 65504 and 2^-24', async () => {
    const bytes = handMade([2, 0], dictOf('<f2', '(4,)'), u16Bytes([0x3c00, 0xc000, 0x7bff, 0x0001]));
    expect((await readNpyHeader(blobOf(bytes))).version).toBe('2.0');
    expect(await readNpy(blobOf(bytes))).toEqual({
      shape: [4],
      data: new Float32Array([1, -2, 65504, 2 ** -24]),
    });
  });

  test('version 3.0 (UTF-8 header) <f8 (2,): values rounded to the nearest float32', async () => {
    const bytes = handMade([3, 0], dictOf('<f8', '(2,)') + ' '.repeat(3), f64Bytes([0.1, -1.5]));
    expect(await readNpy(blobOf(bytes))).toEqual({
      shape: [2],
      data: new Float32Array([Math.fround(0.1), -1.5]),
    });
  });

  test('header spelling variants: double quotes, other key order, list shape, 2L ints, no trailing comma, 16-byte alignment', async () => {
    const dict = '{"shape": [2L, 3L],\t"fortran_order" : False,"descr":"<f4"}';
    const bytes = handMade([1, 0], dict, f32Bytes(F32), { align: 16 });
    const { dataOffset } = await readNpyHeader(blobOf(bytes));
    expect(dataOffset).toBe(bytes.length - 24);
    expect(dataOffset % 16).toBe(0);
    expect(Array.from((await readNpy(blobOf(bytes))).data)).toEqual(F32.map(Math.fround));
  });

  test('a 1-D array flagged fortran_order True is read (for one dimension both orders are the same bytes)', async () => {
    const bytes = handMade([1, 0], dictOf('<f4', '(3,)', 'True'), f32Bytes([1, 2, 3]));
    expect(Array.from((await readNpy(blobOf(bytes))).data)).toEqual([1, 2, 3]);
  });

  test('reading the header touches only the first bytes of a 4 MB file; reading the array adds exactly its data', async () => {
    const head = handMade([1, 0], dictOf('<f4', '(1024, 1024)'), new Uint8Array(0));
    const blob = new SpyBlob([head, new Uint8Array(4 << 20)]);
    const h = await readNpyHeader(blob);
    expect(head.length).toBe(128);
    expect(blob.ranges).toEqual([
      [0, 12],
      [10, 128],
    ]);
    expect(h).toMatchObject({ shape: [1024, 1024], dataOffset: 128, dataLength: 4 << 20 });
    const spy2 = new SpyBlob([head, new Uint8Array(4 << 20)]);
    await readNpy(spy2);
    expect(spy2.ranges.at(-1)).toEqual([128, 128 + (4 << 20)]);
    expect(spy2.bytesRead).toBe(12 + 118 + (4 << 20));
  });
});

async function npyError(bytes: Uint8Array): Promise<string> {
  const err = await thrownBy(() => readNpy(blobOf(bytes)));
  expect(err).toBeInstanceOf(CheckpointError);
  return (err as Error).message;
}

describe('broken .npy files give specific messages', () => {
  test('a file too short to hold the magic and header length', async () => {
    expect(await npyError(new Uint8Array(5))).toMatch(/is 5 bytes long, too short for a \.npy header/);
  });

  test('wrong magic bytes, with a hint when the file is a zip (.npz)', async () => {
    const bytes = table.slice();
    bytes[5] = 0x5a; // \x93NUMPZ
    expect(await npyError(bytes)).toMatch(/does not start with the \.npy magic bytes \\x93NUMPY/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 8, 0, 0, 0, 0]);
    expect(await npyError(zip)).toMatch(/zip archive/);
  });

  test.each([
    [4, 0],
    [1, 1],
  ])('format version %d.%d', async (major, minor) => {
    const bytes = handMade([1, 0], dictOf('<f4', '(2, 3)'), f32Bytes(F32));
    bytes[6] = major;
    bytes[7] = minor;
    expect(await npyError(bytes)).toMatch(
      new RegExp(
        `\\.npy format version ${major}\\.${minor} is not supported \\(Embedscope reads 1\\.0, 2\\.0 and 3\\.0\\)`,
      ),
    );
  });

  test('a header length larger than the file', async () => {
    const bytes = handMade([1, 0], dictOf('<f4', '(2, 3)'), new Uint8Array(0), { lengthField: 500 });
    expect(await npyError(bytes)).toMatch(/header length field says 500 bytes, but only 118 bytes follow it/);
  });

  test('an absurd header length', async () => {
    const bytes = handMade([2, 0], dictOf('<f4', '(2, 3)'), new Uint8Array(0), { lengthField: 0xffffffff });
    expect(await npyError(bytes)).toMatch(
      /header length field says 4294967295 bytes, more than the 1000000-byte limit/,
    );
  });

  test('a version 3.0 header that is not UTF-8', async () => {
    const bytes = handMade([3, 0], dictOf('<f4', '(2, 3)'), f32Bytes(F32));
    bytes[20] = 0xff;
    expect(await npyError(bytes)).toMatch(/the version 3\.0 header \(bytes 12–128\) is not valid UTF-8/);
  });

  test.each([
    [
      "{'descr': '<f4', 'shape': (2, 3",
      /is not a Python dict literal \(expected ',' or '\)' at character \d+\)/,
    ],
    ["{'descr': '<f4}", /is not a Python dict literal \(unterminated string at character \d+\)/],
    ["{'descr': eval('x')}", /is not a Python dict literal \(unexpected 'e' at character 10\)/],
    ['{"a": ' + '('.repeat(100) + ')'.repeat(100) + '}', /is not a Python dict literal \(nesting too deep/],
    ['[1, 2]', /the header is not a dict with 'descr', 'fortran_order' and 'shape'/],
    ["{'descr': '<f4', 'fortran_order': False}", /the header has no 'shape' entry/],
    [dictOf('>i4', '(2, 3)'), /dtype >i4 is not supported: Embedscope reads float32 \(<f4\)/],
    [dictOf('=f4', '(2, 3)'), /dtype =f4 is not supported/],
    [
      dictOf('<i8', '(2, 3)'),
      /dtype <i8 is not supported: Embedscope reads float32 \(<f4\), float16 \(<f2\) and float64/,
    ],
    [dictOf('|u1', '(2, 3)'), /dtype \|u1 is not supported/],
    [dictOf('toString', '(2, 3)'), /dtype toString is not supported/],
    [
      "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2,), }",
      /structured arrays \(record dtypes\)/,
    ],
    [dictOf('<f4', '(2, 3)', "'no'"), /'fortran_order' is not True\/False/],
    [
      dictOf('<f4', '(1, 2, 3)'),
      /the array has 3 dimensions, shape \(1, 2, 3\); Embedscope reads 1-D vectors and 2-D tables/,
    ],
    [dictOf('<f4', '()'), /the array has 0 dimensions/],
    [dictOf('<f4', '(-2, 3)'), /'shape' is not a tuple of non-negative integers/],
    [dictOf('<f4', "('2', 3)"), /'shape' is not a tuple of non-negative integers/],
  ])('header %s', async (dict, message) => {
    expect(await npyError(handMade([1, 0], dict, f32Bytes(F32)))).toMatch(message);
  });

  test('data cut short', async () => {
    expect(await npyError(table.slice(0, table.length - 4))).toMatch(
      /is truncated: shape \(2, 3\) of <f4 needs 24 bytes of data after the header, but only 20 bytes follow it/,
    );
  });

  test('messages start with the file name when the Blob is a File', async () => {
    const err = await thrownBy(() => readNpy(new File([table.slice(0, table.length - 4)], 'positions.npy')));
    expect((err as Error).message).toMatch(/^positions\.npy is truncated/);
  });
});

const parse = (bytes: Uint8Array) => thrownBy(() => readNpy(blobOf(bytes)));

describe('robustness (fast-check)', () => {
  test('a read that fails underneath (file changed on disk) becomes a CheckpointError naming the cause', async () => {
    const err = await thrownBy(() => readNpy(new UnreadableBlob([table])));
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toBe('.npy file: could not be read (NotReadableError: the file changed)');
  });

  test('random bytes after the magic never throw anything but a CheckpointError that names the problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 120 }), async (tail) => {
        const withMagic = new Uint8Array([...MAGIC, ...tail]);
        return diagnosed(await parse(tail)) && diagnosed(await parse(withMagic));
      }),
      { numRuns: 500 },
    );
  });

  test('random header text never throws anything but a CheckpointError that names the problem', async () => {
    const token = fc.constantFrom(
      "'descr'",
      "'<f4'",
      "'fortran_order'",
      "'shape'",
      'False',
      'True',
      '(',
      ')',
      ',',
      ':',
      '{',
      '}',
      '[',
      ']',
      '3',
      '-1',
      '99999999999999999999',
      "'",
      '"',
      '\\',
      'L',
      ' ',
      'é',
    );
    const text = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(1, 2, 3), async (dict, major) =>
        diagnosed(await parse(handMade([major, 0], dict, f32Bytes(F32)))),
      ),
      { numRuns: 500 },
    );
  });

  test('every truncation of a valid file fails, and only with a CheckpointError', async () => {
    expect(await parse(table)).toBeNull();
    for (let k = 0; k < table.length; k++) {
      const err = await parse(table.slice(0, k));
      expect(err).toBeInstanceOf(CheckpointError);
      expect(diagnosed(err)).toBe(true);
    }
  });

  test('random byte changes in a valid file never throw anything but a CheckpointError that names the problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: table.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          const bytes = table.slice();
          for (const [at, b] of edits) bytes[at] = b;
          return diagnosed(await parse(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('writeNpy', () => {
  const numpyHeader = (dict: string) => {
    const text = dict + ' '.repeat(117 - dict.length) + '\n'; // 118 bytes: 10 + 118 = 128
    return [...MAGIC, 1, 0, 118, 0, ...Array.from(text, (c) => c.charCodeAt(0))];
  };

  test('matches np.save of float32 [[1, 2], [3, 4]] byte for byte: 128-byte header, then 1, 2, 3, 4 as <f4', () => {
    const written = writeNpy([2, 2], new Float32Array([1, 2, 3, 4]));
    const data = [
      0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0x80, 0x40,
    ];
    const expected = [...numpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"), ...data];
    expect(expected.length).toBe(144);
    expect(Array.from(written)).toEqual(expected);
  });

  test('matches np.save for shapes (5,), (0, 10^15) and (50257, 0) (numpy 2.4.6 output)', () => {
    const five = [0x0000803f, 0x00000040, 0x00004040, 0x00008040, 0x0000a040].flatMap((w) => [
      w >>> 24,
      (w >>> 16) & 0xff,
      (w >>> 8) & 0xff,
      w & 0xff,
    ]); // np.save(...)[128:].hex() = 0000803f 00000040 00004040 00008040 0000a040
    expect(Array.from(writeNpy([5], new Float32Array([1, 2, 3, 4, 5])))).toEqual([
      ...numpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }"),
      ...five,
    ]);
    expect(Array.from(writeNpy([0, 10 ** 15], new Float32Array(0)))).toEqual(
      numpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 1000000000000000), }"),
    );
    expect(Array.from(writeNpy([50257, 0], new Float32Array(0)))).toEqual(
      numpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (50257, 0), }"),
    );
  });

  test('for random 1-D and 2-D arrays the data starts at a multiple of 64 and reads back unchanged', async () => {
    const shape = fc.oneof(fc.tuple(fc.nat({ max: 40 })), fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 })));
    await fc.assert(
      fc.asyncProperty(shape, fc.integer(), async (dims, seed) => {
        const n = dims.reduce((a, b) => a * b, 1);
        const data = Float32Array.from({ length: n }, (_, i) => Math.fround(Math.sin(seed + i) * 1e3));
        const bytes = writeNpy(dims, data);
        const h = await readNpyHeader(blobOf(bytes));
        expect(h.dataOffset % 64).toBe(0);
        expect(bytes[h.dataOffset - 1]).toBe(0x0a);
        expect(await readNpy(blobOf(bytes))).toEqual({ shape: dims, data });
      }),
      { numRuns: 100 },
    );
  });

  test('refuses data that does not fill the shape', () => {
    expect(() => writeNpy([2, 2], new Float32Array(3))).toThrow(/shape \(2, 2\) does not hold 3 values/);
  });
});
