// Measurements 1 and 5, in the built app itself. Keystroke latency: from the page's 'embedscope:input' mark
// (set in the textarea's input handler) to the first rendered frame after which all three foundation heatmaps
// have been repainted with the keystroke's matrices (their canvases' data-paints counters moved); the rest of
// the run (the lab's text views) is timed too, to its own painted frame. Typing:
// characters typed at a fixed rate while a PerformanceObserver collects long tasks on the main thread.
import { summarise } from '../lib/stats.mjs';
import { open } from './page.mjs';
import { startTrace } from './trace.mjs';

const READY = `(() => {
  const s = window.__embedscope?.store.get();
  return !!s && !!s.lastRun && !s.busy && document.querySelectorAll('.matrices canvas').length === 3;
})()`;

/** Letters for a text of T characters (one char token each) that never contains the typed X/Y. */
function textOf(/** @type {number} */ T) {
  return 'abcdefghijklmnopqrstuvw'.repeat(Math.ceil(T / 23)).slice(0, T);
}

/**
 * In the page: watches the next keystroke until its three heatmaps are painted and its whole run is done and
 * painted; resolves window.__keystroke with the times, in ms after the input mark. Checked once per frame, in
 * the first task after the frame has rendered.
 */
function arm() {
  const w = /** @type {any} */ (window);
  const store = w.__embedscope.store;
  const canvases = () => [...document.querySelectorAll('.matrices canvas')];
  const paints = () => canvases().map((c) => Number(/** @type {HTMLElement} */ (c).dataset.paints ?? 0));
  const marks = () => performance.getEntriesByName('embedscope:input');
  const three = (/** @type {any} */ s) => [s.matrices.embeddings, s.matrices.pe, s.matrices.input];
  const first = store.get();
  const before = { paints: paints(), lastRun: first.lastRun, marks: marks().length, data: three(first) };
  let doneAt = NaN;
  let dataAt = NaN;
  const unsubscribe = store.subscribe(() => {
    const s = store.get();
    const now = performance.now();
    if (Number.isNaN(doneAt) && s.lastRun !== before.lastRun) doneAt = now;
    if (Number.isNaN(dataAt) && three(s).every((m, i) => m && m !== before.data[i])) dataAt = now;
  });
  w.__keystroke = new Promise((resolve) => {
    const giveUp = performance.now() + 600_000;
    let threeAt = NaN;
    let wholeAt = NaN;
    const frame = () =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const now = performance.now();
          const p = paints();
          const s = store.get();
          if (Number.isNaN(threeAt) && p.length === 3 && p.every((n, i) => n > before.paints[i]))
            threeAt = now;
          if (Number.isNaN(wholeAt) && !Number.isNaN(doneAt) && !s.busy) wholeAt = now;
          if ((Number.isNaN(threeAt) || Number.isNaN(wholeAt)) && now < giveUp) return frame();
          unsubscribe();
          const input = marks()[before.marks];
          const start = input ? input.startTime : NaN;
          performance.measure('embedscope:keystroke', { start, end: threeAt });
          const c = /** @type {HTMLCanvasElement} */ (canvases()[0]);
          resolve({
            latency: threeAt - start,
            toData: dataAt - start,
            whole: wholeAt - start,
            workerMs: s.lastRun.ms,
            numTensors: s.lastRun.numTensors,
            shape: [c.height, c.width],
            renderer: c.dataset.renderer,
            timedOut: now >= giveUp,
          });
        };
        ch.port2.postMessage(null);
      });
    frame();
  });
}

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ T: number, d: number, reps: number, warmup: number, scatterOff?: boolean }[]} cases
 * @param {(s: string) => void} log
 */
export async function keystrokes(browser, base, cases, log) {
  const out = [];
  for (const c of cases) {
    const hash = `tokenizer=char&d=${c.d}&pe=sinusoidal&embedding=random&text=${textOf(c.T)}`;
    const { page, errors } = await open(browser, `${base}/#${hash}`, READY);
    const backend = await page.evaluate(() => /** @type {any} */ (window).__embedscope.store.get().backend);
    const textbox = page.locator('#text-input');
    await textbox.focus();
    /** @type {any[]} */
    const samples = [];
    /** @type {any[]} */
    const hidden = [];
    for (let i = 0; i < c.warmup + c.reps * (c.scatterOff ? 2 : 1); i++) {
      // Diagnostic series (scatterOff): every other keystroke with the projection scatter's canvas hidden, so
      // that the compositor never reads it back.
      const hide = !!c.scatterOff && i >= c.warmup && (i - c.warmup) % 2 === 1;
      await page.evaluate((h) => {
        let style = document.getElementById('bench-hide-scatter');
        if (!style) {
          style = document.createElement('style');
          style.id = 'bench-hide-scatter';
          document.head.append(style);
        }
        style.textContent = h ? '.scatter-canvas { display: none !important; }' : '';
      }, hide);
      // Replace the last character: the text keeps T tokens and every keystroke changes it.
      await page.evaluate(() => {
        const ta = /** @type {HTMLTextAreaElement} */ (document.getElementById('text-input'));
        ta.setSelectionRange(ta.value.length - 1, ta.value.length);
        return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      });
      await page.evaluate(arm);
      await page.keyboard.type(i % 2 ? 'X' : 'Y');
      const r = await page.evaluate(() => /** @type {any} */ (window).__keystroke);
      if (i >= c.warmup) (hide ? hidden : samples).push(r);
      await page.waitForTimeout(30);
    }
    const shapes = new Set(samples.map((s) => s.shape.join('×')));
    const result = {
      ...c,
      backend,
      shapes: [...shapes],
      renderer: samples[0]?.renderer,
      latency: summarise(samples.map((s) => s.latency)),
      toData: summarise(samples.map((s) => s.toData)),
      whole: summarise(samples.map((s) => s.whole)),
      worker: summarise(samples.map((s) => s.workerMs)),
      numTensors: [...new Set(samples.map((s) => s.numTensors))],
      timedOut: samples.filter((s) => s.timedOut).length,
      samples: samples.map((s) => +s.latency.toFixed(2)),
      scatterOff: hidden.length
        ? {
            latency: summarise(hidden.map((s) => s.latency)),
            toData: summarise(hidden.map((s) => s.toData)),
            whole: summarise(hidden.map((s) => s.whole)),
            worker: summarise(hidden.map((s) => s.workerMs)),
            samples: hidden.map((s) => +s.latency.toFixed(2)),
          }
        : null,
      errors,
    };
    log(
      `  T=${c.T} d=${c.d}: median ${result.latency.median.toFixed(1)} ms, p95 ${result.latency.p95.toFixed(1)} ms (worker ${result.worker.median.toFixed(1)} ms)`,
    );
    out.push(result);
    await page.close();
  }
  return out;
}

