// drawScatter(el, data, opts): a zoomable scatter / trajectory plot for projections. Points (and the path
// through consecutive points) are drawn with WebGL2 point sprites and instanced line quads, falling back to a
// 2D canvas; axes, labels, markers and the brush rectangle are SVG above it; d3-zoom pans and zooms (wheel,
// drag; double-click resets); shift+drag or the Select toggle brushes a rectangle. Hover and brushing query a
// k-d tree (scatterMath.ts) in zoom-1 pixels. Idempotent like a D3 join: calling it again on the same element
// updates the same canvas, axes and listeners and returns the same handle. All text is set via textContent.
// Speed: one full frame is timed (without blocking) after each upload; if it is slower than FRAME_MS (software
// GL such as SwiftShader), frames drawn while the view moves show a stratified prefix of the points (lodOrder,
// so outliers stay) and every point is drawn again SETTLE_MS after the last zoom event. The plot surface
// reports data-renderer="webgl2" | "canvas2d" and data-budget (points per moving frame) for tests.
import {
  axisBottom,
  axisLeft,
  pointer,
  scaleLinear,
  select,
  zoom,
  zoomIdentity,
  type ZoomBehavior,
} from 'd3';
import { LUT_SIZE, LUTS, extentOf, lutFor, type Colormap } from './scales.ts';
import { isSoftwareRenderer } from './heatmapGl.ts';
import { widthOf } from './width.ts';
import {
  IDENTITY_ZOOM,
  KdIndex,
  baseCoords,
  brushToBase,
  centredView,
  composeView,
  fitView,
  lodOrder,
  paddedExtent,
  placeLabels,
  packColors,
  screenToBase,
  stepIndex,
  thinnedAlpha,
  toData,
  toScreen,
  visibleDomain,
  type Affine,
  type Box,
  type Extent,
  type Zoom,
} from './scatterMath.ts';

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
const M = { top: 34, right: 16, bottom: 42, left: 62 };
const PLAIN = 0xffa65624; // #2456a6 packed as 0xAABBGGRR
const HOVER_PX = 8;
const FAR = 1e30; // where non-finite points are parked; shaders drop anything beyond 1e29
const fmt4 = (v: number) => v.toFixed(4);

const LOD_MIN = 20000; // below this every frame draws every point
const LOD_FLOOR = 12000; // never thin a moving frame below this many points
const FRAME_MS = 16; // the drawing time a moving frame aims for
const SETTLE_MS = 150; // after the last zoom event, draw every point again

/** What the GPU (or the fallback) holds: points in level-of-detail order, the path in index order. */
interface Upload {
  n: number;
  /** x, y per point minus the centre, in lodOrder; non-finite points parked at FAR. */
  pos: Float32Array;
  col: Uint32Array;
  /** The same in index order, only when the path is drawn. */
  pathPos: Float32Array | null;
  pathCol: Uint32Array | null;
}

interface Frame {
  scale: Extent;
  offset: Extent;
  size: number;
  alpha: number;
  /** Draw the first `count` points of the level-of-detail order. */
  count: number;
}

interface Renderer {
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

const POINT_VS = `#version 300 es
in vec2 a_pos; in vec4 a_col;
uniform vec2 u_scale; uniform vec2 u_offset; uniform vec2 u_size; uniform float u_point;
out vec4 v_col;
void main() {
  vec2 s = a_pos * u_scale + u_offset;
  bool far = abs(a_pos.x) > 1e29 || abs(a_pos.y) > 1e29;
  gl_Position = far ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(s.x / u_size.x * 2.0 - 1.0, 1.0 - s.y / u_size.y * 2.0, 0.0, 1.0);
  gl_PointSize = u_point;
  v_col = a_col;
}`;
const POINT_FS = `#version 300 es
precision mediump float;
in vec4 v_col; uniform float u_alpha; uniform float u_ring; out vec4 o;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  float aa = max(fwidth(r), 1e-3);
  float a = 1.0 - smoothstep(1.0 - aa, 1.0, r);
  if (a <= 0.0) discard;
  vec3 c = v_col.rgb;
  if (u_ring > 0.0) c = mix(c, vec3(0.07), smoothstep(u_ring - aa, u_ring, r));
  a *= u_ring > 0.0 ? 1.0 : u_alpha;
  o = vec4(c * a, a);
}`;
const SEG_VS = `#version 300 es
in vec2 a_corner; in vec2 a_p0; in vec2 a_p1; in vec4 a_c0; in vec4 a_c1;
uniform vec2 u_scale; uniform vec2 u_offset; uniform vec2 u_size; uniform float u_width;
out vec4 v_col; out float v_edge;
void main() {
  vec2 s0 = a_p0 * u_scale + u_offset;
  vec2 s1 = a_p1 * u_scale + u_offset;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
  float hw = u_width * 0.5;
  v_edge = a_corner.y * (hw + 1.0); // signed distance from the centre line in CSS px, 1 px of feather
  vec2 s = mix(s0, s1, a_corner.x) + vec2(-dir.y, dir.x) * v_edge + dir * (a_corner.x * 2.0 - 1.0) * hw;
  bool far = max(max(abs(a_p0.x), abs(a_p0.y)), max(abs(a_p1.x), abs(a_p1.y))) > 1e29;
  gl_Position = far ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(s.x / u_size.x * 2.0 - 1.0, 1.0 - s.y / u_size.y * 2.0, 0.0, 1.0);
  v_col = mix(a_c0, a_c1, a_corner.x);
}`;
const SEG_FS = `#version 300 es
precision mediump float;
in vec4 v_col; in float v_edge; uniform highp float u_width; out vec4 o;
void main() {
  float a = 0.85 * clamp(u_width * 0.5 + 0.5 - abs(v_edge), 0.0, 1.0);
  o = vec4(v_col.rgb * a, a);
}`;

function program(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const p = gl.createProgram();
  for (const [type, src] of [
    [gl.VERTEX_SHADER, vs],
    [gl.FRAGMENT_SHADER, fs],
  ] as const) {
    const sh = gl.createShader(type);
    if (!sh) throw new Error('createShader failed');
    gl.shaderSource(sh, src);
    gl.compileShader(sh);
    if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(sh) ?? 'shader');
    gl.attachShader(p, sh);
    gl.deleteShader(sh);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(p) ?? 'link');
  return p;
}

