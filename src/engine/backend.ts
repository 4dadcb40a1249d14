// Picks the tfjs backend: webgpu → webgl → cpu, and says why each one it skipped was skipped.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendName } from '../protocol/messages.ts';

export interface BackendChoice {
  backend: BackendName;
  adapter: string | null;
  fallbacks: string[];
}

async function describeAdapter(): Promise<string | null> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return null;
  const { vendor, architecture, device, description } = adapter.info;
  return [vendor, architecture, device, description].filter((s) => s).join(' · ') || 'unknown adapter';
}

async function tryBackend(name: BackendName): Promise<string | null> {
  try {
    // setBackend resolves false (it does not throw) when e.g. requestAdapter() gives null.
    if (await tf.setBackend(name)) return null;
    return `${name} did not initialise`;
  } catch (err) {
    return `${name} failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** The WebGPU device tfjs is using, when the backend is webgpu. */
export function webgpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.backend() as unknown as { device?: GPUDevice };
  return backend.device ?? null;
}

export async function initBackend(order: BackendName[] = ['webgpu', 'webgl', 'cpu']): Promise<BackendChoice> {
  const fallbacks: string[] = [];
  for (const name of order) {
    if (name === 'webgpu' && !('gpu' in navigator)) {
      fallbacks.push('webgpu unavailable: this browser has no navigator.gpu');
      continue;
    }
    const problem = await tryBackend(name);
    if (problem) {
      fallbacks.push(name === 'webgpu' ? `${problem} (no WebGPU adapter)` : problem);
      continue;
    }
    await tf.ready();
    const adapter = name === 'webgpu' ? await describeAdapter() : null;
    return { backend: name, adapter, fallbacks };
  }
  throw new Error(`no tfjs backend could start: ${fallbacks.join('; ')}`);
}
