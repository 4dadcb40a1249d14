// The WebGL2 heatmap path: the values go up as one R32F texture, and a fragment shader looks each cell's colour
// up in the packed 256-entry LUT (a 256×1 RGBA8 texture), so no per-cell work runs in JS. One WebGL2 context on
// an OffscreenCanvas serves every heatmap on the page (browsers cap live contexts at ~16); each draw renders
// there at the matrix's own size (one pixel per cell) and is copied into the heatmap's 2D canvas, so every
// heatmap canvas stays a plain 2D canvas and the canvas ImageData path can take over at any time.
// Conventions:
// - the colour index is clamp(floor((v − lo)·(LUT_SIZE − 1)/(hi − lo) + ½), 0, LUT_SIZE − 1), the same formula
//   as lutIndex() in heatmap.ts, evaluated in float32 here (a value within ~1e-6 of a bucket edge may land in the
//   neighbouring bucket); NaN is grey 0x888888; ±∞ clamp to the ends;
// - row 0 is the top row (the shader flips GL's bottom-up y);
// - 'auto' uses WebGL2 only where it is hardware-accelerated: with a software rasteriser (SwiftShader, llvmpipe)
//   and software compositing the GL frame has to be read back into the compositor, which costs more than the
//   whole ImageData loop (measured in bench/report.md), so the canvas path draws there instead; the renderer is
//   probed once, in idle time after the first paint, which the canvas path draws.
import { LUT_SIZE } from './scales.ts';

export type HeatmapRenderer = 'auto' | 'webgl' | 'canvas';

interface Gl {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  gl: WebGL2RenderingContext;
  uLo: WebGLUniformLocation | null;
  uK: WebGLUniformLocation | null;
  values: WebGLTexture;
  /** Shape the value texture was allocated for. */
  shape: [number, number];
  luts: Map<Uint32Array, WebGLTexture>;
  maxSize: number;
  renderer: string;
  software: boolean;
}

let mode: HeatmapRenderer = 'auto';
/** The shared context: undefined until first needed, null when it cannot be had (the reason in `why`). */
let shared: Gl | null | undefined;
/** What the page's WebGL2 renderer is, found once (a software one is not kept around in 'auto' mode). */
let probed: { renderer: string; software: boolean } | null | undefined;
let why = '';
/** A hardware context made by probe(), kept for create() to use. */
let spare: ReturnType<typeof newContext> | null = null;

/** Renderer strings of software rasterisers (Chromium's SwiftShader, Mesa's llvmpipe/softpipe/lavapipe, WARP). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render/i.test(renderer);
}

/** Chooses the heatmap renderer for the whole page ('auto' by default). */
export function setHeatmapRenderer(next: HeatmapRenderer): void {
  mode = next;
}

