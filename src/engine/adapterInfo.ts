// Names what a tfjs backend runs on, as plain strings: the WebGPU adapter, the WebGL renderer, the wasm build's
// features. Pure (no tfjs, no navigator), so Node tests can check it; backend.ts feeds it what the browser reports.
// A software adapter is a CPU emulating a GPU (SwiftShader, llvmpipe/lavapipe, WARP): a GPU backend on one is
// often slower than wasm, which the trainer's "auto" measures instead of assuming.

/** CPU rasterisers that pose as GPUs: the text to look for (lower case) and the name to show. */
const SOFTWARE_RENDERERS: readonly (readonly [string, string])[] = [
  ['swiftshader', 'SwiftShader'],
  ['llvmpipe', 'llvmpipe'],
  ['lavapipe', 'lavapipe'],
  ['softpipe', 'softpipe'],
  ['microsoft basic render driver', 'WARP'],
  ['software rasterizer', 'software rasterizer'],
];

/**
 * The name of the software renderer behind an adapter ("SwiftShader"), or null for a hardware GPU. An adapter the
 * browser marks as a fallback adapter (WebGPU's isFallbackAdapter) but whose name is not known is "fallback adapter".
 */
export function softwareAdapter(name: string | null, fallbackAdapter = false): string | null {
  const text = (name ?? '').toLowerCase();
  for (const [needle, shown] of SOFTWARE_RENDERERS) if (text.includes(needle)) return shown;
  return fallbackAdapter ? 'fallback adapter' : null;
}

/** "vendor · architecture · device · description", empty parts left out (GPUAdapterInfo fields). */
export function adapterLabel(info: {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
}): string {
  const { vendor, architecture, device, description } = info;
  return [vendor, architecture, device, description].filter((s) => s).join(' · ') || 'unknown adapter';
}

/** The wasm build in use: SIMD or not, and threads only where the page is cross-origin isolated. */
export function wasmLabel(simd: boolean, threads: number, isolated: boolean): string {
  const build = simd ? 'SIMD' : 'no SIMD';
  if (threads > 1) return `${build} · ${threads} threads`;
  return `${build} · 1 thread${isolated ? '' : ' (page not cross-origin isolated)'}`;
}
