// A text alternative for a heatmap: its shape, range, mean, where the extreme value sits, and two structures a
// reader would look for — a dominant diagonal (similarity matrices) and repeated rows (the same token twice).
import type { Matrix } from '../protocol/messages.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/t.ts';

const fmt = (v: number) =>
  Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(3);

export function describeMatrix(m: Matrix, lang: Lang = 'en', title = m.title): string {
  const [rows, cols] = m.shape;
  if (rows * cols === 0) return t(lang, 'describe.empty', { title });
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let at = 0;
  for (let i = 0; i < m.data.length; i++) {
    const v = m.data[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) > Math.abs(m.data[at])) at = i;
  }
  const r = Math.floor(at / cols);
  const c = at % cols;
  const rowName =
    m.rowLabels?.[r] !== undefined
      ? t(lang, 'describe.rowLabel', { r, label: m.rowLabels[r] })
      : t(lang, 'describe.row', { r });
  const parts = [
    t(lang, 'describe.range', {
      title,
      rows,
      cols,
      min: fmt(min),
      max: fmt(max),
      mean: fmt(sum / m.data.length),
    }),
    t(lang, 'describe.largest', { v: fmt(m.data[at]), row: rowName, c }),
  ];
  if (rows === cols && rows > 1) {
    // diagonal dominance: every diagonal entry is the largest of its row
    let dominant = true;
    for (let i = 0; i < rows && dominant; i++) {
      const d = m.data[i * cols + i];
      for (let j = 0; j < cols; j++) if (m.data[i * cols + j] > d + 1e-6) dominant = false;
    }
    if (dominant) parts.push(t(lang, 'describe.diagonal'));
  }
  let repeats = 0;
  for (let i = 1; i < rows; i++) {
    for (let k = 0; k < i; k++) {
      let same = true;
      for (let j = 0; j < cols && same; j++) same = m.data[i * cols + j] === m.data[k * cols + j];
      if (same) {
        repeats++;
        break;
      }
    }
    if (rows > 256) break; // keep it cheap on big tables
  }
  if (repeats > 0) parts.push(t(lang, repeats > 1 ? 'describe.repeats' : 'describe.repeat', { n: repeats }));
  return parts.join(lang === 'zh' ? '' : ' ');
}
