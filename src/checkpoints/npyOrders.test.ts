// .npy files in both byte orders and both memory orders, as numpy writes them. Expected arrays are written out by
// hand (small matrices); the file bytes come from numpy 2.4 itself, or are packed here with DataView in the
// byte order under test.
import { describe, expect, test } from 'vitest';
import { readNpy, readNpyHeader, npyTable } from './npy.ts';
import { readRows } from './layout.ts';
import { blobOf, SpyBlob } from './testBlobs.ts';

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const header = (dict: string) => {
  const text = dict + ' '.repeat(127 - 10 - dict.length) + '\n'; // data at byte 128, as np.save aligns to 64
  const out = new Uint8Array(10 + text.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
};
const dict = (descr: string, shape: string, fortran: boolean) =>
  `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;

/** Values packed in the given byte order with DataView (the independent writer). */
function packed(kind: 'f2' | 'f4' | 'f8', little: boolean, values: number[]): Uint8Array<ArrayBuffer> {
  const size = { f2: 2, f4: 4, f8: 8 }[kind];
  const v = new DataView(new ArrayBuffer(size * values.length));
  values.forEach((x, i) => {
    if (kind === 'f4') v.setFloat32(4 * i, x, little);
    else if (kind === 'f8') v.setFloat64(8 * i, x, little);
    else v.setUint16(2 * i, x, little); // f2: x is the bit pattern
  });
  return new Uint8Array(v.buffer);
}
const npy = (descr: string, shape: string, fortran: boolean, data: Uint8Array) =>
  blobOf(header(dict(descr, shape, fortran)), data);

// python3 -c "import numpy as np, io; b = io.BytesIO(); np.save(b, A); print(b.getvalue().hex())" with
//   A1 = np.array([[1,2,3],[4,5,6]], dtype='>f4')
//   A2 = np.asfortranarray(np.array([[0.5,-1],[2,3.25],[-4,1e-3]], dtype='<f2'))
//   A3 = np.asfortranarray(np.array([[0.1,0.2,0.3],[1,2,3]], dtype='>f8'))
// (numpy 2.4.6; the 118-byte headers are the dict, spaces and '\n', so only the data part is given here)
const NUMPY = {
  A1: {
    dict: dict('>f4', '(2, 3)', false),
    data: '3f80000040000000404000004080000040a0000040c00000',
  },
  A2: { dict: dict('<f2', '(3, 2)', true), data: '0038004000c400bc80421914' },
  A3: {
    dict: dict('>f8', '(2, 3)', true),
    data: '3fb999999999999a3ff00000000000003fc999999999999a40000000000000003fd33333333333334008000000000000',
  },
};
const fromNumpy = ({ dict: d, data }: { dict: string; data: string }) => blobOf(header(d), hex(data));

describe('files numpy wrote', () => {
  test('>f4 C order [[1, 2, 3], [4, 5, 6]]: big-endian words, rows as written', async () => {
    const blob = fromNumpy(NUMPY.A1);
    expect(await readNpyHeader(blob)).toMatchObject({ descr: '>f4', fortranOrder: false, dataOffset: 128 });
    expect(await readNpy(blob)).toEqual({ shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) });
  });

  test('<f2 Fortran order [[0.5, −1], [2, 3.25], [−4, 0.0010004]]: columns stored first, read back as rows', async () => {
    // 1e-3 in f16 is 0x1419 = (1 + 25/1024) · 2^-10 = 1049 · 2^-20 (np.float16(1e-3).view("u2") == 5145)
    const { shape, data } = await readNpy(fromNumpy(NUMPY.A2));
    expect(shape).toEqual([3, 2]);
    expect(Array.from(data)).toEqual([0.5, -1, 2, 3.25, -4, 1049 * 2 ** -20]);
  });

  test('>f8 Fortran order [[0.1, 0.2, 0.3], [1, 2, 3]]: big-endian doubles rounded to float32, transposed', async () => {
    const { shape, data } = await readNpy(fromNumpy(NUMPY.A3));
    expect(shape).toEqual([2, 3]);
    expect(Array.from(data)).toEqual([0.1, 0.2, 0.3, 1, 2, 3].map(Math.fround));
  });
});

describe('every byte order and memory order, packed by hand', () => {
  // A = [[1, −2.5, 3], [0.25, 5, −6]]: row-major 1, −2.5, 3, 0.25, 5, −6; column-major 1, 0.25, −2.5, 5, 3, −6
  const rowMajor = [1, -2.5, 3, 0.25, 5, -6];
  const colMajor = [1, 0.25, -2.5, 5, 3, -6];
  // the same values as f16 bit patterns: 1 = 0x3c00, −2.5 = 0xc100, 3 = 0x4200, 0.25 = 0x3400, 5 = 0x4500, −6 = 0xc600
  const half: Record<number, number> = {
    1: 0x3c00,
    [-2.5]: 0xc100,
    3: 0x4200,
    0.25: 0x3400,
    5: 0x4500,
    [-6]: 0xc600,
  };
  for (const kind of ['f2', 'f4', 'f8'] as const)
    for (const little of [true, false])
      for (const fortran of [false, true]) {
        const descr = `${little ? '<' : '>'}${kind}`;
        test(`${descr} ${fortran ? 'Fortran' : 'C'} order (2, 3)`, async () => {
          const stored = fortran ? colMajor : rowMajor;
          const words = kind === 'f2' ? stored.map((x) => half[x]) : stored;
          const { shape, data } = await readNpy(npy(descr, '(2, 3)', fortran, packed(kind, little, words)));
          expect(shape).toEqual([2, 3]);
          expect(Array.from(data)).toEqual(rowMajor);
        });
      }
});

describe('reading rows alone from a .npy table', () => {
  test('a >f4 C-order [5, 2] table: rows 3 and 1 come back in that order from their 8-byte ranges only', async () => {
    const values = [0, 1, 10, 11, 20, 21, 30, 31, 40, 41]; // row r is [10r, 10r + 1]
    const parts = [header(dict('>f4', '(5, 2)', false)), packed('f4', false, values)];
    const spy = new SpyBlob(parts);
    const h = await readNpyHeader(blobOf(...parts));
    const table = npyTable(spy, h, 'E');
    expect(table).not.toBeNull();
    expect(Array.from(await readRows(table!, [3, 1]))).toEqual([30, 31, 10, 11]);
    expect(spy.ranges).toEqual([
      [128 + 8, 128 + 16],
      [128 + 24, 128 + 32],
    ]);
  });

  test('a Fortran-order table has no row ranges (npyTable is null); a 1-D Fortran vector does', async () => {
    const f = await readNpyHeader(npy('<f4', '(2, 3)', true, packed('f4', true, [1, 2, 3, 4, 5, 6])));
    expect(npyTable(blobOf(), f, 'x')).toBeNull();
    const v = await readNpyHeader(npy('<f4', '(3,)', true, packed('f4', true, [1, 2, 3])));
    expect(npyTable(blobOf(), v, 'x')).toMatchObject({ rows: 1, cols: 3 });
  });
});