const VERTEX = `#version 300 es
void main() {
  // One triangle covering the viewport: vertices (−1,−1), (3,−1), (−1,3).
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D values;
uniform mediump sampler2D lut;
uniform float lo;
uniform float k;
out vec4 colour;
void main() {
  ivec2 size = textureSize(values, 0);
  ivec2 at = ivec2(gl_FragCoord.xy);
  float v = texelFetch(values, ivec2(at.x, size.y - 1 - at.y), 0).r;
  if (isnan(v)) {
    colour = vec4(136.0 / 255.0, 136.0 / 255.0, 136.0 / 255.0, 1.0);
    return;
  }
  float j = clamp(floor((v - lo) * k + 0.5), 0.0, ${LUT_SIZE - 1}.0);
  colour = texelFetch(lut, ivec2(int(j), 0), 0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('createShader failed');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? '');
  return shader;
}

function nearestTexture(gl: WebGL2RenderingContext): WebGLTexture {
  const tex = gl.createTexture();
  if (!tex) throw new Error('createTexture failed');
  gl.bindTexture(gl.TEXTURE_2D, tex);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return tex;
}

function newContext() {
  const canvas =
    typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const attrs = { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: false };
  const gl = canvas.getContext('webgl2', attrs) as WebGL2RenderingContext | null;
  if (!gl) throw new Error('WebGL2 is unavailable');
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const software = isSoftwareRenderer(renderer);
  probed = { renderer, software };
  return { canvas, gl, renderer, software };
}

function create(): Gl {
  const { canvas, gl, renderer } = spare ?? newContext();
  spare = null;
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? '');
  gl.useProgram(program);
  gl.uniform1i(gl.getUniformLocation(program, 'values'), 0);
  gl.uniform1i(gl.getUniformLocation(program, 'lut'), 1);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.activeTexture(gl.TEXTURE0);
  const values = nearestTexture(gl);
  const g: Gl = {
    canvas,
    gl,
    uLo: gl.getUniformLocation(program, 'lo'),
    uK: gl.getUniformLocation(program, 'k'),
    values,
    shape: [0, 0],
    luts: new Map(),
    maxSize: Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, 16384),
    renderer,
    software: isSoftwareRenderer(renderer),
  };
  canvas.addEventListener('webglcontextlost', () => {
    shared = null;
    why = 'the WebGL2 context was lost';
  });
  return g;
}

function failed(e: unknown): null {
  why = e instanceof Error ? e.message : String(e);
  probed ??= null;
  return null;
}

/** Finds the renderer without building anything; a software context is released at once. */
function probe(): { renderer: string; software: boolean } | null {
  if (probed === undefined) {
    try {
      const made = newContext();
      if (made.software) made.gl.getExtension('WEBGL_lose_context')?.loseContext();
      else spare = made;
    } catch (e) {
      return failed(e);
    }
  }
  return probed ?? null;
}

let probeQueued = false;
function probeLater(): void {
  if (probeQueued) return;
  probeQueued = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => probe(), { timeout: 2000 });
  else setTimeout(() => probe(), 0);
}

/** The shared context for drawing (built on first use), or null. */
function context(): Gl | null {
  if (shared === undefined) {
    try {
      shared = create();
    } catch (e) {
      shared = failed(e);
    }
  }
  return shared;
}

/** The context to draw with under the current mode, or null for the canvas path. */
function drawingContext(): Gl | null {
  if (mode === 'canvas') return null;
  if (mode === 'auto') {
    // The first paints never wait for a context to be made (a synchronous round trip to a possibly busy GPU
    // process): they take the canvas path while the renderer is probed when the page is idle.
    if (probed === undefined) {
      probeLater();
      return null;
    }
    if (!probed || probed.software) return null;
  }
  return context();
}

/** Which path draws heatmaps now, and why ('auto' picks webgl only on a hardware renderer). */
export function heatmapRendererInfo(): {
  mode: HeatmapRenderer;
  active: 'webgl' | 'canvas';
  renderer: string | null;
  reason: string;
} {
  if (mode === 'canvas')
    return { mode, active: 'canvas', renderer: probed?.renderer ?? null, reason: 'chosen' };
  const p = probe();
  if (mode === 'auto' && p?.software)
    return { mode, active: 'canvas', renderer: p.renderer, reason: 'WebGL2 is software-rendered here' };
  const g = drawingContext();
  if (!g) return { mode, active: 'canvas', renderer: p?.renderer ?? null, reason: why };
  return {
    mode,
    active: 'webgl',
    renderer: g.renderer,
    reason: mode === 'webgl' ? 'chosen' : 'hardware WebGL2',
  };
}

function lutTexture(g: Gl, lut: Uint32Array): WebGLTexture {
  const { gl } = g;
  let tex = g.luts.get(lut);
  if (!tex) {
    gl.activeTexture(gl.TEXTURE1);
    tex = nearestTexture(gl);
    // Packed 0xAABBGGRR little-endian words are the bytes R, G, B, A in memory.
    const bytes = new Uint8Array(lut.buffer, lut.byteOffset, LUT_SIZE * 4);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, LUT_SIZE, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
    gl.activeTexture(gl.TEXTURE0);
    g.luts.set(lut, tex);
  }
  return tex;
}

/**
 * Paints the [rows, cols] values into ctx's canvas (already sized cols × rows) through the GPU, if the chosen
 * renderer is webgl and the matrix fits a texture; returns false (having drawn nothing) otherwise.
 */
export function paintGl(
  ctx: CanvasRenderingContext2D,
  shape: [number, number],
  data: Float32Array,
  domain: [number, number],
  lut: Uint32Array,
): boolean {
  const g = drawingContext();
  if (!g) return false;
  const [rows, cols] = shape;
  if (rows < 1 || cols < 1 || rows > g.maxSize || cols > g.maxSize || data.length < rows * cols) return false;
  const { gl, canvas } = g;
  if (gl.isContextLost()) return false;
  if (canvas.width !== cols || canvas.height !== rows) {
    canvas.width = cols;
    canvas.height = rows;
  }
  gl.viewport(0, 0, cols, rows);
  gl.activeTexture(gl.TEXTURE1);
  gl.bindTexture(gl.TEXTURE_2D, lutTexture(g, lut));
  gl.activeTexture(gl.TEXTURE0);
  gl.bindTexture(gl.TEXTURE_2D, g.values);
  const values = data.length === rows * cols ? data : data.subarray(0, rows * cols);
  if (g.shape[0] === rows && g.shape[1] === cols) {
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, cols, rows, gl.RED, gl.FLOAT, values);
  } else {
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R32F, cols, rows, 0, gl.RED, gl.FLOAT, values);
    g.shape = [rows, cols];
  }
  const [lo, hi] = domain;
  gl.uniform1f(g.uLo, lo);
  gl.uniform1f(g.uK, (LUT_SIZE - 1) / (hi - lo || 1));
  gl.drawArrays(gl.TRIANGLES, 0, 3);
  ctx.drawImage(canvas, 0, 0);
  return true;
}
