// CSV exports (RFC 4180). Matrices: header `row,0,1,…,d-1`, then the quoted row label and the values with
// 9 significant digits (float32 needs at most 9 to round-trip); a big table's detail window: `position,0,1,…`. Tokens: `position,id,token,start,end,byte_start,byte_end`.
import type { Matrix, Token } from '../protocol/messages.ts';

export function quote(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

function num(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(9) : String(v);
}

/**
 * A detail window of a big table (m.window) is exported as it is: its rows only, the first column headed
 * `position` and holding each row's position (start + i) as a number.
 */
export function matrixCsv(m: Matrix): string {
  const [rows, cols] = m.shape;
  const w = m.window;
  const lines = [[w ? 'position' : 'row', ...Array.from({ length: cols }, (_, j) => String(j))].join(',')];
  for (let i = 0; i < rows; i++) {
    const cells = [w ? String(w.start + i) : quote(m.rowLabels?.[i] ?? String(i))];
    for (let j = 0; j < cols; j++) cells.push(num(m.data[i * cols + j]));
    lines.push(cells.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function tokensCsv(tokens: Token[]): string {
  const lines = ['position,id,token,start,end,byte_start,byte_end'];
  tokens.forEach((t, p) =>
    lines.push([p, t.id, quote(t.text), t.start, t.end, t.byteStart, t.byteEnd].join(',')),
  );
  return lines.join('\r\n') + '\r\n';
}

export function download(filename: string, text: string | Blob, type = 'text/csv'): void {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
