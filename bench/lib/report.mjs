// Renders bench/report.md from the report object that run.mjs also writes as report.json: the machine, one
// summary table of the issue's targets (met or not), then a section per measurement with its comparisons as
// ratios and, where a target is missed, a sentence on why built from the measured numbers.
import { fmt } from './stats.mjs';
import { scaleTargets, table } from './reportScale.mjs';
import { scaleSection } from './reportScaleSection.mjs';

const ms = (/** @type {number} */ v) => `${fmt(v)} ms`;
const times = (/** @type {number} */ v) => `${fmt(v)}×`;
const yes = (/** @type {boolean | null} */ ok) => (ok === null ? 'n/a' : ok ? '**met**' : '**not met**');
const mib = (/** @type {number} */ b) => `${(b / 2 ** 20).toFixed(2)} MiB`;

/** @param {any} r the report */
export function targets(r) {
  /** @type {{ id: string, what: string, target: string, result: string, met: boolean | null, why?: string }[]} */
  const out = [];
  const k = r.keystroke?.find((/** @type {any} */ c) => c.T === 128 && c.d === 768);
  if (k) {
    const met = k.latency.p95 <= 50 && !k.timedOut;
    out.push({
      id: '1',
      what: 'Keystroke → three heatmaps repainted, T = 128, d = 768',
      target: 'p95 ≤ 50 ms',
      result: `median ${ms(k.latency.median)}, p95 ${ms(k.latency.p95)}`,
      met,
      why: met ? undefined : keystrokeWhy(r, k),
    });
  }
  const h = r.heatmap?.results?.['app:random'];
  if (h) {
    const met = h.total.median <= 16;
    out.push({
      id: '2',
      what: `Heatmap paint ${h.cols}×${h.rows}, data → painted frame (drawHeatmap, ${h.renderer} path)`,
      target: 'median ≤ 16 ms (one frame)',
      result: `median ${ms(h.total.median)}, p95 ${ms(h.total.p95)}`,
      met,
      why: met
        ? undefined
        : `The ${h.renderer} path's own work is ${ms(h.work.median)} (median); the rest is waiting for and rendering the frame.`,
    });
  }
  const pe = r.compute?.pe;
  if (pe?.runs.webgpu && pe.runs.memcpy) {
    const x = pe.runs.webgpu.median / pe.runs.memcpy.median;
    const rb = pe.runs['webgpu-readback'];
    const met = x <= 5;
    out.push({
      id: '3',
      what: `Sinusoidal PE ${pe.P}×${pe.d}, compute + read-back on WebGPU`,
      target: '≤ 5× the memcpy floor',
      result: `${times(x)} (${ms(pe.runs.webgpu.median)} vs memcpy ${ms(pe.runs.memcpy.median)})`,
      met,
      why: met
        ? undefined
        : `tfjs evaluates numerics/trig.ts's exact sin/cos (angle reduction plus degree-17/18 polynomials) as dozens of ` +
          `separate element-wise kernels over [${pe.P}, ${pe.d / 2}], each a full pass over GPU memory that SwiftShader ` +
          `runs on the CPU` +
          (rb
            ? `; even the read-back alone (raw WebGPU copy + map of the same ${mib(pe.bytes)}) takes ${ms(rb.median)}, ` +
              `${times(rb.median / pe.runs.memcpy.median)} the memcpy, so on this machine no WebGPU kernel can get within 5×.`
            : '.'),
    });
  }
  const pca = r.compute?.pca;
  if (pca) {
    const met = pca.summary.median <= 1000;
    out.push({
      id: '4',
      what: `PCA of USE-lite ${pca.rows}×${pca.cols}, k = ${pca.k ?? r.plan.compute.pca.k} (${pca.backend})`,
      target: '≤ 1 s',
      result: `median ${ms(pca.summary.median)}, p95 ${ms(pca.summary.p95)}`,
      met,
      why: met
        ? undefined
        : `The covariance XcᵀXc (${pca.rows}×${pca.cols}ᵀ·${pca.rows}×${pca.cols}, ~${((2 * pca.rows * pca.cols * pca.cols) / 1e9).toFixed(1)} GFLOP) ` +
          `and the scores run as WebGPU matrix products in software (SwiftShader) on ${r.machine.cpus} shared cores.`,
    });
  }
  const t = r.typing;
  if (t) {
    const met = t.over50 === 0;
    out.push({
      id: '5',
      what: `Main thread while typing ${t.chars} characters at ${t.cps}/s`,
      target: 'no long task > 50 ms',
      result: `${t.over50} long task${t.over50 === 1 ? '' : 's'}${t.over50 ? `, longest ${ms(t.maxLongTask)}` : ''}`,
      met,
      why: met ? undefined : typingWhy(t),
    });
  }
  const t4 = r.typing4;
  if (t4) {
    const met = t4.latency.p95 <= 100;
    out.push({
      id: '5b',
      what: `Typing at ${t4.keysPerSecond} keys/s, T = ${t4.T}, d = ${t4.d}: E, PE and X on screen after each key`,
      target: '≤ 100 ms p95',
      result: `median ${ms(t4.latency.median)}, p95 ${ms(t4.latency.p95)}`,
      met,
      why: met
        ? undefined
        : 'Each key still waits for its own run and paint on 2 shared cores: the worker posts E, PE and X, then the main ' +
          'thread renders the token strip and three heatmaps. The lab views no longer block keys (they wait for a 300 ms ' +
          'pause); see bench/compare-typing.md for the same measure side by side with the last landed build.',
    });
  }
  const m = r.compute?.memory;
  if (m) {
    const same = m.after1.numTensors === m.afterN.numTensors && m.after1.numBytes === m.afterN.numBytes;
    out.push({
      id: '6a',
      what: `tf.memory() after ${m.runs} runs vs after 1 (T = ${m.T}, d = ${m.d})`,
      target: 'numTensors and numBytes equal',
      result: `${m.after1.numTensors} → ${m.afterN.numTensors} tensors, ${m.after1.numBytes} → ${m.afterN.numBytes} bytes`,
      met: same,
      why: same ? undefined : 'Tensors leak across runs.',
    });
    const ok = m.heapGrowthMB < 10;
    out.push({
      id: '6b',
      what: `JS heap growth over those ${m.runs - 1} runs (after forced GC)`,
      target: '< 10 MB',
      result: `${m.heapGrowthMB >= 0 ? '+' : ''}${m.heapGrowthMB.toFixed(2)} MiB`,
      met: ok,
      why: ok ? undefined : 'The heap grows across runs.',
    });
  }
  out.push(...scaleTargets(r));
  return out;
}

