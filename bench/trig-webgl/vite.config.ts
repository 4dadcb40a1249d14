// Bundles entry.ts into one classic script (file:// pages cannot load module scripts).
import { defineConfig } from 'vite';
export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: process.env.TRIG_WEBGL_OUT ?? '/tmp/embedscope-trig-webgl', // outside the repo: never linted
    emptyOutDir: true,
    minify: false,
    lib: { entry: 'entry.ts', formats: ['iife'], name: 'gltest', fileName: () => 'bundle.js' },
  },
});
