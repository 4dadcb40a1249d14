// Baseline 2: the straightforward canvas heatmap: a fresh ImageData for every draw, each cell's colour looked
// up in a 256-entry RdBu table and written byte by byte, then putImageData — no packed words, no reuse.
// The same colours as the app (index = round((v − lo)/(hi − lo)·255) into d3's RdBu, reversed).
import { interpolateRdBu, rgb } from 'd3';

const TABLE: [number, number, number][] = Array.from({ length: 256 }, (_, i) => {
  const c = rgb(interpolateRdBu(1 - i / 255));
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b)];
});

/** Draws [rows, cols] values into a canvas (cols × rows pixels, CSS-scaled) inside el. */
export function drawCanvasBaseline(
  el: HTMLElement,
  m: { shape: [number, number]; data: Float32Array },
  domain: [number, number],
): void {
  const [rows, cols] = m.shape;
  let canvas = el.querySelector('canvas');
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.style.cssText = 'width:100%;height:340px;image-rendering:pixelated;display:block';
    el.replaceChildren(canvas);
  }
  if (canvas.width !== cols || canvas.height !== rows) {
    canvas.width = cols;
    canvas.height = rows;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(cols, rows);
  const [lo, hi] = domain;
  for (let i = 0; i < rows * cols; i++) {
    const t = (m.data[i] - lo) / (hi - lo);
    const j = Math.max(0, Math.min(255, Math.round(t * 255)));
    const [r, g, b] = TABLE[j];
    img.data[4 * i] = r;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = b;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