/** Why the keystroke target was missed, from the measured parts. @param {any} r @param {any} k */
function keystrokeWhy(r, k) {
  const o = k.scatterOff;
  const p = r.compute?.parts;
  let s =
    `Of the ${ms(k.latency.median)} (median), ${ms(k.toData.median)} pass before E, PE and X reach the main thread ` +
    `and ${ms(k.latency.median - k.toData.median)} before the frame that shows them is done.`;
  if (p)
    s +=
      ` The worker computes those three in ${ms(p.foundation.median)} when measured alone (tokenising, the gather, the ` +
      `sliced position table and three read-backs through WebGPU emulated in software on ${r.machine.cpus} shared ` +
      `cores); the rest is the main thread handling the messages before and between them (React rendering the ` +
      `token strip and panels, drawing each heatmap) and the frame itself.`;
  if (o) {
    const ratio = o.latency.median / k.latency.median;
    s +=
      ratio < 0.8
        ? ` Hiding the projection scatter's canvas brings the same keystrokes to ${ms(o.latency.median)} (median, ` +
          `p95 ${ms(o.latency.p95)}): with software compositing a redrawn WebGL canvas is read back on every commit.`
        : ` Hiding the projection scatter's canvas changes little (${ms(o.latency.median)} median, ` +
          `${times(ratio)} the shown case): it is not redrawn by a keystroke.`;
  }
  return s;
}

