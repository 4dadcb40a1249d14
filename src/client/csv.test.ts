// CSV exports, read back with a small RFC 4180 parser written here (independent of csv.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Matrix, Token } from '../protocol/messages.ts';
import { matrixCsv, tokensCsv } from './csv.ts';

/** RFC 4180: records end in CRLF; a field is bare or double-quoted, with "" for a quote inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < n) {
      throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
  }
  if (record.length > 0) throw new Error('last record does not end in CRLF');
  return records;
}

/** Significant digits written in a decimal number, e.g. '-1.23000000e-7' → 9. */
function significantDigits(s: string): number {
  const mantissa = s.replace(/^-/, '').split(/e/i)[0].replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}

describe('the test’s own RFC 4180 parser', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\r\ny"\r\n1,,3,4\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\r\ny'],
      ['1', '', '3', '4'],
    ]);
  });
});

describe('matrixCsv', () => {
  const matrix: Matrix = {
    name: 'pe',
    title: 'Positional encoding',
    shape: [3, 4],
    data: new Float32Array([
      0,
      1,
      -1,
      0.1,
      1e-7,
      -3.4028234663852886e38,
      1.1754943508222875e-38,
      123456.789,
      0.5,
      2,
      1 / 3,
      -2 / 3,
    ]),
    rowLabels: ['the', 'say "hi", then', 'line\r\nbreak'],
  };

  test('the header is row,0,1,…,d-1 and every record has d + 1 fields', () => {
    const rows = parseCsv(matrixCsv(matrix));
    expect(rows[0]).toEqual(['row', '0', '1', '2', '3']);
    expect(rows).toHaveLength(1 + 3);
    for (const r of rows) expect(r).toHaveLength(5);
  });

  test('row labels come back exactly, including a quote, a comma and a line break', () => {
    const rows = parseCsv(matrixCsv(matrix));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['the', 'say "hi", then', 'line\r\nbreak']);
  });

  test('rows without labels are labelled by their index', () => {
    const rows = parseCsv(matrixCsv({ ...matrix, rowLabels: undefined }));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['0', '1', '2']);
  });

  test('every value parses back to the same float32, written with at least 7 significant digits', () => {
    const rows = parseCsv(matrixCsv(matrix));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) {
        const cell = rows[1 + i][1 + j];
        expect(Math.fround(Number(cell))).toBe(matrix.data[i * 4 + j]);
        if (matrix.data[i * 4 + j] !== 0) expect(significantDigits(cell)).toBeGreaterThanOrEqual(7);
      }
    }
  });

  test('property: any finite float32 matrix and any labels survive the round trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 5, maxLength: 5 }),
        (rows, cols, pool, labelPool) => {
          const data = Float32Array.from({ length: rows * cols }, (_, k) => pool[k]);
          const rowLabels = labelPool.slice(0, rows);
          const parsed = parseCsv(
            matrixCsv({ name: 'pe', title: 'M', shape: [rows, cols], data, rowLabels }),
          );
          expect(parsed).toHaveLength(rows + 1);
          for (let i = 0; i < rows; i++) {
            expect(parsed[1 + i][0]).toBe(rowLabels[i]);
            for (let j = 0; j < cols; j++) {
              const cell = parsed[1 + i][1 + j];
              // float32 −0 is written as 0; both are the number zero
              expect(Math.fround(Number(cell)) === data[i * cols + j]).toBe(true);
              if (data[i * cols + j] !== 0) expect(significantDigits(cell)).toBeGreaterThanOrEqual(7);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  test('an empty matrix is just the header', () => {
    expect(parseCsv(matrixCsv({ name: 'pe', title: 'M', shape: [0, 2], data: new Float32Array(0) }))).toEqual(
      [['row', '0', '1']],
    );
  });
});

describe('tokensCsv', () => {
  const tokens: Token[] = [
    { text: 'the', id: 2, start: 0, end: 3, byteStart: 0, byteEnd: 3, unknown: false },
    { text: ',', id: 5, start: 3, end: 4, byteStart: 3, byteEnd: 4, unknown: false },
    { text: '"', id: 9, start: 5, end: 6, byteStart: 5, byteEnd: 6, unknown: false },
    { text: 'zyzzyva', id: 0, start: 7, end: 14, byteStart: 7, byteEnd: 14, unknown: true },
  ];

  test('the header is position,id,token,start,end,byte_start,byte_end and each token reads back exactly', () => {
    expect(parseCsv(tokensCsv(tokens))).toEqual([
      ['position', 'id', 'token', 'start', 'end', 'byte_start', 'byte_end'],
      ['0', '2', 'the', '0', '3', '0', '3'],
      ['1', '5', ',', '3', '4', '3', '4'],
      ['2', '9', '"', '5', '6', '5', '6'],
      ['3', '0', 'zyzzyva', '7', '14', '7', '14'],
    ]);
  });

  test('records end in CRLF', () => {
    const csv = tokensCsv(tokens);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(tokens.length + 2);
  });
});

describe('the detail window of a big table', () => {
  test('exports only the window, its first column the position of each row', () => {
    const start = 131_008;
    const rows = 64;
    const cols = 3;
    const data = Float32Array.from({ length: rows * cols }, (_, k) => k / 8);
    const m: Matrix = {
      name: 'table',
      title: 'Positional encoding table',
      shape: [rows, cols],
      data,
      rowLabels: Array.from({ length: rows }, (_, i) => String(start + i)),
      window: { start, end: start + rows - 1, total: 131_072 },
    };
    const records = parseCsv(matrixCsv(m));
    expect(records[0]).toEqual(['position', '0', '1', '2']);
    expect(records.length).toBe(rows + 1);
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(
      Array.from({ length: rows }, (_, i) => 131_008 + i),
    );
    expect(records[64][0]).toBe('131071');
    // k / 8 is exact in float32 and in 9 significant digits: row 63, column 2 is (63·3 + 2) / 8.
    expect(Number(records[64][3])).toBe((63 * 3 + 2) / 8);
  });
});
