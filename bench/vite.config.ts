// Builds the app and the bench pages together (so the bench measures the same bundle the app ships) into the
// bench's own folder, never dist/. The output folder is BENCH_OUT_DIR or node_modules/.cache/embedscope-bench,
// which git, ESLint and Prettier already ignore.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstPaintPlugin } from '../vite-first-paint.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BENCH_OUT_DIR =
  process.env.BENCH_OUT_DIR ?? resolve(root, 'node_modules/.cache/embedscope-bench');

export default defineConfig({
  root,
  base: './',
  plugins: [react(), firstPaintPlugin()],
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    target: 'es2022',
    // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles of the built app.
    minify: !process.env.BENCH_NO_MINIFY,
    outDir: BENCH_OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        app: resolve(root, 'index.html'),
        heatmap: resolve(root, 'bench/pages/heatmap.html'),
        compute: resolve(root, 'bench/pages/compute.html'),
        scale: resolve(root, 'bench/pages/scale.html'),
      },
    },
  },
});