function glRenderer(canvas: HTMLCanvasElement): Renderer | null {
  // preserveDrawingBuffer: PNG/SVG export reads the canvas back after the frame
  const gl = canvas.getContext('webgl2', {
    antialias: false,
    premultipliedAlpha: true,
    alpha: true,
    preserveDrawingBuffer: true,
  });
  if (!gl) return null;
  // A software rasteriser (SwiftShader, llvmpipe) with software compositing reads every GL frame back for the
  // compositor, and that read-back waits for the GPU process, which is also running the engine's WebGPU kernels:
  // measured as 4.8 s of a 5 s main-thread stall after a 1 MB paste. The 2D canvas path (with LOD) avoids it.
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  if (isSoftwareRenderer(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)))) {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  }
  // Calls `then` once the GPU has finished everything submitted so far; polls a fence (no stall, no readback).
  const whenDone = (then: () => void) => {
    const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    const poll = () => {
      if (!fence || gl.isContextLost()) return;
      if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return void setTimeout(poll, 1);
      gl.deleteSync(fence);
      then();
    };
    poll();
  };
  const pointProg = program(gl, POINT_VS, POINT_FS);
  const segProg = program(gl, SEG_VS, SEG_FS);
  const posBuf = gl.createBuffer();
  const colBuf = gl.createBuffer();
  const pathPosBuf = gl.createBuffer();
  const pathColBuf = gl.createBuffer();
  const hiBuf = gl.createBuffer();
  const cornerBuf = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, cornerBuf);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, -1, 0, 1, 1, -1, 1, 1]), gl.STATIC_DRAW);
  const attr = (
    prog: WebGLProgram,
    name: string,
    buf: WebGLBuffer,
    size: number,
    type: number,
    offset: number,
    divisor: number,
  ) => {
    const loc = gl.getAttribLocation(prog, name);
    if (loc < 0) return;
    gl.bindBuffer(gl.ARRAY_BUFFER, buf);
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, size, type, type === gl.UNSIGNED_BYTE, 0, offset);
    gl.vertexAttribDivisor(loc, divisor);
  };
  const pointVao = (withIndices: boolean) => {
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    attr(pointProg, 'a_pos', posBuf, 2, gl.FLOAT, 0, 0);
    attr(pointProg, 'a_col', colBuf, 4, gl.UNSIGNED_BYTE, 0, 0);
    if (withIndices) gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, hiBuf);
    gl.bindVertexArray(null);
    return vao;
  };
  const pointsVao = pointVao(false);
  const hiVao = pointVao(true);
  const segVao = gl.createVertexArray();
  gl.bindVertexArray(segVao);
  attr(segProg, 'a_corner', cornerBuf, 2, gl.FLOAT, 0, 0);
  attr(segProg, 'a_p0', pathPosBuf, 2, gl.FLOAT, 0, 1);
  attr(segProg, 'a_p1', pathPosBuf, 2, gl.FLOAT, 8, 1);
  attr(segProg, 'a_c0', pathColBuf, 4, gl.UNSIGNED_BYTE, 0, 1);
  attr(segProg, 'a_c1', pathColBuf, 4, gl.UNSIGNED_BYTE, 4, 1);
  gl.bindVertexArray(null);
  const uniforms = (prog: WebGLProgram, names: string[]) =>
    Object.fromEntries(names.map((u) => [u, gl.getUniformLocation(prog, u)]));
  const pu = uniforms(pointProg, ['u_scale', 'u_offset', 'u_size', 'u_point', 'u_alpha', 'u_ring']);
  const su = uniforms(segProg, ['u_scale', 'u_offset', 'u_size', 'u_width']);
  let n = 0;
  let pathN = 0;
  let hiCount = 0;
  let css: Extent = [1, 1];
  const bytes = (c: Uint32Array) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  const upload = (buf: WebGLBuffer, data: Float32Array | Uint8Array) => {
    gl.bindBuffer(gl.ARRAY_BUFFER, buf);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  };
  let dpr = 1;
  const draw = (f: Frame) => {
    gl.viewport(0, 0, canvas.width, canvas.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (n === 0) return;
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    if (pathN > 1) {
      gl.useProgram(segProg);
      gl.uniform2f(su.u_scale, f.scale[0], f.scale[1]);
      gl.uniform2f(su.u_offset, f.offset[0], f.offset[1]);
      gl.uniform2f(su.u_size, css[0], css[1]);
      gl.uniform1f(su.u_width, 2);
      gl.bindVertexArray(segVao);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, pathN - 1);
    }
    gl.useProgram(pointProg);
    gl.uniform2f(pu.u_scale, f.scale[0], f.scale[1]);
    gl.uniform2f(pu.u_offset, f.offset[0], f.offset[1]);
    gl.uniform2f(pu.u_size, css[0], css[1]);
    gl.uniform1f(pu.u_point, f.size * dpr);
    gl.uniform1f(pu.u_alpha, f.alpha);
    gl.uniform1f(pu.u_ring, 0);
    gl.bindVertexArray(pointsVao);
    gl.drawArrays(gl.POINTS, 0, Math.min(n, f.count));
    if (hiCount > 0) {
      const big = f.size + 7;
      gl.uniform1f(pu.u_point, big * dpr);
      gl.uniform1f(pu.u_ring, 1 - 4 / big);
      gl.bindVertexArray(hiVao);
      gl.drawElements(gl.POINTS, hiCount, gl.UNSIGNED_INT, 0);
    }
    gl.bindVertexArray(null);
  };
  return {
    kind: 'webgl2',
    canvas,
    resize(w, h, ratio) {
      css = [w, h];
      dpr = ratio;
      canvas.width = Math.max(1, Math.round(w * ratio));
      canvas.height = Math.max(1, Math.round(h * ratio));
    },
    setData(u) {
      n = u.n;
      upload(posBuf, u.pos);
      upload(colBuf, bytes(u.col));
      pathN = u.pathPos && u.pathCol ? u.n : 0;
      if (u.pathPos && u.pathCol) {
        upload(pathPosBuf, u.pathPos);
        upload(pathColBuf, bytes(u.pathCol));
      }
    },
    setHighlight(ids) {
      hiCount = ids.length;
      gl.bindVertexArray(null);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, hiBuf);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, ids, gl.DYNAMIC_DRAW);
    },
    draw,
    time(f, done) {
      draw(f);
      whenDone(() => {
        const t0 = performance.now();
        draw(f);
        whenDone(() => done(performance.now() - t0));
      });
    },
    destroy() {
      for (const b of [posBuf, colBuf, pathPosBuf, pathColBuf, hiBuf, cornerBuf]) gl.deleteBuffer(b);
      for (const v of [pointsVao, hiVao, segVao]) gl.deleteVertexArray(v);
      gl.deleteProgram(pointProg);
      gl.deleteProgram(segProg);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}

