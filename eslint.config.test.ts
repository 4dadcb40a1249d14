// The import boundaries of DESIGN.md, as eslint.config.js enforces them: for each folder, imports that cross a
// boundary are reported by no-restricted-imports and imports that respect it lint clean. The files need not
// exist: lintText only uses the path to pick the config. Also checks that every folder under src/ (and the
// folders other issue-13 work adds) is under a boundary rule. One ESLint instance serves every case.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });

/** The lint messages for one file that imports `source` (and, when given, runs `extra`). */
async function lint(file: string, source: string, extra = ''): Promise<Linted> {
  const code = `import * as m from '${source}';\nexport { m };\n${extra}`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}
type Linted = { ruleId: string | null; message: string }[];

/** [importing file, import] pairs that cross a boundary. */
const BAD: [string, string][] = [
  // components/, client/, lessons/, the entry points: no tfjs, engine, training, model, kernels, scheme modules
  ['src/components/Bad.tsx', '@tensorflow/tfjs-core'],
  ['src/components/Bad.tsx', '../engine/pipeline.ts'],
  ['src/components/Bad.tsx', '../training/trainer.ts'],
  ['src/components/Bad.tsx', '../training/protocol.ts'],
  ['src/client/bad.ts', '../training/tasks.ts'],
  ['src/components/Bad.tsx', '../model/model.ts'],
  ['src/components/Bad.tsx', '../numerics/kernels/index.ts'],
  ['src/components/Bad.tsx', '../encodings/rope.ts'],
  ['src/components/Bad.tsx', '../encodings/rope/yarn.ts'],
  ['src/components/Bad.tsx', '../tokenizers/registry.ts'],
  ['src/components/Bad.tsx', '../embeddings/glove.ts'],
  ['src/components/Bad.tsx', '../analysis/tsne/index.ts'],
  ['src/client/bad.ts', '@tensorflow/tfjs-backend-webgpu'],
  ['src/client/bad.ts', '../engine/engine.worker.ts'],
  ['src/client/bad.ts', 'gpt-tokenizer'],
  ['src/lessons/bad.ts', '../analysis/pca.ts'],
  ['src/App.tsx', './engine/pipeline.ts'],
  ['src/main.tsx', '@tensorflow/tfjs-core'],
  // plots/: the same, and no React
  ['src/plots/bad.ts', '../engine/pipeline.ts'],
  ['src/plots/scatter/bad.ts', '../../engine/pipeline.ts'],
  ['src/plots/bad.ts', '@tensorflow/tfjs-core'],
  ['src/plots/bad.ts', '../training/protocol.ts'],
  ['src/plots/bad.ts', 'react'],
  // scheme folders: never engine/ or training/, the UI or the DOM
  ['src/encodings/bad.ts', '../engine/x.ts'],
  ['src/encodings/bad.ts', '../engine/pipeline.ts'],
  ['src/encodings/rope/bad.ts', '../../engine/pipeline.ts'],
  ['src/encodings/bad.ts', '../training/trainer.ts'],
  ['src/encodings/bad.ts', '../components/Lab.tsx'],
  ['src/encodings/bad.ts', 'd3'],
  ['src/tokenizers/bad.ts', '../engine/backend.ts'],
  ['src/tokenizers/bad.ts', 'react'],
  ['src/embeddings/bad.ts', '../training/tasks.ts'],
  ['src/analysis/bad.ts', '../engine/read.ts'],
  ['src/analysis/tsne/bad.ts', '../../plots/scales.ts'],
  ['src/model/bad.ts', '../engine/pipeline.ts'],
  ['src/model/bad.ts', '../training/tasks.ts'],
  ['src/model/bad.ts', 'd3-scale'],
  // numerics/: nothing of the app
  ['src/numerics/bad.ts', '../encodings/sinusoidal.ts'],
  ['src/numerics/bad.ts', '../protocol/specs.ts'],
  ['src/numerics/bad.ts', '../embeddings/random.ts'],
  ['src/numerics/bad.ts', '../engine/backend.ts'],
  ['src/numerics/bad.ts', '../models/gpt2.ts'],
  ['src/numerics/bad.ts', '../checkpoints/float16.ts'],
  ['src/numerics/kernels/bad.ts', '../../encodings/scheme.ts'],
  ['src/numerics/bad.ts', 'react'],
  // checkpoints/: pure, no tfjs
  ['src/checkpoints/bad.ts', '@tensorflow/tfjs-core'],
  ['src/checkpoints/bad.ts', '../engine/read.ts'],
  ['src/checkpoints/bad.ts', '../training/trainer.ts'],
  ['src/checkpoints/bad.ts', '../encodings/scheme.ts'],
  ['src/checkpoints/bad.ts', '../client/store.ts'],
  ['src/checkpoints/bad.ts', 'd3'],
  // the workers: never the UI, react or d3
  ['src/engine/bad.ts', '../components/Lab.tsx'],
  ['src/engine/views/bad.ts', '../../plots/heatmap.ts'],
  ['src/engine/bad.ts', 'react'],
  ['src/engine/bad.ts', 'd3-scale-chromatic'],
  ['src/training/bad.ts', '../client/store.ts'],
  ['src/training/bad.ts', 'react-dom/client'],
  // protocol/ and models/: every thread imports them
  ['src/protocol/views.ts', '@tensorflow/tfjs-core'],
  ['src/protocol/bad.ts', '../engine/pipeline.ts'],
  ['src/protocol/bad.ts', '../encodings/rope.ts'],
  ['src/protocol/bad.ts', '../components/Lab.tsx'],
  ['src/protocol/bad.ts', 'react'],
  ['src/models/bad.ts', '../encodings/registry.ts'],
  ['src/models/bad.ts', '@tensorflow/tfjs-core'],
  // about/ catalogs and encodings/catalog.ts: data the UI reads
  ['src/encodings/about/bad.ts', '@tensorflow/tfjs-core'],
  ['src/encodings/about/bad.ts', '../scheme.ts'],
  ['src/tokenizers/about/bad.ts', '../registry.ts'],
  ['src/encodings/catalog.ts', './registry.ts'],
];

