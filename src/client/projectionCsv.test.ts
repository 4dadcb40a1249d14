// The projection export: header, one row per point, coordinates that read back to the float32 values.
import { describe, expect, test } from 'vitest';
import { projectionCsv } from './projectionCsv.ts';

describe('projection CSV', () => {
  test('has index,x,y,label for a 2-D layout, labels quoted (quotes doubled) as RFC 4180 allows', () => {
    const csv = projectionCsv({
      n: 2,
      dims: 2,
      points: new Float32Array([0.5, -1.25, Math.fround(Math.PI), 1e-7]),
      labels: ['Ġthe', 'say "hi", ok'],
    });
    expect(csv.split('\r\n')).toEqual([
      'index,x,y,label',
      '0,0.5,-1.25,"Ġthe"',
      '1,3.14159274,1.00000001e-7,"say ""hi"", ok"',
      '',
    ]);
    // 9 significant digits recover the float32 exactly
    expect(Math.fround(3.14159274)).toBe(Math.fround(Math.PI));
    expect(Math.fround(1.00000001e-7)).toBe(Math.fround(1e-7));
  });

  test('has a z column for 3 components', () => {
    const csv = projectionCsv({ n: 1, dims: 3, points: new Float32Array([1, 2, 3]), labels: ['p0'] });
    expect(csv).toBe('index,x,y,z,label\r\n0,1,2,3,"p0"\r\n');
  });
});
