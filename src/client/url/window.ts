// URL key `window=A-B`: the exact detail window (inclusive positions) of a position table of more than 4,096 rows
// (protocol/window.ts). Judged by validateWindow against the `positions` key parsed before it; absent (null), the
// window is the table's first 4,096 rows. A table of 4,096 rows or fewer is always shown whole.
import {
  formatWindow,
  parseWindow,
  validateWindow,
  DETAIL_ROWS,
  type RowWindow,
} from '../../protocol/window.ts';
import type { AnyUrlKey, UrlKey } from './key.ts';
import { message } from '../../i18n/t.ts';

export const WINDOW_KEY: UrlKey<RowWindow | null> = {
  name: 'window',
  get: (v) => v.window,
  set: (v, window) => ({ ...v, window }),
  parse: (raw) => {
    const w = parseWindow(raw);
    return w ? { value: w } : { why: message('url.window', { max: DETAIL_ROWS }) };
  },
  format: (w) => (w ? formatWindow(w) : ''),
  show: (w) => (w ? JSON.stringify(formatWindow(w)) : message('url.firstRows')),
  validate: (v) => (v.window ? validateWindow(v.window, v.spec.params.positions) : null),
};

export const WINDOW_KEYS: AnyUrlKey[] = [WINDOW_KEY];