/** Imports that respect the boundaries. */
const GOOD: [string, string][] = [
  ['src/components/Good.tsx', 'react'],
  ['src/components/Good.tsx', '../protocol/specs.ts'],
  ['src/components/Good.tsx', '../protocol/views.ts'],
  ['src/components/Good.tsx', '../protocol/training.ts'],
  ['src/components/Good.tsx', '../models/gpt2.ts'],
  ['src/components/Good.tsx', '../encodings/catalog.ts'],
  ['src/components/Good.tsx', '../encodings/about/rope.ts'],
  ['src/components/Good.tsx', '../tokenizers/about/index.ts'],
  ['src/components/Good.tsx', '../checkpoints/npy.ts'],
  ['src/components/Good.tsx', '../numerics/trig.ts'],
  ['src/components/Good.tsx', '../client/useEngine.ts'],
  ['src/components/Good.tsx', '../plots/scatter/index.ts'],
  ['src/App.tsx', './encodings/catalog.ts'],
  ['src/plots/good.ts', 'd3'],
  ['src/plots/scatter/good.ts', '../scales.ts'],
  ['src/encodings/good.ts', '@tensorflow/tfjs-core'],
  ['src/encodings/good.ts', '../protocol/specs.ts'],
  ['src/encodings/good.ts', '../numerics/trig.ts'],
  ['src/encodings/good.ts', '../embeddings/random.ts'],
  ['src/encodings/rope/good.ts', '../../protocol/rope.ts'],
  ['src/model/good.ts', '../encodings/registry.ts'],
  ['src/analysis/tsne/good.ts', '../../numerics/rng.ts'],
  ['src/numerics/good.ts', '@tensorflow/tfjs-core'],
  ['src/numerics/good.ts', './fixed64.ts'],
  ['src/numerics/kernels/good.ts', '../fixed64.ts'],
  ['src/numerics/kernels/good.ts', '@tensorflow/tfjs-backend-webgpu'],
  ['src/checkpoints/good.ts', './binary.ts'],
  ['src/engine/good.ts', '@tensorflow/tfjs-core'],
  ['src/engine/good.ts', '../encodings/registry.ts'],
  ['src/engine/good.ts', '../checkpoints/npy.ts'],
  ['src/training/good.ts', '../model/model.ts'],
  ['src/training/good.ts', '../engine/backend.ts'],
  ['src/protocol/good.ts', './messages.ts'],
  ['src/protocol/good.ts', './training.ts'],
  ['src/protocol/good.ts', '../tokenizers/about/index.ts'],
  ['src/models/good.ts', '../protocol/specs.ts'],
  ['src/encodings/about/good.ts', '../../protocol/specs.ts'],
  ['src/encodings/about/good.ts', './entry.ts'],
  ['src/encodings/catalog.ts', './about/rope.ts'],
  // tests (and their helpers) may reach across to check one side against the other
  ['src/components/good.test.ts', '../engine/pipeline.ts'],
  ['src/model/testReference.ts', '../training/tasks.ts'],
];

describe('ESLint import boundaries (DESIGN.md)', () => {
  test.each(BAD)('%s may not import %s', async (file, source) => {
    const messages = await lint(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0].ruleId).toBe('no-restricted-imports');
    expect(messages[0].message).toContain('DESIGN.md');
  });

  test.each(GOOD)('%s may import %s', async (file, source) => {
    expect(await lint(file, source)).toEqual([]);
  });

  test('worker-side code may not touch window or document; the UI may', async () => {
    const touch = 'export const t = document.title + window.name;';
    const worker = await lint('src/engine/bad.ts', './backend.ts', touch);
    expect(worker.map((m) => m.ruleId)).toEqual(['no-restricted-globals', 'no-restricted-globals']);
    expect(await lint('src/client/good.ts', './store.ts', touch)).toEqual([]);
  });

  test('every folder under src/, and those issue 13 adds, is under a boundary rule', async () => {
    const folders = readdirSync(`${root}src`, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.length).toBeGreaterThan(10);
    for (const f of new Set([...folders, 'numerics', 'models', 'model', 'protocol'])) {
      for (const file of [`src/${f}/x.ts`, `src/${f}/deep/er/x.ts`]) {
        const config = await eslint.calculateConfigForFile(`${root}${file}`);
        expect(config.rules?.['no-restricted-imports']?.[0], file).toBe(2);
      }
    }
  });
});