/** The fallback: points stamped as small discs into an ImageData, the path stroked once per colour. */
function canvasRenderer(canvas: HTMLCanvasElement): Renderer {
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

interface State {
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

const states = new WeakMap<HTMLElement, State>();
const SVG_NS = 'http://www.w3.org/2000/svg';

function pointSize(n: number): number {
  return n > 20000 ? 3 : n > 2000 ? 4 : 7;
}

function makeRenderer(s: State, host: HTMLElement): Renderer {
  const canvas = document.createElement('canvas');
  canvas.className = 'scatter-canvas';
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%' });
  host.prepend(canvas);
  let r: Renderer | null = null;
  try {
    r = glRenderer(canvas);
  } catch (err) {
    console.warn('scatter: WebGL2 setup failed, drawing on a 2D canvas instead', err);
    r = null;
  }
  if (r) {
    canvas.addEventListener(
      'webglcontextlost',
      (e) => {
        e.preventDefault();
        if (states.get(s.el) !== s) return;
        canvas.remove();
        s.renderer = makeRenderer(s, host);
        s.renderer.resize(s.w, s.h, devicePixelRatio || 1);
        if (s.upload) s.renderer.setData(s.upload);
        setHighlight(s, Array.from(s.highlight));
        s.surface.dataset.renderer = s.renderer.kind;
        render(s);
      },
      { signal: s.abort.signal },
    );
    return r;
  }
  canvas.remove();
  const fallback = document.createElement('canvas');
  fallback.className = canvas.className;
  fallback.style.cssText = canvas.style.cssText;
  host.prepend(fallback);
  return canvasRenderer(fallback);
}

/** Centred float32 positions (FAR for non-finite points) in the given order, or in index order. */
function centred(d: ScatterData, c: Extent, order?: Uint32Array): Float32Array {
  const pos = new Float32Array(2 * d.n);
  for (let k = 0; k < d.n; k++) {
    const i = order ? order[k] : k;
    const ok = Number.isFinite(d.x[i]) && Number.isFinite(d.y[i]);
    pos[2 * k] = ok ? d.x[i] - c[0] : FAR;
    pos[2 * k + 1] = ok ? d.y[i] - c[1] : FAR;
  }
  return pos;
}

function setup(el: HTMLElement): State {
  el.replaceChildren();
  el.classList.add('scatter');
  if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
  const axes = document.createElementNS(SVG_NS, 'svg');
  axes.setAttribute('class', 'scatter-axes');
  axes.setAttribute('aria-hidden', 'true');
  Object.assign(axes.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  const surface = document.createElement('div');
  surface.className = 'scatter-surface';
  surface.tabIndex = 0;
  surface.setAttribute('role', 'img');
  surface.setAttribute('aria-roledescription', 'scatter plot');
  Object.assign(surface.style, { position: 'absolute', cursor: 'crosshair', touchAction: 'none' });
  const overlay = document.createElementNS(SVG_NS, 'svg');
  overlay.setAttribute('class', 'scatter-overlay');
  Object.assign(overlay.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    pointerEvents: 'none',
    overflow: 'hidden',
  });
  surface.append(overlay);
  const tools = document.createElement('div');
  tools.className = 'scatter-tools';
  Object.assign(tools.style, { position: 'absolute', display: 'flex', gap: '4px', zIndex: '1' });
  const button = (text: string, title: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = title;
    Object.assign(b.style, {
      font: '11px system-ui, sans-serif',
      padding: '1px 6px',
      background: 'rgba(255,255,255,0.85)',
      border: '1px solid #bbb',
      borderRadius: '3px',
      cursor: 'pointer',
    });
    tools.append(b);
    return b;
  };
  const brushButton = button('Select', 'Drag to select points (or hold Shift while dragging)');
  brushButton.setAttribute('aria-pressed', 'false');
  const resetButton = button('Reset zoom', 'Reset zoom (or double-click the plot)');
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  el.append(axes, surface, tools, tip);

  const abort = new AbortController();
  const on = <K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => target.addEventListener(type, fn, { signal: abort.signal });
  const zoomer = zoom<HTMLDivElement, unknown>()
    .scaleExtent([0.5, 20000])
    .filter(
      // Wheel always zooms (ctrl+wheel is a pinch); a drag pans unless it is a brush (shift or Select mode).
      (e: MouseEvent | WheelEvent | TouchEvent) =>
        e.type === 'wheel' || (!e.ctrlKey && !('button' in e && e.button) && !e.shiftKey && !s.brushMode),
    )
    .on('zoom', (e: { transform: Zoom }) => {
      s.zoom = { k: e.transform.k, x: e.transform.x, y: e.transform.y };
      if (s.budget < (s.data?.n ?? 0)) {
        s.moving = true;
        clearTimeout(s.settle);
        s.settle = window.setTimeout(() => {
          s.moving = false;
          schedule(s);
        }, SETTLE_MS);
      }
      schedule(s);
    });
  const s: State = {
    el,
    data: null,
    opts: {},
    width: 0,
    height: 0,
    w: 1,
    h: 1,
    xDomain: [0, 1],
    yDomain: [0, 1],
    centre: [0, 0],
    base: fitView([0, 1], [0, 1], 1, 1),
    zoom: IDENTITY_ZOOM,
    index: new KdIndex([], [], 0),
    colors: new Uint32Array(0),
    colorDomain: [0, 1],
    lut: LUTS.sequential,
    labelWidths: [],
    hover: null,
    highlight: new Uint32Array(0),
    order: new Uint32Array(0),
    slot: new Uint32Array(0),
    upload: null,
    budget: 0,
    moving: false,
    settle: 0,
    version: 0,
    drawn: '',
    calibration: 0,
    brush: null,
    dragging: null,
    brushMode: false,
    raf: 0,
    renderer: null as unknown as Renderer,
    surface,
    axes,
    overlay,
    tip,
    tools,
    brushButton,
    zoomer,
    abort,
    handle: {
      setHighlight: (ids) => {
        if (states.get(el) !== s) return;
        setHighlight(s, ids);
        schedule(s);
      },
      resetZoom: () => resetZoom(s),
      destroy: () => destroy(s),
    },
  };
  s.renderer = makeRenderer(s, surface);
  surface.dataset.renderer = s.renderer.kind;
  select(surface).call(zoomer).on('dblclick.zoom', null);

  const local = (e: MouseEvent) => pointer(e, surface) as [number, number];
  on(surface, 'dblclick', () => resetZoom(s));
  on(resetButton, 'click', () => resetZoom(s));
  on(brushButton, 'click', () => {
    s.brushMode = !s.brushMode;
    brushButton.setAttribute('aria-pressed', String(s.brushMode));
    brushButton.style.background = s.brushMode ? '#dde6f5' : 'rgba(255,255,255,0.85)';
  });
  on(surface, 'pointerdown', (e) => {
    if (e.button !== 0 || !(e.shiftKey || s.brushMode)) return;
    e.preventDefault();
    surface.setPointerCapture(e.pointerId);
    const [x, y] = local(e);
    s.dragging = [x, y, x, y];
    setHover(s, null);
    render(s);
  });
  on(surface, 'pointermove', (e) => {
    if (s.dragging) {
      const [x, y] = local(e);
      s.dragging[2] = x;
      s.dragging[3] = y;
      schedule(s);
      return;
    }
    if (e.buttons !== 0 || !s.data) return;
    const [u, v] = screenToBase(s.zoom, ...local(e));
    const i = s.index.nearest(u, v, HOVER_PX / s.zoom.k);
    setHover(s, i < 0 ? null : i);
  });
  const endBrush = () => {
    const d = s.dragging;
    if (!d) return;
    s.dragging = null;
    const tiny = Math.abs(d[2] - d[0]) < 3 && Math.abs(d[3] - d[1]) < 3;
    const had = s.brush !== null;
    if (tiny) {
      s.brush = null;
      if (had) s.opts.onBrush?.([]);
    } else {
      const view = composeView(s.base, s.zoom);
      s.brush = [...toData(view, d[0], d[1]), ...toData(view, d[2], d[3])];
      s.opts.onBrush?.(s.index.range(...brushToBase(s.zoom, d[0], d[1], d[2], d[3])));
    }
    render(s);
  };
  on(surface, 'pointerup', endBrush);
  on(surface, 'pointercancel', endBrush);
  on(surface, 'pointerleave', () => {
    if (!s.dragging && document.activeElement !== surface) setHover(s, null);
  });
  on(surface, 'keydown', (e) => {
    const n = s.data?.n ?? 0;
    if (e.key === 'Escape') {
      setHover(s, null);
      if (s.brush) {
        s.brush = null;
        s.opts.onBrush?.([]);
        render(s);
      }
      return;
    }
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      zoomer.scaleBy(select(surface), e.key === '-' ? 1 / 1.5 : 1.5);
      return;
    }
    const next = stepIndex(s.hover, e.key, n);
    if (next === undefined) return;
    e.preventDefault();
    setHover(s, next);
    revealHover(s);
  });
  on(surface, 'blur', () => setHover(s, null));
  states.set(el, s);
  return s;
}

function schedule(s: State): void {
  if (!s.raf) s.raf = requestAnimationFrame(() => render(s));
}

function resetZoom(s: State): void {
  if (states.get(s.el) !== s) return;
  select(s.surface).transition().duration(250).call(s.zoomer.transform, zoomIdentity);
}

function destroy(s: State): void {
  if (states.get(s.el) !== s) return;
  if (s.raf) cancelAnimationFrame(s.raf);
  clearTimeout(s.settle);
  s.calibration++;
  s.abort.abort();
  select(s.surface).interrupt().on('.zoom', null);
  s.renderer.destroy();
  s.el.replaceChildren();
  s.el.classList.remove('scatter');
  s.el.style.height = '';
  states.delete(s.el);
}

function setHighlight(s: State, ids: readonly number[]): void {
  const n = s.data?.n ?? 0;
  s.highlight = Uint32Array.from(ids.filter((i) => Number.isInteger(i) && i >= 0 && i < n));
  s.renderer.setHighlight(s.highlight.map((i) => s.slot[i]));
  s.version++;
}

function setHover(s: State, i: number | null): void {
  if (s.hover === i) return;
  s.hover = i;
  drawHover(s, composeView(s.base, s.zoom));
  s.opts.onHover?.(i);
}

/** Pans a keyboard-chosen point into view when it lies outside the plot area. */
function revealHover(s: State): void {
  const d = s.data;
  if (s.hover === null || !d) return;
  const [sx, sy] = toScreen(composeView(s.base, s.zoom), d.x[s.hover], d.y[s.hover]);
  if (!Number.isFinite(sx) || (sx >= 0 && sx <= s.w && sy >= 0 && sy <= s.h)) return;
  const [u, v] = toScreen(s.base, d.x[s.hover], d.y[s.hover]);
  s.zoomer.translateTo(select(s.surface), u, v);
}

function describe(d: ScatterData, i: number): string {
  const label = d.labels?.[i];
  const head = label !== undefined ? `“${label}” · ` : '';
  const colour = d.color ? ` · ${d.colorLabel ?? 'position'} ${+d.color[i].toFixed(4)}` : '';
  return `${head}index ${i} · (${fmt4(d.x[i])}, ${fmt4(d.y[i])})${colour}`;
}

function drawHover(s: State, view: Affine): void {
  const d = s.data;
  const i = s.hover;
  const p = d && i !== null && i < d.n ? toScreen(view, d.x[i], d.y[i]) : null;
  const show = p !== null && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  select(s.overlay)
    .selectAll('circle.hover')
    .data(show ? [p] : [])
    .join('circle')
    .attr('class', 'hover')
    .attr('r', pointSize(d?.n ?? 0) / 2 + 4)
    .attr('fill', 'none')
    .attr('stroke', '#111')
    .attr('stroke-width', 2)
    .attr('cx', (q) => q[0])
    .attr('cy', (q) => q[1]);
  s.tip.hidden = !show;
  if (!show || !d || i === null) return;
  s.tip.textContent = describe(d, i);
  const left = M.left + Math.min(Math.max(p[0], 0), s.w) + 12;
  const top = M.top + Math.min(Math.max(p[1], 0), s.h) + 12;
  s.tip.style.left = `${Math.max(0, Math.min(left, s.width - s.tip.offsetWidth - 4))}px`;
  s.tip.style.top = `${top > s.height - 30 ? top - 44 : top}px`;
}

function measureLabels(labels: string[] | undefined, n: number): number[] {
  if (!labels || n > LABEL_LIMIT) return [];
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) ctx.font = '11px system-ui, sans-serif';
  return labels.slice(0, n).map((t) => (ctx ? ctx.measureText(short(t)).width : short(t).length * 6.5) + 2);
}

