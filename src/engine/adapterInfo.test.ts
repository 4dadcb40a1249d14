// What the backends are said to run on: software adapters recognised from the names browsers report (strings
// in the forms Chromium, Mesa and Windows report them), hardware left unnamed.
import { expect, test } from 'vitest';
import { adapterLabel, softwareAdapter, wasmLabel } from './adapterInfo.ts';

test('SwiftShader is named as a software adapter, from WebGPU adapter info and from the WebGL renderer', () => {
  // GPUAdapterInfo in Chromium with --enable-unsafe-webgpu and no GPU: vendor google, architecture swiftshader.
  const label = adapterLabel({ vendor: 'google', architecture: 'swiftshader', device: '', description: '' });
  expect(label).toBe('google · swiftshader');
  expect(softwareAdapter(label)).toBe('SwiftShader');
  const angle =
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
  expect(softwareAdapter(angle)).toBe('SwiftShader');
});

test("Mesa's llvmpipe and Windows' WARP are software; real GPUs are not", () => {
  expect(softwareAdapter('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
  expect(softwareAdapter('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(
    'WARP',
  );
  expect(softwareAdapter('nvidia · ampere')).toBeNull();
  expect(
    softwareAdapter('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)'),
  ).toBeNull();
  expect(softwareAdapter(null)).toBeNull();
});

test('an adapter the browser marks as a fallback adapter is software even under an unknown name', () => {
  expect(softwareAdapter('acme · future-gpu', true)).toBe('fallback adapter');
  expect(softwareAdapter('google · swiftshader', true)).toBe('SwiftShader');
});

test('an adapter with no info at all is "unknown adapter"', () => {
  expect(adapterLabel({ vendor: '', architecture: '', device: '', description: '' })).toBe('unknown adapter');
});

test('the wasm build says SIMD and threads, and why it has one thread when the page is not isolated', () => {
  expect(wasmLabel(true, 1, false)).toBe('SIMD · 1 thread (page not cross-origin isolated)');
  expect(wasmLabel(true, 8, true)).toBe('SIMD · 8 threads');
  expect(wasmLabel(false, 1, true)).toBe('no SIMD · 1 thread');
});
