// The scatter's 2-D canvas fallback (no WebGL2, a software rasteriser, or a lost context): points are stamped
// as small discs into one ImageData with source-over blending done here, the path is stroked once per colour,
// and highlighted points are ringed on top. Same Renderer interface as gl.ts; time() is synchronous.
import type { Frame, Renderer, Upload } from './state.ts';

/** The fallback: points stamped as small discs into an ImageData, the path stroked once per colour. */
export function canvasRenderer(canvas: HTMLCanvasElement): Renderer {
  const ctx = canvas.getContext('2d');
  const sprite = document.createElement('canvas');
  const sctx = sprite.getContext('2d');
  if (!ctx || !sctx) throw new Error('no 2D canvas');
  let up: Upload = { n: 0, pos: new Float32Array(0), col: new Uint32Array(0), pathPos: null, pathCol: null };
  let hi: Uint32Array = new Uint32Array(0);
  let dpr = 1;
  const css = (c: number) => `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`;
  const draw = (f: Frame) => {
    const { pos, col: colors, pathPos, pathCol } = up;
    const n = Math.min(up.n, f.count);
    const W = canvas.width;
    const H = canvas.height;
    const [ax, ay] = [f.scale[0] * dpr, f.scale[1] * dpr];
    const [bx, by] = [f.offset[0] * dpr, f.offset[1] * dpr];
    const img = sctx.createImageData(W, H);
    const px = img.data; // RGBA bytes, not premultiplied
    const a = f.alpha;
    const r = Math.max(1, (f.size * dpr) / 2);
    const disc: number[] = [];
    for (let dy = -Math.floor(r); dy <= r; dy++)
      for (let dx = -Math.floor(r); dx <= r; dx++) if (dx * dx + dy * dy <= r * r) disc.push(dx, dy);
    for (let i = 0; i < n; i++) {
      const sx = Math.round(ax * pos[2 * i] + bx);
      const sy = Math.round(ay * pos[2 * i + 1] + by);
      if (!(sx > -r && sx < W + r && sy > -r && sy < H + r)) continue;
      const c = colors[i];
      const [cr, cg, cb] = [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
      for (let k = 0; k < disc.length; k += 2) {
        const x = sx + disc[k];
        const y = sy + disc[k + 1];
        if (x < 0 || x >= W || y < 0 || y >= H) continue;
        // Source-over with opacity a onto what is already there.
        const o = 4 * (y * W + x);
        const under = (px[o + 3] / 255) * (1 - a);
        const out = a + under;
        px[o] = (a * cr + under * px[o]) / out;
        px[o + 1] = (a * cg + under * px[o + 1]) / out;
        px[o + 2] = (a * cb + under * px[o + 2]) / out;
        px[o + 3] = 255 * out;
      }
    }
    sctx.putImageData(img, 0, 0);
    ctx.clearRect(0, 0, W, H);
    if (pathPos && pathCol) {
      const byColour = new Map<number, number[]>();
      for (let i = 0; i + 1 < up.n; i++) {
        if (Math.abs(pathPos[2 * i]) > 1e29 || Math.abs(pathPos[2 * i + 2]) > 1e29) continue;
        const list = byColour.get(pathCol[i]) ?? [];
        list.push(i);
        byColour.set(pathCol[i], list);
      }
      ctx.lineWidth = 2 * dpr;
      ctx.globalAlpha = 0.85;
      for (const [c, list] of byColour) {
        ctx.strokeStyle = css(c);
        ctx.beginPath();
        for (const i of list) {
          ctx.moveTo(ax * pathPos[2 * i] + bx, ay * pathPos[2 * i + 1] + by);
          ctx.lineTo(ax * pathPos[2 * i + 2] + bx, ay * pathPos[2 * i + 3] + by);
        }
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    }
    ctx.drawImage(sprite, 0, 0);
    ctx.lineWidth = 2 * dpr;
    ctx.strokeStyle = '#111';
    for (const i of hi) {
      ctx.fillStyle = css(colors[i]);
      ctx.beginPath();
      ctx.arc(ax * pos[2 * i] + bx, ay * pos[2 * i + 1] + by, ((f.size + 5) * dpr) / 2, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  };
  return {
    kind: 'canvas2d',
    canvas,
    resize(w, h, ratio) {
      dpr = ratio;
      canvas.width = sprite.width = Math.max(1, Math.round(w * ratio));
      canvas.height = sprite.height = Math.max(1, Math.round(h * ratio));
    },
    setData(u) {
      up = u;
    },
    setHighlight(ids) {
      hi = ids;
    },
    draw,
    time(f, done) {
      draw(f);
      const t0 = performance.now();
      draw(f);
      done(performance.now() - t0);
    },
    destroy() {},
  };
}