function short(t: string): string {
  return t.length > 16 ? t.slice(0, 15) + '…' : t;
}

function ariaLabel(d: ScatterData): string {
  const range = (a: Float32Array) => {
    let [lo, hi] = [Infinity, -Infinity];
    for (let i = 0; i < d.n; i++)
      if (Number.isFinite(a[i])) [lo, hi] = [Math.min(lo, a[i]), Math.max(hi, a[i])];
    return lo > hi ? 'has no finite values' : `from ${lo.toPrecision(3)} to ${hi.toPrecision(3)}`;
  };
  const parts = [
    `${d.title}: ${d.n} points`,
    `x (${d.xLabel}) ${range(d.x)}`,
    `y (${d.yLabel}) ${range(d.y)}`,
    d.color ? `colour = ${d.colorLabel ?? 'position'} (viridis)` : '',
    d.path ? 'a line joins consecutive points' : '',
    'arrow keys step through the points, + and − zoom, double-click resets the zoom',
  ];
  return parts.filter(Boolean).join('; ') + '.';
}

export function drawScatter(el: HTMLElement, data: ScatterData, opts: ScatterOptions = {}): ScatterHandle {
  const s = states.get(el) ?? setup(el);
  const width = Math.max(280, opts.width ?? (widthOf(el) || 600));
  const height = Math.max(200, opts.height ?? 380);
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const resized = width !== s.width || height !== s.height;
  const fresh = data !== s.data;
  const lut = lutFor('sequential', opts.colormap);
  const recolour = fresh || lut !== s.lut;
  s.opts = opts;
  [s.width, s.height, s.w, s.h] = [width, height, w, h];

  if (resized) {
    el.style.height = `${height}px`;
    select(s.axes).attr('width', width).attr('height', height);
    Object.assign(s.surface.style, {
      left: `${M.left}px`,
      top: `${M.top}px`,
      width: `${w}px`,
      height: `${h}px`,
    });
    select(s.overlay).attr('width', w).attr('height', h);
    // in the top margin, left of the colour legend, so the buttons never cover points
    Object.assign(s.tools.style, {
      right: `${M.right + 190}px`,
      top: '6px',
    });
    s.renderer.resize(w, h, devicePixelRatio || 1);
    s.version++;
  }
  if (fresh) {
    const xd = scaleLinear().domain(paddedExtent(data.x, data.n)).nice().domain() as Extent;
    const yd = scaleLinear().domain(paddedExtent(data.y, data.n)).nice().domain() as Extent;
    const moved = xd.some((v, k) => v !== s.xDomain[k]) || yd.some((v, k) => v !== s.yDomain[k]);
    [s.xDomain, s.yDomain] = [xd, yd];
    s.centre = [(xd[0] + xd[1]) / 2, (yd[0] + yd[1]) / 2];
    s.data = data;
    s.labelWidths = measureLabels(data.labels, data.n);
    if (s.hover !== null && s.hover >= data.n) s.hover = null;
    if (s.brush) s.brush = null;
    if (moved && (s.zoom.k !== 1 || s.zoom.x !== 0 || s.zoom.y !== 0)) {
      select(s.surface).interrupt().call(s.zoomer.transform, zoomIdentity);
    }
    s.surface.setAttribute('aria-label', ariaLabel(data));
  }
  if (recolour) {
    s.lut = lut;
    s.colorDomain = data.color ? extentOf(data.color.subarray(0, data.n)) : [0, 1];
    s.colors = packColors(data.color, data.n, s.colorDomain, lut, PLAIN);
  }
  if (fresh || resized || recolour) {
    s.base = fitView(s.xDomain, s.yDomain, w, h);
    const { u, v } = baseCoords(data.x, data.y, data.n, s.base);
    s.index = new KdIndex(u, v, data.n);
    s.order = lodOrder(u, v, data.n).order;
    s.slot = new Uint32Array(data.n);
    s.order.forEach((i, k) => (s.slot[i] = k));
    s.upload = {
      n: data.n,
      pos: centred(data, s.centre, s.order),
      col: s.colors.map((_, k) => s.colors[s.order[k]]),
      pathPos: data.path ? centred(data, s.centre) : null,
      pathCol: data.path ? s.colors : null,
    };
    s.renderer.setData(s.upload);
    setHighlight(s, opts.highlight ?? Array.from(s.highlight));
    drawStatic(s);
    calibrate(s);
  } else if (opts.highlight) setHighlight(s, opts.highlight);
  render(s);
  return s.handle;
}

