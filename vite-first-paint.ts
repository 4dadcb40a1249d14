// First paint (issue 9), as a small Vite plugin: the virtual module `virtual:first-paint` holds the default run's
// tokens and its three foundation matrices (E, PE, X = E + PE), computed when the module is loaded (in
// `vite build` and in `vite` dev alike) by the engine's own Pipeline in Node on the tfjs CPU backend
// (src/engine/firstPaint.ts, loaded through Vite's module runner so its `?raw` imports resolve). The client shows
// them until the worker answers, only for a spec equal to the one computed here (src/client/firstPaint.ts).
// Format: JSON; each matrix's Float32 data as base64 of its little-endian bytes (12 × 64 × 3 floats ≈ 12 kB).
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type { FirstPaint } from './src/engine/firstPaint.ts';

export const FIRST_PAINT_ID = 'virtual:first-paint';
const RESOLVED_ID = `\0${FIRST_PAINT_ID}`;

/** The JSON the virtual module exports (declared for the app in src/client/virtual-first-paint.d.ts). */
export function serialiseFirstPaint(fp: FirstPaint) {
  return {
    spec: fp.spec,
    tokens: fp.tokens,
    vocabSize: fp.vocabSize,
    total: fp.total,
    matrices: fp.matrices.map((m) => ({
      name: m.name,
      title: m.title,
      shape: m.shape,
      rowLabels: m.rowLabels ?? [],
      data: Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('base64'),
    })),
  };
}

export function firstPaintPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'embedscope-first-paint',
    configResolved(config) {
      root = config.root;
    },
    // Hook filters: the plugin is called for its own id only, not for every module of the build.
    resolveId: {
      filter: { id: /^virtual:first-paint$/ },
      handler: () => RESOLVED_ID,
    },
    load: {
      filter: { id: /^\0virtual:first-paint$/ },
      async handler() {
        const { module, dependencies } = await runnerImport<typeof import('./src/engine/firstPaint.ts')>(
          resolve(root, 'src/engine/firstPaint.ts'),
          { root, logLevel: 'error' },
        );
        // In dev, an edit to the engine, the tokenizer or the default spec recomputes the module.
        for (const file of dependencies) this.addWatchFile(file);
        const fp = await module.computeFirstPaint();
        return `export default ${JSON.stringify(serialiseFirstPaint(fp))};\n`;
      },
    },
  };
}
