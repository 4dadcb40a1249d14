// Measurements 3, 4 and 6 and the projection timings, on the compute bench page (the app's own engine modules on
// the page's main thread): sinusoidal PE on webgpu, webgl and cpu against a float64 JS loop, a memcpy of the
// same bytes and a raw WebGPU read-back of them; PCA of the USE-lite table; t-SNE and UMAP per 100 steps; and
// tf.memory() plus the JS heap (after a forced GC, through the DevTools protocol) after 1 and after N runs.
// A null entry in cfg (pe, pca, tsne/umap) skips that part (the 'worker' step re-measures parts and memory alone).
import { summarise } from '../lib/stats.mjs';
import { call, open } from './page.mjs';

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {any} cfg
 * @param {(s: string) => void} log
 */
export async function compute(browser, base, cfg, log) {
  const { page, errors } = await open(browser, `${base}/bench/pages/compute.html`);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  };
  /** @type {Record<string, any>} */
  const out = { errors };
  out.environment = await call(page, 'environment');
  log(
    `  backend ${out.environment.backend}; adapter ${JSON.stringify(out.environment.adapter?.architecture)}`,
  );

  // 3. PE 8192×1024: each backend, the JS loop, memcpy and the raw WebGPU read-back, one after another.
  if (cfg.pe) {
    const { P, d, reps, warmup, backends } = cfg.pe;
    const pe = { P, d, bytes: P * d * 4, /** @type {Record<string, any>} */ runs: {} };
    const sized = { P, d, reps, warmup };
    for (const backend of backends) {
      const r = await call(page, 'pe', { backend, ...sized });
      pe.runs[backend] = { ...summarise(r.samples), samples: r.samples, error: r.error, leaked: r.leaked };
      log(
        `  PE ${P}×${d} ${backend}: median ${pe.runs[backend].median.toFixed(1)} ms, |err| ${r.error.toExponential(1)}`,
      );
    }
    for (const [name, fn] of [
      ['js-float64', 'jsLoop'],
      ['memcpy', 'memcpy'],
      ['webgpu-readback', 'gpuReadback'],
    ]) {
      const r = await call(page, fn, sized);
      if (r) pe.runs[name] = { ...summarise(r.samples), samples: r.samples };
      log(`  PE ${name}: median ${pe.runs[name]?.median.toFixed(1)} ms`);
    }
    out.pe = pe;
  }

  // 4. PCA of USE-lite.
  if (cfg.pca) {
    const pca = await call(page, 'pca', cfg.pca);
    out.pca = { ...pca, summary: summarise(pca.samples) };
    log(`  PCA ${pca.rows}×${pca.cols} k=${cfg.pca.k}: median ${out.pca.summary.median.toFixed(0)} ms`);
  }

  // Issue 5: t-SNE and UMAP per 100 steps.
  if (cfg.tsne && cfg.umap) {
    const tsne = await call(page, 'tsne', cfg.tsne);
    out.tsne = { ...tsne, summary: summarise(tsne.samples) };
    log(
      `  t-SNE n=${cfg.tsne.n}: setup ${tsne.setupMs.toFixed(0)} ms, ${out.tsne.summary.median.toFixed(0)} ms/100`,
    );
    const umap = await call(page, 'umap', cfg.umap);
    out.umap = { ...umap, summary: summarise(umap.samples) };
    log(
      `  UMAP n=${cfg.umap.n}: setup ${umap.setupMs.toFixed(0)} ms, ${out.umap.summary.median.toFixed(0)} ms/100`,
    );
  }

  // Where a keystroke's worker time goes (explains measurement 1; full mode only).
  if (cfg.parts) {
    const parts = await call(page, 'pipelineParts', cfg.parts);
    out.parts = {
      ...cfg.parts,
      foundation: summarise(parts.foundation),
      textViews: summarise(parts.textViews),
      peOnly: summarise(parts.peOnly),
    };
    log(
      `  worker parts T=${cfg.parts.T} d=${cfg.parts.d}: E/PE/X ${out.parts.foundation.median.toFixed(0)} ms, text views ${out.parts.textViews.median.toFixed(0)} ms`,
    );
  }

  // 6. Memory: one run, then the rest; tf.memory() and the heap (after GC) at both points.
  const { runs, T, d: dm } = cfg.memory;
  const first = await call(page, 'pipelineRuns', { runs: 1, T, d: dm });
  const heap1 = await heap();
  const rest = await call(page, 'pipelineRuns', { runs: runs - 1, T, d: dm });
  const heapN = await heap();
  out.memory = {
    runs,
    T,
    d: dm,
    backend: rest.backend,
    after1: { numTensors: first.numTensors, numBytes: first.numBytes, heapBytes: heap1 },
    afterN: { numTensors: rest.numTensors, numBytes: rest.numBytes, heapBytes: heapN },
    heapGrowthMB: (heapN - heap1) / 2 ** 20,
    run: summarise(rest.samples),
  };
  log(
    `  memory: tensors ${first.numTensors} → ${rest.numTensors}, bytes ${first.numBytes} → ${rest.numBytes}, heap +${out.memory.heapGrowthMB.toFixed(2)} MB`,
  );
  await page.close();
  return out;
}
