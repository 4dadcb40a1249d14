// The scatter's WebGL2 renderer: points as round point sprites (a ring shader for highlighted points) and the
// path as instanced line quads with a 1 px feathered edge, all drawn premultiplied. Positions arrive centred
// (float32 keeps precision when zoomed far in) and non-finite points parked at FAR, which the shaders drop.
// Declines (returns null) on a software rasteriser, where canvas.ts draws instead. time() measures a frame by
// polling a fence, never by reading pixels back.
import type { Extent } from './math.ts';
import type { Frame, Renderer } from './state.ts';

/** Renderer strings of software rasterisers (Chromium's SwiftShader, Mesa's llvmpipe/softpipe/lavapipe, WARP). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render/i.test(renderer);
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

export function glRenderer(canvas: HTMLCanvasElement): Renderer | null {
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
