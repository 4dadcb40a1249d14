// The scatter plot's shared vocabulary: its public data/option/handle types, the State one plot element keeps
// (held in a WeakMap keyed by the element, so drawScatter is idempotent), the renderer interface that gl.ts and
// canvas.ts implement, and the layout and level-of-detail constants every part reads.
import type { ZoomBehavior } from 'd3';
import type { Colormap } from '../scales.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Affine, Extent, KdIndex, Zoom } from './math.ts';

export interface ScatterData {
  x: Float32Array;
  y: Float32Array;
  n: number;
  /** One per point (e.g. the token), shown in the tooltip and as text labels for small n. */
  labels?: string[];
  /** A value per point mapped through viridis (e.g. the position index). */
  color?: Float32Array;
  /** What the colour means, for the legend caption; defaults to "position". */
  colorLabel?: string;
  /** Connect consecutive points with a line (position trajectories). */
  path?: boolean;
  /** Mark the first point with a ring and "0". */
  start?: boolean;
  title: string;
  xLabel: string;
  yLabel: string;
  /** The language of the text alternative (default English). */
  lang?: Lang;
}

export interface ScatterOptions {
  width?: number;
  height?: number;
  onHover?: (i: number | null) => void;
  onBrush?: (indices: number[]) => void;
  /** Points drawn emphasised (e.g. the row hovered in another view). When given it replaces the current set. */
  highlight?: number[];
  /** Text labels beside the points when n ≤ LABEL_LIMIT, skipping any that would overlap. */
  showLabels?: boolean;
  /** The user's colour-map choice for the colour-by value (viridis under 'auto'). */
  colormap?: Colormap;
}

export interface ScatterHandle {
  setHighlight(indices: readonly number[]): void;
  resetZoom(): void;
  destroy(): void;
}

export const LABEL_LIMIT = 300;
export const M = { top: 34, right: 16, bottom: 42, left: 62 };
export const PLAIN = 0xffa65624; // #2456a6 packed as 0xAABBGGRR
export const HOVER_PX = 8;
export const FAR = 1e30; // where non-finite points are parked; shaders drop anything beyond 1e29
export const fmt4 = (v: number) => v.toFixed(4);

export const LOD_MIN = 20000; // below this every frame draws every point
export const LOD_FLOOR = 12000; // never thin a moving frame below this many points
export const FRAME_MS = 16; // the drawing time a moving frame aims for
export const SETTLE_MS = 150; // after the last zoom event, draw every point again

/** What the GPU (or the fallback) holds: points in level-of-detail order, the path in index order. */
export interface Upload {
  n: number;
  /** x, y per point minus the centre, in lodOrder; non-finite points parked at FAR. */
  pos: Float32Array;
  col: Uint32Array;
  /** The same in index order, only when the path is drawn. */
  pathPos: Float32Array | null;
  pathCol: Uint32Array | null;
}

export interface Frame {
  scale: Extent;
  offset: Extent;
  size: number;
  alpha: number;
  /** Draw the first `count` points of the level-of-detail order. */
  count: number;
}

export interface Renderer {
  kind: 'webgl2' | 'canvas2d';
  canvas: HTMLCanvasElement;
  resize(w: number, h: number, dpr: number): void;
  setData(u: Upload): void;
  /** Slots (positions in the upload order) of the highlighted points. */
  setHighlight(slots: Uint32Array): void;
  draw(f: Frame): void;
  /** Draws f once to warm up, then again, and reports how long the second took to finish (asynchronously). */
  time(f: Frame, done: (ms: number) => void): void;
  destroy(): void;
}

export interface State {
  el: HTMLElement;
  data: ScatterData | null;
  opts: ScatterOptions;
  width: number;
  height: number;
  w: number;
  h: number;
  xDomain: Extent;
  yDomain: Extent;
  centre: Extent;
  base: Affine;
  zoom: Zoom;
  index: KdIndex;
  colors: Uint32Array;
  colorDomain: Extent;
  lut: Uint32Array;
  labelWidths: number[];
  hover: number | null;
  highlight: Uint32Array;
  /** lodOrder of the points and its inverse (slot of each index). */
  order: Uint32Array;
  slot: Uint32Array;
  upload: Upload | null;
  /** Points a moving frame may draw (n when the renderer is fast enough for all). */
  budget: number;
  moving: boolean;
  settle: number;
  /** Bumped whenever what the canvas shows changes other than the view; with the view it keys the last frame. */
  version: number;
  drawn: string;
  calibration: number;
  brush: [number, number, number, number] | null; // data coordinates
  dragging: [number, number, number, number] | null; // screen coordinates while dragging
  brushMode: boolean;
  raf: number;
  renderer: Renderer;
  surface: HTMLDivElement;
  axes: SVGSVGElement;
  overlay: SVGSVGElement;
  tip: HTMLDivElement;
  tools: HTMLDivElement;
  brushButton: HTMLButtonElement;
  zoomer: ZoomBehavior<HTMLDivElement, unknown>;
  abort: AbortController;
  handle: ScatterHandle;
}

export const states = new WeakMap<HTMLElement, State>();

export function pointSize(n: number): number {
  return n > 20000 ? 3 : n > 2000 ? 4 : 7;
}

export function short(t: string): string {
  return t.length > 16 ? t.slice(0, 15) + '…' : t;
}