/** The canvas frame for the current view, drawing `count` points. */
function frame(s: State, view: Affine, count: number): Frame {
  const n = s.data?.n ?? 0;
  const alpha = n > LOD_MIN ? 0.55 : n > 2000 ? 0.75 : 0.95;
  return {
    ...centredView(view, s.centre[0], s.centre[1]),
    size: pointSize(n),
    alpha: thinnedAlpha(alpha, n, count),
    count,
  };
}

/**
 * Times one full frame (after a warm-up frame, so shader compilation is not counted) without blocking, then
 * sets how many points a moving frame may draw to stay near FRAME_MS. On a real GPU that is every point; on
 * a software rasteriser (SwiftShader) or the 2D fallback it may be fewer. Small data sets skip this.
 */
function calibrate(s: State): void {
  const n = s.data?.n ?? 0;
  s.budget = n;
  s.moving = false;
  clearTimeout(s.settle);
  s.surface.dataset.budget = String(n);
  if (n <= LOD_MIN) return;
  const token = ++s.calibration;
  s.renderer.time(frame(s, composeView(s.base, s.zoom), n), (ms) => {
    if (token !== s.calibration || states.get(s.el) !== s) return;
    if (ms > FRAME_MS) s.budget = Math.max(LOD_FLOOR, Math.floor((n * FRAME_MS) / ms));
    s.surface.dataset.budget = String(s.budget);
    s.drawn = '';
    schedule(s);
  });
}

