// The one set-up of the real tfjs WebGPU backend in Node for the *.gpu.test.ts files: Dawn (the `webgpu` package)
// on SwiftShader, found through the Vulkan ICD that vitest.config.ts points at. Call setUpDawn() at a test file's top
// level: it installs WebGPU's globals and `navigator.gpu`, switches tfjs to webgpu before the file's tests and
// removes the backend after them. Read results with `await t.data()` only: dataSync() destroys the device
// (DESIGN.md).
import { create, globals } from 'webgpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect } from 'vitest';

export function setUpDawn(): void {
  Object.assign(globalThis, globals);
  // Node 21+ defines a read-only `navigator` getter, so define the property rather than assign it.
  Object.defineProperty(globalThis, 'navigator', {
    value: { gpu: create([]) },
    configurable: true,
    writable: true,
  });
  beforeAll(async () => {
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) {
      throw new Error(
        'No WebGPU adapter in Node. The `webgpu` package needs a Vulkan driver: install the Debian packages ' +
          '`chromium` and `libvulkan1` and set VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json ' +
          `(vitest.config.ts does this when the file exists; now VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES}).`,
      );
    }
    await import('@tensorflow/tfjs-backend-webgpu');
    const ok = await tf.setBackend('webgpu');
    if (!ok) throw new Error('tf.setBackend("webgpu") returned false although a WebGPU adapter exists.');
    expect(tf.getBackend()).toBe('webgpu');
  }, 120_000);
  afterAll(() => {
    if (tf.findBackend('webgpu')) tf.removeBackend('webgpu');
  });
}
