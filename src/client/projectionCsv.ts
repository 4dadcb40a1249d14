// A projection layout as CSV: index,x,y[,z],label — the same RFC 4180 quoting and 9 significant digits as the
// matrix export, so the numbers read back exactly.
import type { FromEngine } from '../protocol/messages.ts';
import { quote } from './csv.ts';

type ProjectionMsg = Extract<FromEngine, { type: 'projection' }>;

export function projectionCsv(p: Pick<ProjectionMsg, 'n' | 'dims' | 'points' | 'labels'>): string {
  const axes = ['x', 'y', 'z'].slice(0, p.dims);
  const lines = [['index', ...axes, 'label'].join(',')];
  for (let i = 0; i < p.n; i++) {
    const coords = axes.map((_, k) => Number(p.points[i * p.dims + k].toPrecision(9)));
    lines.push([i, ...coords, quote(p.labels[i] ?? '')].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