/** Title, axis titles and the colour legend: everything that does not move with the zoom. */
function drawStatic(s: State): void {
  const d = s.data;
  if (!d) return;
  const root = select(s.axes);
  const text = (cls: string, t: string[], x: number, y: number, anchor: string, rotate = false) =>
    root
      .selectAll(`text.${cls}`)
      .data(t)
      .join('text')
      .attr('class', cls)
      .attr('transform', rotate ? `translate(${x},${y}) rotate(-90)` : `translate(${x},${y})`)
      .attr('text-anchor', anchor)
      .attr('font-size', cls === 'title' ? 13 : 11)
      .attr('font-weight', cls === 'title' ? 600 : null)
      .text((v) => v);
  text('title', [d.title], M.left, 18, 'start');
  text('x-title', [d.xLabel], M.left + s.w / 2, s.height - 6, 'middle');
  text('y-title', [d.yLabel], 14, M.top + s.h / 2, 'middle', true);

  const barW = 96;
  const x1 = s.width - M.right - 34;
  const legend = root
    .selectAll('g.legend')
    .data(d.color ? [s.colorDomain] : [])
    .join('g')
    .attr('class', 'legend')
    .attr('font-size', 10);
  const steps = Array.from({ length: 24 }, (_, k) => k);
  legend
    .selectAll('rect')
    .data(steps)
    .join('rect')
    .attr('x', (k) => x1 - barW + (k * barW) / steps.length)
    .attr('y', 16)
    .attr('width', barW / steps.length + 0.5)
    .attr('height', 9)
    .attr('fill', (k) => {
      const c = s.lut[Math.round((k / (steps.length - 1)) * (LUT_SIZE - 1))];
      return `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`;
    });
  legend
    .selectAll('text')
    .data((e) => [
      { t: `colour = ${d.colorLabel ?? 'position'}`, x: x1, y: 11, a: 'end' },
      { t: String(+e[0].toPrecision(4)), x: x1 - barW - 4, y: 24, a: 'end' },
      { t: String(+e[1].toPrecision(4)), x: x1 + 4, y: 24, a: 'start' },
    ])
    .join('text')
    .attr('x', (t) => t.x)
    .attr('y', (t) => t.y)
    .attr('text-anchor', (t) => t.a)
    .text((t) => t.t);
}

