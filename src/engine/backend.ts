// Picks the tfjs backend: webgpu → webgl → wasm → cpu, and says why each one it skipped was skipped. Names what the
// chosen one runs on (the WebGPU adapter, the WebGL renderer, the wasm build) and whether that is a software
// adapter, a CPU posing as a GPU (see adapterInfo.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { describeWasm } from './wasmSetup.ts';
import { adapterLabel, softwareAdapter } from './adapterInfo.ts';
import { assertNever, type BackendName } from '../protocol/messages.ts';
import { MsgError, list, msg, type Msg } from '../protocol/msg.ts';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

interface Described {
  adapter: string | null;
  software: string | null;
}

export interface BackendChoice {
  backend: BackendName;
  /** What it runs on: GPU adapter, WebGL renderer or wasm build (null for cpu or when the browser won't say). */
  adapter: string | null;
  /** The software renderer a GPU backend runs on ("SwiftShader"), or null on a hardware GPU, wasm and cpu. */
  software: string | null;
  fallbacks: Msg[];
}

async function describeAdapter(): Promise<Described> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return { adapter: null, software: null };
  // isFallbackAdapter: Chromium ≥ 121 on GPUAdapterInfo; older browsers had it on the adapter.
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const fallback = info.isFallbackAdapter === true;
  const label = adapterLabel(info);
  return { adapter: label, software: softwareAdapter(label, fallback) };
}

/** The unmasked WebGL renderer string (e.g. "ANGLE (…, SwiftShader driver)"), where the browser exposes it. */
function describeRenderer(): Described {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  const ext = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : null;
  return { adapter: renderer, software: softwareAdapter(renderer) };
}

async function describe(name: BackendName): Promise<Described> {
  switch (name) {
    case 'webgpu':
      return describeAdapter();
    case 'webgl':
      return describeRenderer();
    case 'wasm':
      return { adapter: await describeWasm(), software: null };
    case 'cpu':
      return { adapter: null, software: null };
    default:
      return assertNever(name);
  }
}

async function tryBackend(name: BackendName): Promise<Msg | null> {
  try {
    // setBackend resolves false (it does not throw) when e.g. requestAdapter() gives null.
    if (await tf.setBackend(name)) return null;
    return msg('backend.noInit', { name });
  } catch (err) {
    return msg('backend.failed', { name, why: err instanceof Error ? err.message : String(err) });
  }
}

/** The WebGPU device tfjs is using, when the backend is webgpu. */
export function webgpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.backend() as unknown as { device?: GPUDevice };
  return backend.device ?? null;
}

/** Starts one backend: what it runs on, or why it would not start. */
export async function startBackend(name: BackendName): Promise<Described | { problem: Msg }> {
  if (name === 'webgpu' && (typeof navigator === 'undefined' || !('gpu' in navigator))) {
    return { problem: msg('backend.noGpu') };
  }
  const problem = await tryBackend(name);
  if (problem) return { problem: name === 'webgpu' ? msg('backend.noAdapter', { problem }) : problem };
  await tf.ready();
  return describe(name);
}

export async function initBackend(order: readonly BackendName[] = BACKEND_ORDER): Promise<BackendChoice> {
  const fallbacks: Msg[] = [];
  for (const name of order) {
    const started = await startBackend(name);
    if ('problem' in started) {
      fallbacks.push(started.problem);
      continue;
    }
    return { backend: name, ...started, fallbacks };
  }
  throw new MsgError(msg('err.noBackend', { why: list(fallbacks) }));
}
