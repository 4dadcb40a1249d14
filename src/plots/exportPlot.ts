// PNG and SVG export of any plot element: its canvases (heatmap cells, scatter points) and SVG layers (axes,
// labels, legends) are composed at their on-screen positions. SVG export embeds each canvas as a PNG <image>; PNG
// export draws each SVG layer onto one canvas at the device pixel ratio.

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Layer {
  kind: 'canvas' | 'svg';
  el: HTMLCanvasElement | SVGSVGElement;
  x: number;
  y: number;
  w: number;
  h: number;
}

function layers(root: HTMLElement): { layers: Layer[]; width: number; height: number } {
  const box = root.getBoundingClientRect();
  const out: Layer[] = [];
  for (const el of root.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg')) {
    if (el instanceof SVGSVGElement && el.ownerSVGElement) continue; // nested svg: drawn with its parent
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const kind = el instanceof HTMLCanvasElement ? 'canvas' : 'svg';
    out.push({ kind, el, x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
  }
  return { layers: out, width: Math.ceil(box.width), height: Math.ceil(box.height) };
}

/** An SVG layer as standalone markup, with the computed text style inlined so it renders outside the page. */
function standalone(svg: SVGSVGElement, w: number, h: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  const style = getComputedStyle(svg);
  copy.setAttribute('font-family', style.fontFamily);
  copy.setAttribute('font-size', style.fontSize);
  copy.setAttribute('color', style.color);
  return new XMLSerializer().serializeToString(copy);
}

/** The plot as one SVG document. */
export function plotSvg(root: HTMLElement): string {
  const { layers: list, width, height } = layers(root);
  const doc = document.createElementNS(SVG_NS, 'svg');
  doc.setAttribute('xmlns', SVG_NS);
  doc.setAttribute('width', String(width));
  doc.setAttribute('height', String(height));
  doc.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(root).backgroundColor || '#fff');
  doc.append(bg);
  for (const l of list) {
    if (l.kind === 'canvas') {
      const img = document.createElementNS(SVG_NS, 'image');
      img.setAttribute('href', (l.el as HTMLCanvasElement).toDataURL('image/png'));
      img.setAttribute('x', String(l.x));
      img.setAttribute('y', String(l.y));
      img.setAttribute('width', String(l.w));
      img.setAttribute('height', String(l.h));
      img.setAttribute('preserveAspectRatio', 'none');
      img.style.imageRendering = 'pixelated'; // a style property, not a style attribute: allowed by the CSP
      doc.append(img);
    } else {
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('transform', `translate(${l.x},${l.y})`);
      const copy = new DOMParser().parseFromString(
        standalone(l.el as SVGSVGElement, l.w, l.h),
        'image/svg+xml',
      );
      g.append(document.importNode(copy.documentElement, true));
      doc.append(g);
    }
  }
  return new XMLSerializer().serializeToString(doc);
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('a plot layer could not be rendered for export'));
    img.src = src;
  });
}

/** The plot as a PNG, at the device pixel ratio (at least 2× for crisp slides). */
export async function plotPng(root: HTMLElement): Promise<Blob> {
  const { layers: list, width, height } = layers(root);
  const scale = Math.max(2, devicePixelRatio || 1);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas for export');
  ctx.scale(scale, scale);
  ctx.fillStyle = getComputedStyle(root).backgroundColor || '#fff';
  if (ctx.fillStyle === 'rgba(0, 0, 0, 0)') ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  for (const l of list) {
    if (l.kind === 'canvas') {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(l.el as HTMLCanvasElement, l.x, l.y, l.w, l.h);
    } else {
      const url = URL.createObjectURL(
        new Blob([standalone(l.el as SVGSVGElement, l.w, l.h)], { type: 'image/svg+xml' }),
      );
      try {
        ctx.drawImage(await loadImage(url), l.x, l.y, l.w, l.h);
      } finally {
        URL.revokeObjectURL(url);
      }
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