/** One frame: points and path on the canvas, then axes and overlay at the current zoom. */
function render(s: State): void {
  if (s.raf) cancelAnimationFrame(s.raf);
  s.raf = 0;
  const d = s.data;
  if (!d) return;
  const view = composeView(s.base, s.zoom);
  const size = pointSize(d.n);
  const count = s.moving ? Math.min(d.n, s.budget) : d.n;
  const key = [view.kx, view.bx, view.ky, view.by, count, s.version].join();
  if (key !== s.drawn) {
    s.renderer.draw(frame(s, view, count));
    s.drawn = key;
  }

  const vis = visibleDomain(view, s.w, s.h);
  const x = scaleLinear().domain(vis.x).range([0, s.w]);
  const y = scaleLinear().domain(vis.y).range([s.h, 0]);
  const root = select(s.axes).attr('font-size', 11);
  root
    .selectAll<SVGGElement, number>('g.x-axis')
    .data([0])
    .join('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(${M.left},${M.top + s.h})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(s.w / 80))));
  root
    .selectAll<SVGGElement, number>('g.y-axis')
    .data([0])
    .join('g')
    .attr('class', 'y-axis')
    .attr('transform', `translate(${M.left},${M.top})`)
    .call(axisLeft(y).ticks(Math.max(2, Math.floor(s.h / 50))));

  const ov = select(s.overlay);
  const at = (i: number) => toScreen(view, d.x[i], d.y[i]);
  const start = d.start && d.n > 0 && Number.isFinite(d.x[0]) && Number.isFinite(d.y[0]) ? [at(0)] : [];
  ov.selectAll('circle.start')
    .data(start)
    .join('circle')
    .attr('class', 'start')
    .attr('r', size / 2 + 5)
    .attr('fill', 'none')
    .attr('stroke', '#d9480f')
    .attr('stroke-width', 2.5)
    .attr('cx', (p) => p[0])
    .attr('cy', (p) => p[1]);
  const startBox = start.map(([px, py]): Box => ({
    x: px - size / 2 - 16,
    y: py - size / 2 - 17,
    w: 12,
    h: 13,
  }));
  ov.selectAll('text.start-label')
    .data(startBox)
    .join('text')
    .attr('class', 'start-label')
    .attr('x', (b) => b.x + b.w / 2)
    .attr('y', (b) => b.y + 11)
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .attr('font-weight', 700)
    .attr('fill', '#d9480f')
    .text('0');

  const placed: Array<{ i: number; b: Box }> = [];
  if (s.opts.showLabels && d.labels && d.n <= LABEL_LIMIT) {
    // Every point (and the start marker) is an obstacle; each label tries right, left, above, below its point.
    const r = size / 2;
    const ids: number[] = [];
    const items: Box[][] = [];
    const obstacles: Box[] = [...startBox];
    for (let i = 0; i < d.n; i++) {
      const [px, py] = at(i);
      if (!(px > -40 && px < s.w + 40 && py > -40 && py < s.h + 40)) continue; // off the plot (or non-finite)
      obstacles.push({ x: px - r, y: py - r, w: 2 * r, h: 2 * r });
      const lw = s.labelWidths[i] ?? 0;
      ids.push(i);
      items.push([
        { x: px + r + 3, y: py - 7, w: lw, h: 13 },
        { x: px - r - 3 - lw, y: py - 7, w: lw, h: 13 },
        { x: px - lw / 2, y: py - r - 15, w: lw, h: 13 },
        { x: px - lw / 2, y: py + r + 2, w: lw, h: 13 },
      ]);
    }
    for (const [k, j] of placeLabels(items, s.w, s.h, obstacles)) placed.push({ i: ids[k], b: items[k][j] });
  }
  ov.selectAll<SVGTextElement, { i: number; b: Box }>('text.label')
    .data(placed, (p) => p.i)
    .join('text')
    .attr('class', 'label')
    .attr('font-size', 11)
    .attr('fill', '#333')
    .attr('x', (p) => p.b.x)
    .attr('y', (p) => p.b.y + 10)
    .text((p) => short(d.labels?.[p.i] ?? ''));

  const r =
    s.dragging ??
    (s.brush ? [...toScreen(view, s.brush[0], s.brush[1]), ...toScreen(view, s.brush[2], s.brush[3])] : null);
  ov.selectAll('rect.brush')
    .data(r ? [r] : [])
    .join('rect')
    .attr('class', 'brush')
    .attr('fill', 'rgba(36,86,166,0.12)')
    .attr('stroke', '#2456a6')
    .attr('stroke-dasharray', '4 3')
    .attr('x', (q) => Math.min(q[0], q[2]))
    .attr('y', (q) => Math.min(q[1], q[3]))
    .attr('width', (q) => Math.abs(q[2] - q[0]))
    .attr('height', (q) => Math.abs(q[3] - q[1]));
  drawHover(s, view);
}