/** What the long tasks were, from the traced session when there is one. @param {any} t */
function typingWhy(t) {
  const head = `Total blocking time ${ms(t.totalBlockingMs)} over ${fmt(t.typedS)} s of typing.`;
  const a = t.traced?.attribution;
  if (!a || !a.tasks) return head;
  const kinds = Object.entries(a.total).sort(
    (x, y) => /** @type {number} */ (y[1]) - /** @type {number} */ (x[1]),
  );
  const parts = kinds
    .filter(([, v]) => /** @type {number} */ (v) >= 1)
    .map(([k, v]) => `${k} ${ms(/** @type {number} */ (v))}`)
    .join(', ');
  const longestKind = Object.entries(a.longest.kinds).sort(
    (x, y) => /** @type {number} */ (y[1]) - /** @type {number} */ (x[1]),
  )[0];
  const readback = a.total['canvas read-back for compositing (GLES2::ReadPixels)'] ?? 0;
  return (
    `${head} In a traced repeat (${a.tasks} long tasks, ${ms(a.taskMs)} in all) they held: ${parts}; the longest ` +
    `(${ms(a.longest.ms)}) was mostly ${longestKind?.[0] ?? '–'} (${ms(longestKind?.[1] ?? 0)}).` +
    (readback >= 50
      ? " The read-back is the projection scatter's WebGL2 canvas (plots/scatter/gl.ts): with software compositing every " +
        "commit after it redraws reads its pixels back from the GPU process, which is busy running the worker's " +
        'WebGPU kernels (SwiftShader runs both), so the main thread waits for them.'
      : '') +
    ' Script is mostly React rendering and heatmap drawing for each message the worker posts (tokens, then each ' +
    "matrix): the text grows while typing, so every heatmap's shape, axes and canvas change with each character; " +
    'style, layout and paint cover a page several thousand pixels tall on every frame that changes it.'
  );
}

/** @param {any} r */
function machineSection(r) {
  const env = r.compute?.environment;
  const a = env?.adapter;
  const rows = [
    ['Item', 'Value'],
    ['CPU', `${r.machine.cpus} × ${r.machine.cpuModel}`],
    ['Memory', `${r.machine.memoryGiB} GiB`],
    ['OS', `${r.machine.os} (${r.machine.kernel})`],
    ['Node', r.machine.node],
    ['Browser', `${r.browser?.name ?? 'Chromium'} ${r.browser?.version ?? '?'}`],
    [
      'WebGPU adapter',
      a
        ? `vendor ${a.vendor || '–'}, architecture ${a.architecture || '–'}, device ${a.device || '–'}, description ${a.description || '–'}`
        : 'none',
    ],
    [
      'WebGPU limits',
      a?.limits
        ? `maxBufferSize ${mib(a.limits.maxBufferSize)}, maxStorageBufferBindingSize ${mib(a.limits.maxStorageBufferBindingSize)}`
        : '–',
    ],
    ['WebGL2 renderer', env?.webgl ?? '–'],
    [
      'tfjs backend chosen',
      env ? `${env.backend}${env.fallbacks.length ? ` (skipped: ${env.fallbacks.join('; ')})` : ''}` : '–',
    ],
    ['Heatmap path (drawHeatmap)', r.heatmap?.results?.['app:random']?.renderer ?? '–'],
    [
      'Load average (1, 5, 15 min)',
      `${r.machine.loadAverage.join(', ')} at start; ${r.machine.loadAverageAfter.join(', ')} at end`,
    ],
  ];
  return table(rows);
}