const SENTENCE =
  'The quick brown fox jumps over the lazy dog while positional encodings keep track of where each token sits. ';

/**
 * One typing session in a fresh page: the characters at the given rate, long tasks observed throughout.
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ chars: number, cps: number, d: number }} cfg
 * @param {boolean} traced also record a trace and attribute the long tasks
 */
async function typingPass(browser, base, cfg, traced) {
  const hash = `tokenizer=char&d=${cfg.d}&pe=sinusoidal&embedding=random&text=`;
  const ready = `(() => { const s = window.__embedscope?.store.get(); return !!s && !!s.lastRun && !s.busy; })()`;
  const { page, errors } = await open(browser, `${base}/#${hash}`, ready);
  await page.waitForTimeout(500);
  const textbox = page.locator('#text-input');
  await textbox.focus();
  const stopTrace = traced ? await startTrace(page) : null;
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    w.__typingStart = performance.now();
    w.__runsBefore = performance.getEntriesByName('embedscope:done').length;
  });
  const text = SENTENCE.repeat(Math.ceil(cfg.chars / SENTENCE.length)).slice(0, cfg.chars);
  const t0 = Date.now();
  const lag = [];
  for (let i = 0; i < text.length; i++) {
    const due = t0 + (i * 1000) / cfg.cps;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lag.push(Math.max(0, -wait));
    await page.keyboard.type(text[i]);
  }
  const typedS = (Date.now() - t0) / 1000;
  await page.waitForFunction(ready, undefined, { timeout: 600_000, polling: 100 });
  await page.waitForTimeout(500);
  const trace = stopTrace ? await stopTrace() : null;
  const r = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const s = w.__embedscope.store.get();
    return {
      longtasks: w.__longtasks,
      runs: performance.getEntriesByName('embedscope:done').length - w.__runsBefore,
      inputs: performance.getEntriesByName('embedscope:input').filter((m) => m.startTime >= w.__typingStart)
        .length,
      tokens: s.tokens.length,
      numTensors: s.lastRun?.numTensors,
      typingStart: w.__typingStart,
    };
  });
  await page.close();
  const durations = r.longtasks.map((/** @type {any} */ t) => t.duration);
  return {
    typedS,
    achievedCps: cfg.chars / typedS,
    lateKeystrokes: lag.filter((x) => x > 50).length,
    longTasks: r.longtasks.length,
    over50: durations.filter((/** @type {number} */ x) => x > 50).length,
    maxLongTask: durations.length ? Math.max(...durations) : 0,
    totalBlockingMs: durations.reduce((/** @type {number} */ a, /** @type {number} */ x) => a + (x - 50), 0),
    runs: r.runs,
    inputs: r.inputs,
    tokens: r.tokens,
    numTensors: r.numTensors,
    longtaskList: r.longtasks.map((/** @type {any} */ t) => ({
      start: +(t.start - r.typingStart).toFixed(1),
      duration: t.duration,
    })),
    trace,
    errors,
  };
}

/**
 * Measurement 5, then (when `attribute` is set) a second, traced session to say what the long tasks were.
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ chars: number, cps: number, d: number, attribute: boolean }} cfg
 * @param {(s: string) => void} log
 */
export async function typing(browser, base, cfg, log) {
  const result = { ...cfg, ...(await typingPass(browser, base, cfg, false)) };
  log(
    `  ${result.longTasks} long tasks (max ${result.maxLongTask.toFixed(0)} ms) over ${result.typedS.toFixed(1)} s, ${result.runs} runs completed`,
  );
  if (cfg.attribute) {
    const traced = await typingPass(browser, base, cfg, true);
    result.traced = {
      longTasks: traced.longTasks,
      maxLongTask: traced.maxLongTask,
      attribution: traced.trace,
    };
    log(`  traced pass: ${traced.longTasks} long tasks; ${JSON.stringify(traced.trace?.total)}`);
  }
  return result;
}
