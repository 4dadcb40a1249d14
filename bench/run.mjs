// npm run bench [-- --quick] [-- --no-build] [-- --only=heatmap,keystroke,firstpaint,...] [-- --merge]
// Builds the app and the bench pages (bench/vite.config.ts, into the bench's own folder, never dist/), serves
// them on 127.0.0.1:4179, drives headless Chromium (WebGPU on SwiftShader here) through Playwright, and writes
// bench/report.json and bench/report.md. Every figure is the median and p95 of its repetitions after warm-up;
// comparisons are measured side by side in the same run and given as ratios. --quick is a smoke run (< 2 min)
// with fewer repetitions and smaller sizes, each reduction named in the report. Not part of npm test.
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { launch, machine } from './lib/browser.mjs';
import { serve } from './lib/serve.mjs';
import { renderReport } from './lib/report.mjs';
import { heatmap, heatmapSvg } from './measure/heatmap.mjs';
import { compute } from './measure/compute.mjs';
import { keystrokes, typing } from './measure/app.mjs';
import { typing4 } from './measure/typing4.mjs';
import { firstPaint } from './measure/firstPaint.mjs';
import { dispatches, link, overview, wholeRun, windowMove } from './measure/scale.mjs';
import { pcaScale, readbackRatio } from './measure/scaleCompute.mjs';
import { training } from './measure/training.mjs';
import { PLANS } from './plan.mjs';

const PORT = 4179;
/** A step that runs longer than this is recorded as failed and the run goes on. */
const STEP_LIMIT_MIN = 90;
const here = (/** @type {string} */ p) => fileURLToPath(new URL(p, import.meta.url));

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
const only =
  args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? null;
// `scale` stands for every scale-* step (issue 14 item 7).
const wanted = (/** @type {string} */ name) =>
  !only || only.includes(name) || (name.startsWith('scale-') && only.includes('scale'));