/** @param {any} r */
function keystrokeSection(r) {
  if (!r.keystroke) return '';
  const rows = [
    [
      'T',
      'd',
      'reps',
      'three heatmaps painted: median',
      'p95',
      'input → matrices on main thread',
      'whole run painted (lab views too)',
      'worker run',
      'paint path',
      'target',
    ],
  ];
  for (const c of r.keystroke) {
    /** One table row from a series of keystroke samples (the main one, or the scatter-hidden diagnostic). */
    const row = (/** @type {any} */ s, /** @type {string} */ path, /** @type {string} */ target) => [
      String(c.T),
      String(c.d),
      String(s.latency.n),
      ms(s.latency.median),
      ms(s.latency.p95),
      ms(s.toData.median),
      ms(s.whole.median),
      ms(s.worker.median),
      path,
      target,
    ];
    rows.push(
      row(
        c,
        c.renderer ?? '–',
        c.T === 128 && c.d === 768 ? `p95 ≤ 50 ms: ${yes(c.latency.p95 <= 50)}` : 'reported',
      ),
    );
    if (c.scatterOff)
      rows.push(row(c.scatterOff, `${c.renderer ?? '–'}, scatter canvas hidden`, 'diagnostic'));
  }
  return `## 1. Keystroke → all three heatmaps repainted

In the built app (\`#tokenizer=char&pe=sinusoidal&embedding=random\`, a text of T characters, so T tokens).
Each repetition selects the last character and types a replacement (the text stays T tokens long and always
changes). Latency runs from the \`embedscope:input\` mark (set in the textarea's input handler) to the first
rendered frame after which all three foundation canvases have repainted with the keystroke's matrices (their
\`data-paints\` counters moved), observed as the first task after that frame's rAF; the page records it as a
\`performance.measure('embedscope:keystroke')\`. Medians of the parts: "input → matrices on main thread" is when
the third of E, PE and X reached the store; "whole run painted" waits for the rest of the run (the lab's text
views: attention preview and others) and its frame; "worker run" is the pipeline's own time (\`lastRun.ms\`).
One keystroke at a time: each waits for the previous run to finish.

${table(rows)}
${fewNote(r)}${scatterNote(r)}${partsNote(r)}`;
}

/** Steps re-measured later by a partial run merged into this report (--only=… --merge). @param {any} r */
function remeasuredNote(r) {
  const m = r.remeasured;
  if (!m) return '';
  return (
    `**Partly re-measured.** The ${m.steps.map((/** @type {string} */ s) => `\`${s}\``).join(', ')} ` +
    `step${m.steps.length > 1 ? 's were' : ' was'} measured again on ${m.generated} at commit ${m.commit} by ` +
    `\`npm run bench -- --only=${m.steps.join(',')} --merge\` (${fmt(m.durationS)} s, load average ` +
    `${m.loadAverage.map((/** @type {number} */ v) => v.toFixed(2)).join(', ')} at start) after the changes it ` +
    `measures; every other section is from the full run above` +
    (m.steps.includes('worker') ? " (`worker` is the compute step's worker parts and memory alone)" : '') +
    `. Each comparison lies within one step, so its figures were still measured side by side.\n\n` +
    (m.earlier ?? [])
      .map(
        (/** @type {any} */ e) =>
          `Earlier merged runs: ${e.steps.map((/** @type {string} */ s) => `\`${s}\``).join(', ')} on ${e.generated} at ` +
          `commit ${e.commit} (load average ${e.loadAverage.map((/** @type {number} */ v) => v.toFixed(2)).join(', ')}).\n\n`,
      )
      .join('')
  );
}

/** Cases measured with fewer than 20 repetitions, and why. @param {any} r */
function fewNote(r) {
  if (r.mode === 'quick') return '';
  const few = (r.keystroke ?? []).filter((/** @type {any} */ c) => c.latency.n < 20);
  if (!few.length) return '';
  return few
    .map(
      (/** @type {any} */ c) => `
T = ${c.T}, d = ${c.d} has ${c.latency.n} repetitions, not 20: every keystroke waits for the previous run to
finish, and a whole run at this size (lab views included) takes ${ms(c.whole.median)} here, so 20 would take
about ${fmt((20 * c.whole.median) / 60000)} minutes. It has no target; treat its p95 as indicative.
`,
    )
    .join('');
}

/** @param {any} r */
function scatterNote(r) {
  const c = r.keystroke?.find((/** @type {any} */ k) => k.scatterOff);
  if (!c) return '';
  const o = c.scatterOff;
  return `
The "scatter canvas hidden" row is a diagnostic series from the same page, alternating keystroke by keystroke
with the normal one: a style rule hides the projection panel's WebGL2 canvas (\`.scatter-canvas\`), so the
compositor stops reading it back. Median ${ms(o.latency.median)} against ${ms(c.latency.median)}
(${times(c.latency.median / o.latency.median)}), p95 ${ms(o.latency.p95)} against ${ms(c.latency.p95)}.
`;
}

/** @param {any} r */
function partsNote(r) {
  const p = r.compute?.parts;
  if (!p) return '';
  return `
