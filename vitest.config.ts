import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Dawn (the `webgpu` package) finds SwiftShader through Chromium's Vulkan ICD when it is installed.
const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
const env: Record<string, string> = { XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp' };
if (existsSync(icd) && !process.env.VK_ICD_FILENAMES) env.VK_ICD_FILENAMES = icd;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'eslint.config.test.ts'],
    environment: 'node',
    env,
    testTimeout: 60_000,
    pool: 'forks',
  },
});