// --merge (with --only): the steps run replace theirs in the committed full report, which says which steps were
// re-measured, when and at which commit; without it a partial run writes next to the build.
const merge = args.includes('--merge');
if (merge && (!only || quick)) throw new Error('--merge needs --only=… and a full (not --quick) plan');
const plan = PLANS[quick ? 'quick' : 'full'];
const started = performance.now();
const log = (/** @type {string} */ s) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}`);

async function main() {
  const viteConfig = here('./vite.config.ts');
  const { build: viteBuild, loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, viteConfig);
  const outDir = loaded?.config.build?.outDir;
  if (!outDir) throw new Error('bench/vite.config.ts names no outDir');
  if (build) {
    log(`building the app and bench pages into ${outDir}`);
    await viteBuild({ configFile: viteConfig });
  }
  const stop = await serve(outDir, PORT);
  const base = `http://127.0.0.1:${PORT}`;
  const browser = await launch();
  // A partial run (--only) never overwrites the committed report unless --merge: it goes next to the build.
  /** @type {Record<string, any>} */
  let results = { failures: [] };
  const before = machine();
  const dir = only && !merge ? outDir : here('.');
  /** @type {Record<string, any> | null} */
  let merged = null;
  if (merge) {
    merged = JSON.parse(await readFile(here('./report.json'), 'utf8'));
    if (merged?.mode !== 'full' || merged.only)
      throw new Error('--merge needs a committed full report to merge into');
    // Only the measured sections carry over; the run's own header fields stay the full run's.
    const header = ['generated', 'mode', 'only', 'plan', 'durationS', 'machine', 'browser', 'remeasured'];
    results = Object.fromEntries(Object.entries(merged).filter(([k]) => !header.includes(k)));
    results.failures = (results.failures ?? []).filter((/** @type {any} */ f) => !wanted(f.step));
  }
  // The report is rewritten after every step, so a crash late in a long run keeps what was measured.
  const save = async () => {
    const durationS = +((performance.now() - started) / 1000).toFixed(1);
    const report = merged
      ? {
          ...merged,
          ...results,
          remeasured: {
            // earlier merges stay listed, minus the steps this one measures again
            earlier: [merged.remeasured, ...(merged.remeasured?.earlier ?? [])]
              .filter(Boolean)
              .map((/** @type {any} */ m) => ({
                ...m,
                earlier: undefined,
                steps: m.steps.filter((/** @type {string} */ x) => !wanted(x)),
              }))
              .filter((/** @type {any} */ m) => m.steps.length > 0),
            steps: only,
            generated: new Date().toISOString(),
            commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
            durationS,
            loadAverage: before.loadAverage,
            browser: browser.version(),
          },
        }
      : {
          generated: new Date().toISOString(),
          mode: quick ? 'quick' : 'full',
          only,
          plan,
          durationS,
          machine: { ...before, loadAverageAfter: machine().loadAverage },
          browser: { name: 'Chromium (headless)', version: browser.version() },
          ...results,
        };
    await writeFile(join(dir, 'report.json'), JSON.stringify(report, null, 1) + '\n');
    await writeFile(join(dir, 'report.md'), renderReport(report));
    return report;
  };
  /** @param {string} name @param {string} title @param {() => Promise<void>} fn */
  const step = async (name, title, fn) => {
    if (!wanted(name)) return;
    log(title);
    try {
      let timer;
      const limit = new Promise((_, fail) => {
        timer = setTimeout(
          () => fail(new Error(`step ran past ${STEP_LIMIT_MIN} minutes`)),
          STEP_LIMIT_MIN * 60_000,
        );
      });
      await Promise.race([fn(), limit]).finally(() => clearTimeout(timer));
    } catch (err) {
      log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
      results.failures.push({ step: name, message: err instanceof Error ? err.message : String(err) });
      // A step that gave up may have left a page computing: close every page so the next step runs alone.
      await Promise.all(browser.contexts().map((c) => c.close().catch(() => {})));
    }
    await save();
  };
  try {
    await step(
      'firstpaint',
      'first meaningful paint: precomputed default run vs waiting for the engine',
      async () => {
        results.firstPaint = await firstPaint(browser, base, plan.firstPaint, log);
      },
    );
    await step('compute', 'compute: PE on each backend, PCA, t-SNE, UMAP, worker parts, memory', async () => {
      results.compute = await compute(browser, base, plan.compute, log);
    });
    // Only on request (--only=worker): the compute step's worker parts and memory without its long PE and PCA runs.
    if (only?.includes('worker'))
      await step('worker', 'compute: worker parts and memory only', async () => {
        const w = await compute(
          browser,
          base,
          { ...plan.compute, pe: null, pca: null, tsne: null, umap: null },
          log,
        );
        results.compute = {
          ...results.compute,
          environment: w.environment,
          parts: w.parts,
          memory: w.memory,
          errors: w.errors,
        };
      });
    await step('heatmap', 'heatmap paint', async () => {
      results.heatmap = await heatmap(browser, base, plan.heatmap, log);
    });
    if (wanted('keystroke')) results.keystroke = [];
    for (const c of plan.keystroke) {
      await step('keystroke', `keystroke → three heatmaps painted, T=${c.T} d=${c.d}`, async () => {
        results.keystroke.push(...(await keystrokes(browser, base, [c], log)));
      });
      if (c === plan.keystroke[0])
        await step('typing', `typing ${plan.typing.chars} characters at ${plan.typing.cps}/s`, async () => {
          results.typing = await typing(browser, base, plan.typing, log);
        });
    }
    await step(
      'typing4',
      `typing at ${plan.typing4.keysPerSecond} keys/s: E, PE, X on screen per key`,
      async () => {
        results.typing4 = await typing4(browser, base, plan.typing4, log);
      },
    );
    await step(
      'heatmap',
      `heatmap paint, D3 SVG baseline ${plan.heatmap.svg.cols}×${plan.heatmap.svg.rows}`,
      async () => {
        if (results.heatmap)
          results.heatmap.results['baseline-svg:random'] = await heatmapSvg(
            browser,
            base,
            plan.heatmap.svg,
            log,
          );
      },
    );
    // Issue 14 item 7: big tables, a whole run at T = 512, PCA 8002 × 256, a non-default link, the keystroke's
    // GPU calls, and compute + read-back against a raw read-back. Each fills one entry of results.scale.
    const scaleSteps = {
      overview: ['131,072-row RoPE table: overview drawn after load', overview],
      window: ['2^20-row RoPE table: detail window moved', windowMove],
      run: ['whole run at T = 512, d = 768, RoPE, 4,096 positions', wholeRun],
      pca: ['PCA of 8002 × 256 (page and Project tab)', pcaScale],
      link: ['#text=hello&d=64 on a fresh page', link],
      dispatch: ['WebGPU calls per keystroke, Explore tab', dispatches],
      readback: ['compute + read-back vs raw read-back', readbackRatio],
      training: ["training's default config, backend auto: steps/s per scheme", training],
    };
    for (const [key, [title, fn]] of Object.entries(scaleSteps)) {
      await step(`scale-${key}`, `scale: ${title}`, async () => {
        const cfg = /** @type {any} */ (plan.scale)[key];
        results.scale = { ...results.scale, [key]: await fn(browser, base, cfg, log) };
      });
    }
    await save();
    log(
      `wrote ${join(dir, 'report.md')} and report.json in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (results.failures.length) process.exitCode = 1;
  } finally {
    await browser.close();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