Where the worker's time goes, measured apart on the compute page with the same modules (T = ${p.T}, d = ${p.d},
${p.foundation.n} rep${p.foundation.n === 1 ? '' : 's'}, medians): tokenising plus E, PE and X on the device and their three read-backs,
${ms(p.foundation.median)} (p95 ${ms(p.foundation.p95)}) — all the three heatmaps wait for; the lab's text views
that follow in the same run (attention preview and the rest), ${ms(p.textViews.median)}; the sinusoidal PE alone
(compute + read-back), ${ms(p.peOnly.median)}. A keystroke that arrives while the text views run waits for the kernel
in flight before its own run starts (the worker keeps only the newest spec and stops the old run at its next step).
`;
}

/** @param {any} r */
function heatmapSection(r) {
  const h = r.heatmap;
  if (!h) return '';
  const res = h.results;
  const app = res['app:random'];
  const names = {
    app: 'drawHeatmap',
    'baseline-canvas': 'baseline: straightforward ImageData loop',
    'baseline-svg': 'baseline: D3 SVG, one `<rect>` per cell',
  };
  const rows = [
    [
      'Implementation',
      'path',
      'matrix',
      'reps',
      'median',
      'p95',
      'main-thread work (median)',
      '× drawHeatmap',
    ],
  ];
  for (const phase of ['random', 'frame']) {
    for (const impl of Object.keys(names)) {
      const x = res[`${impl}:${phase}`];
      if (!x) continue;
      const ref = res[`app:${phase}`];
      const scaled = x.rows * x.cols !== ref.rows * ref.cols;
      rows.push([
        `${/** @type {any} */ (names)[impl]}${phase === 'frame' ? ' (frame-aligned)' : ''}`,
        x.renderer ?? '–',
        `${x.cols}×${x.rows}`,
        String(x.total.n),
        ms(x.total.median),
        ms(x.total.p95),
        ms(x.work.median),
        scaled
          ? `${times(x.total.median / ref.total.median)} (smaller matrix)`
          : times(x.total.median / ref.total.median),
      ]);
    }
  }
  const svg = res['baseline-svg:random'];
  const quickSvg =
    svg && svg.rows * svg.cols < app.rows * app.cols
      ? ` In quick mode the SVG baseline draws a ${svg.cols}×${svg.rows} matrix (${(svg.rows * svg.cols).toLocaleString('en')} rects, ${svg.total.n} reps) instead of ${app.cols}×${app.rows}: at full size one draw takes tens of seconds.`
      : '';
  return `## 2. Heatmap paint, ${app.cols}×${app.rows}

One page, the implementations interleaved repetition by repetition (each alone on screen while timed). A
repetition hands a new ${app.cols}×${app.rows} matrix (${app.cols} columns, ${app.rows} rows: ${(app.rows * app.cols).toLocaleString('en')} cells) to the
implementation at a random point of a frame (after a rAF, a uniform 0–16 ms timer) and stops the clock in the
first task after the next frame has rendered: "data arriving → painted frame", frame wait included. The
frame-aligned rows hand the data over at the start of a frame (in a rAF callback) instead, which is the paint's
own cost within one frame. "Main-thread work" is the synchronous draw call alone.${quickSvg}

${table(rows)}

Side by side in this run: the straightforward ImageData loop takes ${times(res['baseline-canvas:random'].total.median / app.total.median)} as long as
drawHeatmap${svg && svg.rows * svg.cols === app.rows * app.cols ? `, and the D3 SVG baseline ${times(svg.total.median / app.total.median)}` : ''}. drawHeatmap draws dense grids on a 2-D canvas
through ImageData (DESIGN.md): each cell's colour is looked up in a packed 256-entry LUT and written as one
32-bit word (${ms(app.work.median)} of main-thread work for ${(app.rows * app.cols).toLocaleString('en')} cells).
`;
}

/** @param {any} r */
function peSection(r) {
  const pe = r.compute?.pe;
  if (!pe) return '';
  const floor = pe.runs.memcpy;
  const js = pe.runs['js-float64'];
  const names = {
    webgpu: 'tfjs webgpu: scheme.compute + await data()',
    webgl: 'tfjs webgl: same',
    cpu: 'tfjs cpu: same',
    'js-float64': 'plain JS, Float64Array, Math.sin/cos',
    'webgpu-readback': 'raw WebGPU read-back of the same bytes (copy + mapAsync), no compute',
    memcpy: 'memcpy floor: Float32Array.set into a preallocated array',
  };
  const rows = [
    ['Implementation', 'reps', 'median', 'p95', '× memcpy', '× JS loop', 'max |error| vs float64'],
  ];
  for (const [key, label] of Object.entries(names)) {
    const x = pe.runs[key];
    if (!x) continue;
    rows.push([
      label,
      String(x.n),
      ms(x.median),
      ms(x.p95),
      times(x.median / floor.median),
      times(x.median / js.median),
      x.error !== undefined ? x.error.toExponential(1) : '–',
    ]);
  }
  return `## 3. Sinusoidal PE ${pe.P}×${pe.d}: compute + read-back

