// What a person typing feels: characters typed at 4 keys/s into a 128-character text (char tokenizer, one token
// each), d = 768. For every key, the latency is from its 'embedscope:input' mark to the first rendered frame after
// which the three foundation heatmaps (E, PE, X) show that key's text or a newer one (newest wins, so a key
// overtaken by the next one counts until the newer text is on screen). Unlike the keystroke step, keys do not wait
// for the previous run to finish: the lab's text views of the previous key may still be running.
import { summarise } from '../lib/stats.mjs';
import { open } from './page.mjs';

const READY = `(() => {
  const s = window.__embedscope?.store.get();
  return !!s && !!s.lastRun && !s.busy && document.querySelectorAll('.matrices canvas').length === 3;
})()`;

/** In the page: records, frame by frame, which text the three painted heatmaps show. */
function watch() {
  const w = /** @type {any} */ (window);
  const store = w.__embedscope.store;
  const canvases = () => [...document.querySelectorAll('.matrices canvas')];
  const paints = () => canvases().map((c) => Number(/** @type {HTMLElement} */ (c).dataset.paints ?? 0));
  /** @type {{ text: string, at: number }[]} */
  const shown = [];
  let last = paints();
  const frame = () =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const p = paints();
        const s = store.get();
        const labels = [s.matrices.embeddings, s.matrices.pe, s.matrices.input].map((m) =>
          m?.rowLabels ? m.rowLabels.join('') : null,
        );
        // All three repainted since the last record, and all three show the same text.
        if (p.every((n, i) => n > last[i]) && labels.every((l) => l !== null && l === labels[0])) {
          shown.push({ text: /** @type {string} */ (labels[0]), at: performance.now() });
          last = p;
        }
        if (!w.__typing4Stop) frame();
      };
      ch.port2.postMessage(null);
    });
  w.__typing4Shown = shown;
  w.__typing4Stop = false;
  frame();
}

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ T: number, d: number, keys: number, keysPerSecond: number }} cfg
 */
export async function typingPass(browser, base, cfg) {
  const start = 'abcdefghijklmnopqrstuvw'.repeat(Math.ceil(cfg.T / 23)).slice(0, cfg.T);
  const hash = `tokenizer=char&d=${cfg.d}&pe=sinusoidal&embedding=random&text=${start}`;
  const { page, errors } = await open(browser, `${base}/#${hash}`, READY);
  await page.locator('#text-input').focus();
  await page.evaluate(() => {
    const ta = /** @type {HTMLTextAreaElement} */ (document.getElementById('text-input'));
    ta.setSelectionRange(ta.value.length, ta.value.length);
  });
  await page.evaluate(watch);
  const gap = 1000 / cfg.keysPerSecond;
  /** @type {string[]} */
  const texts = [];
  const t0 = Date.now();
  for (let k = 0; k < cfg.keys; k++) {
    const ch = 'XYZ'[k % 3];
    await page.keyboard.type(ch);
    texts.push((texts[k - 1] ?? start) + ch);
    const next = t0 + (k + 1) * gap;
    await page.waitForTimeout(Math.max(0, next - Date.now()));
  }
  // Let the last key reach the screen.
  await page.waitForFunction(
    (want) => /** @type {any} */ (window).__typing4Shown.some((s) => s.text === want),
    texts[texts.length - 1],
    { timeout: 120_000 },
  );
  const { marks, shown } = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__typing4Stop = true;
    return {
      marks: performance.getEntriesByName('embedscope:input').map((m) => m.startTime),
      shown: /** @type {{ text: string, at: number }[]} */ (w.__typing4Shown),
    };
  });
  await page.close();
  const keyMarks = marks.slice(-cfg.keys);
  /** @type {number[]} */
  const latencies = [];
  for (let k = 0; k < cfg.keys; k++) {
    // The first frame showing this key's text or a longer one (a later key's).
    const seen = shown.find(
      (s) => s.at >= keyMarks[k] && s.text.length >= texts[k].length && s.text.startsWith(texts[k]),
    );
    latencies.push(seen ? seen.at - keyMarks[k] : NaN);
  }
  const missed = latencies.filter((x) => Number.isNaN(x)).length;
  return { latencies: latencies.filter((x) => !Number.isNaN(x)), missed, errors };
}

/**
 * @param {import('playwright').Browser} browser
 * @param {string} base
 * @param {{ T: number, d: number, keys: number, keysPerSecond: number, rounds: number }} cfg
 * @param {(s: string) => void} log
 */
export async function typing4(browser, base, cfg, log) {
  /** @type {number[]} */
  const all = [];
  let missed = 0;
  const errors = [];
  for (let r = 0; r < cfg.rounds; r++) {
    const pass = await typingPass(browser, base, cfg);
    all.push(...pass.latencies);
    missed += pass.missed;
    errors.push(...pass.errors);
  }
  const latency = summarise(all);
  log(
    `  typing at ${cfg.keysPerSecond} keys/s: E, PE, X on screen ${latency.median.toFixed(0)} ms median, ${latency.p95.toFixed(0)} ms p95 (${all.length} keys)`,
  );
  return { ...cfg, latency, missed, errors };
}
