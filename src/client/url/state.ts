// The view state the URL mirrors: the run spec plus what the page shows around it, and its defaults. The URL
// keys (url/keys.ts) read and write it; the store holds it.
import { DEFAULT_PROJECTION, DEFAULT_SPEC, type ProjectionSpec, type RunSpec } from '../../protocol/specs.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../protocol/training.ts';
import { COLORMAPS, type Colormap } from '../../plots/scales.ts';
import { browserLang, type Lang } from '../../i18n/lang.ts';
import type { ModelName } from '../../models/registry.ts';
import type { RowWindow } from '../../protocol/window.ts';

export { COLORMAPS, type Colormap };

export interface ViewState {
  /** The model preset the spec started from (URL key model, url/model.ts); null: none. */
  model: ModelName | null;
  spec: RunSpec;
  /** One colour scale across the three heatmaps. */
  sharedScale: boolean;
  /** Positions at or past this "training length" are shaded; a learned table has nothing there. */
  trainLength: number;
  /** Dimensions drawn in the curves view. */
  dims: number[];
  /** The Projection panel's request. */
  proj: ProjectionSpec;
  /** The open lesson step (1…LESSON_COUNT), or null when exploring freely. */
  lesson: number | null;
  theme: Theme;
  /** Sequential colour map for weights and indices (signed data always uses the diverging map). */
  colormap: Colormap;
  /** Presentation mode: large type, only the chosen views. */
  present: boolean;
  /** The views shown in presentation mode, in page order. */
  views: PresentView[];
  /** Token rows picked by brushing the projection, ascending (URL key `sel`, as ranges: 0-3,7). */
  selected: number[];
  train: TrainConfig; // the Training panel's settings: URL keys train.* (url/train.ts)
  /** The interface's language (URL key `lang`; default: the browser's language). */
  lang: Lang;
  /** The visible tab below the top band (URL key `tab`, url/workspace.ts). */
  tab: Tab;
  /** The schemes side by side in the Compare tab (URL key `compare`): encodings or rope rules (`rope:yarn`). */
  compare: string[];
  /** The detail window A…B of a position table over 4,096 rows (URL key `window`, url/window.ts); null: the first rows. */
  window: RowWindow | null;
}

/** The tabs below the top band, in order: what each shows is in App.tsx. */
export const TABS = ['explore', 'lab', 'compare', 'project', 'train', 'data'] as const;
export type Tab = (typeof TABS)[number];

/** The page's views that presentation mode can show or hide (URL key `views`, comma-separated). */
export const PRESENT_VIEWS = [
  'tokens',
  'embeddings',
  'pe',
  'input',
  'projection',
  'lab',
  'training',
  'tables',
  'checkpoint',
] as const;
export type PresentView = (typeof PRESENT_VIEWS)[number];

export const LESSON_COUNT = 8;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const DEFAULT_VIEW: ViewState = {
  model: null,
  spec: DEFAULT_SPEC,
  sharedScale: false,
  trainLength: 256,
  dims: [10, 11, 20, 21],
  proj: DEFAULT_PROJECTION,
  lesson: null,
  theme: 'light',
  colormap: 'auto',
  present: false,
  views: ['tokens', 'embeddings', 'pe', 'input', 'lab'],
  selected: [],
  train: DEFAULT_TRAIN_CONFIG,
  lang: browserLang(),
  tab: 'explore',
  compare: ['sinusoidal', 'rope', 'alibi', 'learned'],
  window: null,
};

/** "0-3,7" → [0, 1, 2, 3, 7]; null unless every part is a row or range below `limit`, strictly ascending. */
export function parseRanges(raw: string, limit: number): number[] | null {
  const rows: number[] = [];
  for (const part of raw.split(',')) {
    const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b >= limit || (rows.length > 0 && a <= rows[rows.length - 1])) return null;
    for (let r = a; r <= b; r++) rows.push(r);
  }
  return rows;
}

/** Ascending rows → "0-3,7" (consecutive runs become ranges, so a brushed block stays short in a link). */
export function formatRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return parts.join(',');
}