Positions 0…${pe.P - 1}, d = ${pe.d} (${mib(pe.bytes)} of float32), through the app's scheme
(\`getScheme('sinusoidal').compute\`, which uses numerics/trig.ts's exact angle reduction) and \`await pe.data()\`, on
each tfjs backend in turn on the compute page's main thread; then the float64 JS loop, the memcpy floor and a
raw WebGPU read-back of the same number of bytes. The error column checks what was timed against float64 sinusoids
on 4,096 spread-out entries.

${table(rows)}
`;
}

/** @param {any} r */
function pcaSection(r) {
  const p = r.compute?.pca;
  if (!p) return '';
  return `## 4. PCA of the USE-lite table

\`loadShippedTable(fetchData, 'use-lite.f16')\` once (fetch, SHA-256 check, f16 decode: ${ms(p.loadMs)}), then per
repetition \`tf.tensor2d\` of the ${p.rows}×${p.cols} rows plus \`pca(x, ${r.plan.compute.pca.k})\` on ${p.backend}, up to the
results in JS (upload included). Explained variance of the first components: ${p.explained.map((/** @type {number} */ e) => e.toFixed(4)).join(', ')}.
Tensors left behind per call: ${p.leaked}.

${table([
  ['Figure', 'reps', 'median', 'p95', 'target'],
  [
    'pca(x, k) incl. upload',
    String(p.summary.n),
    ms(p.summary.median),
    ms(p.summary.p95),
    `≤ 1 s: ${yes(p.summary.median <= 1000)}`,
  ],
])}
`;
}

/** @param {any} r */
function typingSection(r) {
  const t = r.typing;
  if (!t) return '';
  return `## 5. Main thread while typing

${t.chars} characters typed into an empty box at ${t.cps} per second (\`#tokenizer=char&d=${t.d}&pe=sinusoidal\`, so
T grows from 1 to ${t.tokens}), one key event at a time on a wall-clock schedule, with a \`PerformanceObserver\` for
\`longtask\` on the app's main thread from the first key until the last run was painted.

${table([
  ['Figure', 'Value'],
  ['typing time (achieved rate)', `${fmt(t.typedS)} s (${fmt(t.achievedCps)} characters/s)`],
  ['input events / engine runs completed', `${t.inputs} / ${t.runs}`],
  ['long tasks (> 50 ms)', String(t.over50)],
  ['longest task', t.longTasks ? ms(t.maxLongTask) : '–'],
  ['total blocking time', ms(t.totalBlockingMs)],
  ['target: no long task > 50 ms', yes(t.over50 === 0)],
])}
${attributionTable(t)}`;
}

/** @param {any} t */
function attributionTable(t) {
  const a = t.traced?.attribution;
  if (!a) return '';
  const rows = [['Inside long tasks (traced repeat)', 'all long tasks', `the longest (${ms(a.longest.ms)})`]];
  for (const k of Object.keys(a.total)) rows.push([k, ms(a.total[k]), ms(a.longest.kinds[k] ?? 0)]);
  return `
A second session typed the same characters with a Chromium trace running (${a.tasks} tasks over 50 ms, ${ms(a.taskMs)}
in all; tracing adds some overhead). Time inside those tasks in the outermost event of each kind (kinds can nest,
e.g. a forced layout inside script):

${table(rows)}
`;
}

/** @param {any} r */
function memorySection(r) {
  const m = r.compute?.memory;
  if (!m) return '';
  return `## 6. Memory across runs

One \`Pipeline\` (as the worker holds it) on the compute page, run like keystrokes: char tokenizer, T = ${m.T}, d = ${m.d}
(small, so that ${m.runs} full runs, lab views included, fit in minutes on this machine; leaks do not depend on
size), sinusoidal, random embeddings, the text changing every run, static views cached as the client does. Readings after
the first run and after run ${m.runs}; the heap is read through the DevTools protocol after two forced GCs. One run
takes ${ms(m.run.median)} (median) here.

${table([
  ['Figure', 'after 1 run', `after ${m.runs} runs`, 'target'],
  [
    'tf.memory().numTensors',
    String(m.after1.numTensors),
    String(m.afterN.numTensors),
    `equal: ${yes(m.after1.numTensors === m.afterN.numTensors)}`,
  ],
  [
    'tf.memory().numBytes',
    String(m.after1.numBytes),
    String(m.afterN.numBytes),
    `equal: ${yes(m.after1.numBytes === m.afterN.numBytes)}`,
  ],
  [
    'JS heap used',
    mib(m.after1.heapBytes),
    mib(m.afterN.heapBytes),
    `growth < 10 MB: ${yes(m.heapGrowthMB < 10)}`,
  ],
])}
`;
}

/** @param {any} r */
function projectionSection(r) {
  const { tsne, umap } = r.compute ?? {};
  if (!tsne || !umap) return '';
  const c = r.plan.compute;
  return `## t-SNE and UMAP (issue 5)

The first ${c.tsne.n} rows of USE-lite (d = 256) on the compute page's main thread (the app runs the same code in
its worker). Setup is the k-nearest-neighbour search and affinities; then consecutive slices of 100
iterations/epochs are timed (${c.tsne.warmup} warm-up slice${c.tsne.warmup === 1 ? '' : 's'} dropped). t-SNE is Barnes–Hut (θ = 0.5, perplexity 30); its
first 250 iterations use early exaggeration. UMAP runs umap-js with n_neighbors 15, min_dist 0.1, and as many epochs
as the slices need.

${table([
  ['Method', 'points', 'setup', 'slices', 'per 100 (median)', 'per 100 (p95)'],
  [
    't-SNE (Barnes–Hut)',
    String(c.tsne.n),
    ms(tsne.setupMs),
    String(tsne.summary.n),
    ms(tsne.summary.median),
    ms(tsne.summary.p95),
  ],
  [
    'UMAP (umap-js)',
    String(c.umap.n),
    ms(umap.setupMs),
    String(umap.summary.n),
    ms(umap.summary.median),
    ms(umap.summary.p95),
  ],
])}
`;
}

/** Issue 9: time to first meaningful paint, with the build's precomputed default run and without. @param {any} r */
function firstPaintSection(r) {
  const f = r.firstPaint;
  if (!f) return '';
  const v = f.variants;
  const at = (/** @type {number} */ t) => (Number.isFinite(t) ? ms(t) : '–');
  const row = (/** @type {string} */ label, /** @type {any} */ x) => [
    label,
    String(x.paint.n),
    at(x.paint.median),
    at(x.paint.p95),
    at(x.fcp.median),
    at(x.ready.median),
    at(x.data.median),
    `${x.precomputedAtPaint} of ${x.paint.n}`,
    x.tokensAtPaint.join(', '),
  ];
  const rows = [
    [
      'variant',
      'reps',
      'three heatmaps painted: median',
      'p95',
      'first contentful paint',
      'engine ready (badge)',
      "worker's matrices in store",
      'precomputed at paint',
      'tokens at paint',
    ],
    row(`precomputed (\`${v.precomputed.url}\`)`, v.precomputed),
    row('engine (default text + a space)', v.engine),
  ];
  const timedOut = v.precomputed.timedOut + v.engine.timedOut;
  return `## 9. Time to first meaningful paint

In the built app, each load in a fresh page (a new browser context: a first visit). Time runs from navigation start
to the first rendered frame after which all three foundation heatmaps (token embeddings, positional encoding,
input) hold painted cells (their canvases are past the empty 1×1 state and their \`data-paints\` counters are ≥ 1),
observed as the first task after that frame's rAF. "precomputed" opens the default URL, whose tokens and matrices
the build computed with the engine's own code (\`virtual:first-paint\`); "engine" opens the default text plus a
trailing space: the same 12 tokens and the same work, but a spec other than the default, so the page waits for
the worker (tfjs and WebGPU start-up, then the run) as it did before issue 9. The variants alternate page by page.
"engine ready" is when the worker reported its backend; "worker's matrices in store" is when its own E, PE and X
had all arrived.${f.waitForEngine ? '' : ' In this run the precomputed pages were closed at their first paint, so they have no engine times.'}

${table(rows)}

First meaningful paint with the precomputed run: **${times(f.ratio)}** sooner than waiting for the engine
(ratio of medians, ${ms(v.engine.paint.median)} / ${ms(v.precomputed.paint.median)}).${timedOut ? ` ${timedOut} page(s) timed out.` : ''}
`;
}

/** @param {any} r */
function quickNotes(r) {
  if (r.mode !== 'quick') return '';
  const c = r.plan.compute;
  return `> **Quick (smoke) mode.** Reduced against the full run: keystrokes at T = 128 only, ${r.plan.keystroke[0].reps} reps
> (no T = 1024, d = 2048 case); PE ${c.pe.P}×${c.pe.d} with ${c.pe.reps} reps; PCA ${c.pca.reps} rep${c.pca.reps === 1 ? '' : 's'}; t-SNE/UMAP on
> ${c.tsne.n} points with ${c.tsne.slices} slices; memory over ${c.memory.runs} runs; typing ${r.plan.typing.chars}
> characters; the SVG baseline on ${r.plan.heatmap.svg.cols}×${r.plan.heatmap.svg.rows} with ${r.plan.heatmap.svg.reps} reps; no worker
> time breakdown and no traced typing session.
> Figures with fewer than 20 repetitions are indicative only; \`npm run bench\` writes the real report.

`;
}

/** @param {any} r */
export function renderReport(r) {
  const list = targets(r);
  const met = list.filter((t) => t.met).length;
  const summary = table([
    ['#', 'Measurement', 'Target', 'Result', 'Met?'],
    ...list.map((t) => [t.id, t.what, t.target, t.result, yes(t.met)]),
  ]);
  const whys = list
    .filter((t) => t.met === false && t.why)
    .map((t) => `- **${t.id}. ${t.what}:** ${t.why}`)
    .join('\n');
  const errors = [
    ...(r.compute?.errors ?? []),
    ...(r.heatmap?.errors ?? []),
    ...(r.keystroke ?? []).flatMap((/** @type {any} */ c) => c.errors),
    ...(r.typing?.errors ?? []),
    ...(r.firstPaint?.errors ?? []),
    ...Object.values(r.scale ?? {}).flatMap((/** @type {any} */ x) => x.errors ?? []),
  ];
  return `# Embedscope performance report

Generated ${r.generated} by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` in ${fmt(r.durationS)} s. Every figure
is the median and p95 of its repetitions after warm-up; comparisons were measured side by side in this run and are
given as ratios of medians. The machine is shared with other work (see the load average), and timings on it vary
by up to about 2× between runs: read the ratios before the absolute numbers.

${remeasuredNote(r)}${quickNotes(r)}## Targets

${met} of ${list.length} targets met.

${summary}
${whys ? `\nNot met, and why:\n\n${whys}\n` : ''}
## Machine and browser

${machineSection(r)}

${keystrokeSection(r)}
${heatmapSection(r)}
${peSection(r)}
${pcaSection(r)}
${typingSection(r)}
${memorySection(r)}
${projectionSection(r)}
${firstPaintSection(r)}
${scaleSection(r)}
${errors.length ? `## Page errors\n\n${errors.map((e) => `- ${e}`).join('\n')}\n` : ''}${
    r.failures?.length
      ? `## Steps that failed\n\n${r.failures.map((/** @type {any} */ f) => `- ${f.step}: ${f.message}`).join('\n')}\n`
      : ''
  }`.replace(/\n{3,}/g, '\n\n');
}
