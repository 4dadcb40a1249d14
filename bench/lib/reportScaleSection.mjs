// The report's section for issue 14 item 7 (bench/lib/reportScale.mjs has its target rows): every figure with its
// target, the traced repetitions side by side (page, engine worker, GPU process, the worker's WebGPU calls), and the
// stage-by-stage timings from the scale bench page.
import { ms, n, table, times, yes } from './reportScale.mjs';

/** Rows of a figure table: label, reps, median, p95, target. @param {[string, any, string][]} list */
const figures = (list) =>
  table([
    ['Figure', 'reps', 'median', 'p95', 'target'],
    ...list.filter(([, s]) => s).map(([label, s, target]) => [label, n(s), ms(s.median), ms(s.p95), target]),
  ]);

/** The traced repetitions side by side: where each one's time went. @param {any} s */
function breakdownTable(s) {
  /** @type {[string, any][]} */
  const cases = [
    ['14a load', s.overview?.breakdown],
    ['14b window move', s.window?.breakdown],
    ['14c Lab edit', s.run?.tabs.lab.breakdownEdit],
    ['14c′ Lab load', s.run?.tabs.lab.breakdownLoad],
    ['14e cold link', s.link?.breakdown],
  ].filter(([, b]) => b);
  if (!cases.length) return '';
  /** @type {[string, (b: any) => string][]} */
  const rows = [
    ['traced wall time', (b) => ms(b.wallMs)],
    ['worker waiting on mapAsync (device runs kernels + copies)', (b) => ms(b.mapWaitMs)],
    ['worker thread busy', (b) => ms(b.worker.busy)],
    ['… loading the worker bundle', (b) => ms(b.worker['loading the worker bundle (decode, compile)'])],
    ['… GPU channel and device set-up', (b) => ms(b.worker['GPU channel and device set-up'])],
    ['… script', (b) => ms(b.worker['script (bundle start-up, tfjs, tokenising, encoding commands)'])],
    ['GPU process main thread busy', (b) => ms(b.gpu.busy)],
    [
      '… shader compile (Tint → SPIR-V → SwiftShader)',
      (b) => ms(b.gpu['shader compile (Tint + SwiftShader pipeline creation)']),
    ],
    ['… other WebGPU commands', (b) => ms(b.gpu['other WebGPU commands (buffers, copies, submits)'])],
    ['page main thread busy', (b) => ms(b.main.busy)],
    ['… script (React, D3, drawing)', (b) => ms(b.main['script (React, D3, drawing, message handling)'])],
    ['… style and layout', (b) => ms(b.main['style and layout'])],
    ['… paint', (b) => ms(b.main.paint)],
    [
      'dispatches / submits / copies / mapAsync',
      (b) =>
        ['dispatch', 'submit', 'copyBufferToBuffer', 'mapAsync'].map((k) => b.counts?.[k] ?? 0).join(' / '),
    ],
    [
      'pipelines compiled / buffers created',
      (b) => `${b.counts?.createComputePipeline ?? 0} / ${b.counts?.createBuffer ?? 0}`,
    ],
  ];
  return `
Where the time goes, from one extra traced repetition of each (not among the timed samples): a browser-wide
Chromium trace (page, engine worker, GPU process) plus the worker's WebGPU calls, counted by wrappers prepended to
the served worker script (\`bench/measure/gpuCount.mjs\`; the app is unchanged). Thread figures are the outermost
trace events of each kind; SwiftShader runs kernels and copies on threads of its own that are not traced, so the
worker's wait on \`mapAsync\` stands for them. Tracing slows things down, so read the split, not the total.

${table([['Part', ...cases.map(([k]) => k)], ...rows.map(([label, f]) => [label, ...cases.map(([, b]) => f(b))])])}
`;
}

/** @param {any} r the report */
export function scaleSection(r) {
  const s = r.scale;
  if (!s) return '';
  const parts = [];
  const o = s.overview;
  if (o) {
    const st = o.stages?.runs;
    parts.push(`### 14a. Overview of a ${o.N.toLocaleString('en')} × ${o.d} RoPE table

\`${o.url}\`, each load in a fresh browser context, timed from navigation start to the first frame after which both
RoPE tables' overviews (cos and sin, ${o.N.toLocaleString('en')} × ${o.d / 2} each) are in the store and their overview canvases
are drawn (\`data-paints\` ≥ 1).

${figures([
  ['overview drawn', o.overview, `≤ 3 s: ${yes(o.overview.median <= 3000)}`],
  ['engine ready (backend reported)', o.ready, 'reported'],
  ['whole Lab run done', o.whole, 'reported'],
])}
${
  st
    ? `
The same overview on the scale bench page (main thread, app modules), ${o.stages.reps} rep${o.stages.reps === 1 ? '' : 's'}: \`tableOverview\`
as the app calls it ${ms(st.whole.median)}; its first chunk (${o.stages.block} rows per overview row) with tfjs's queue
submitted just before the read-back ${ms(st['chunk:submitted'].median)}; stage by stage, each waited for: cos/sin kernel
${ms(st['chunk:kernel'].median)}, block means ${ms(st['chunk:blockMean'].median)}, read-back ${ms(st['chunk:readback'].median)}.
`
    : ''
}`);
  }
  const w = s.window;
  if (w) {
    const k = w.perMove;
    parts.push(`### 14b. Moving the detail window of a ${w.N.toLocaleString('en')}-row table

\`${w.url}\` open on the Lab tab (its overview took ${ms(w.loadOverviewMs)} after load); each repetition types a new
window of ${w.rows} rows (starts spread over the table by golden-ratio steps) into the overview's from/to fields and
presses "Show window", timed from the form's submit to the first frame after which both detail canvases were redrawn
with rows from the new start. Per move the worker made ${k.dispatch?.median ?? 0} dispatches, ${k.submit?.median ?? 0}
submits and ${k.mapAsync?.median ?? 0} read-backs (waiting ${ms(k.mapWaitMs?.median ?? NaN)} on them).

${figures([['window drawn after the move', w.move, `≤ 1 s: ${yes(w.move.median <= 1000)}`]])}
`);
  }
  const run = s.run;
  if (run) {
    const t = run.tabs;
    const views = (t.lab.views ?? []).map((/** @type {any} */ v) => `${v.name} ${ms(v.ms)}`).join(', ');
    parts.push(`### 14c. Whole run at T = ${run.T}, d = ${run.d}, RoPE, ${run.positions.toLocaleString('en')} positions

\`#tab=lab&tokenizer=char&d=${run.d}&pe=rope&positions=${run.positions}&text=…\` (${run.T} characters). "Load": a fresh context, from
navigation start to the first frame after the run is done (every view of it in the store). "Edit": the last
character replaced, from the input mark to the same point; it includes the ${'300 ms'} the pipeline waits for the text to
stay quiet before the Lab's text views. The Explore tab computes E, PE and X only.

${figures([
  ['Lab, edit → whole run drawn', t.lab.edit, `≤ 2 s: ${yes(t.lab.edit.median <= 2000)}`],
  ['Lab, load → whole run drawn', t.lab.load, `≤ 2 s: ${yes(t.lab.load.median <= 2000)}`],
  ['Lab, worker run (lastRun.ms) per edit', t.lab.worker, 'reported'],
  ['Explore, edit → run drawn', t.explore.edit, 'reported'],
  ['Explore, load → run drawn', t.explore.load, 'reported'],
])}

When each Lab view reached the store after the key (medians): ${views || '–'}.
`);
  }
  const p = s.pca;
  if (p) {
    const st = p.page;
    parts.push(`### 14d. PCA of ${p.rows} × ${p.cols}

The USE-lite table (${p.rows} rows, d = ${p.cols}), k = 2, on webgpu. On the scale page, interleaved: \`pca()\` from the
rows in JS, upload included (what section 4's row measures), and from a tensor already on the device; then
\`pca()\`'s stages with the same tf calls, each kernel waited for before its read-back. In the app: the Project tab's
vocabulary PCA (\`#${p.app.hash}\`), re-requested by a hash change of \`pseed\` (same rows, gathered from the table
kept on the device) and timed to the frame after the layout reached the store; the first projection after load
(table fetched and uploaded) took ${ms(p.app.firstMs)}.

${figures([
  ['page: pca() incl. upload', st.withUpload, `≤ 1 s: ${yes(st.withUpload.median <= 1000)}`],
  ['page: pca() from the device', st.onDevice, 'reported'],
  ['… stage: centring + XcᵀXc', st['stage:covariance'], 'reported'],
  ['… stage: its read-back', st['stage:covarianceReadback'], 'reported'],
  ['… stage: float64 eigensolver', st['stage:eigen'], 'reported'],
  ['… stage: scores', st['stage:scores'], 'reported'],
  ['… stage: their read-back', st['stage:scoresReadback'], 'reported'],
  ['app: re-projection drawn', p.app.rerun, `≤ 1 s: ${yes(p.app.rerun.median <= 1000)}`],
])}
`);
  }
  const l = s.link;
  if (l) {
    const v = l.variants;
    parts.push(`### 14e. A link that is not the default view: \`${l.url}\`

Timed from navigation start to the first frame after which E, PE and X from the worker are drawn. Variants alternate
rep by rep: a freshly launched browser (nothing compiled anywhere), a fresh context in the running browser (new
worker; the GPU process is shared), and a reload of that page (the warm second load).

${figures([
  ['fresh browser', v.browser.foundation, `≤ 1.5 s: ${yes(v.browser.foundation.median <= 1500)}`],
  ['fresh context', v.context.foundation, `≤ 1.5 s: ${yes(v.context.foundation.median <= 1500)}`],
  ['reload (warm second load)', v.warm.foundation, 'reported'],
  ['fresh browser: engine ready', v.browser.ready, 'reported'],
])}
`);
  }
  const d = s.dispatch;
  if (d) {
    const keys = [
      'dispatch',
      'submit',
      'mapAsync',
      'copyBufferToBuffer',
      'writeBuffer',
      'createBuffer',
      'createComputePipeline',
    ];
    parts.push(`### 14f. WebGPU calls per keystroke (Explore tab, T = ${d.T}, d = ${d.d})

Counted in the worker (wrapped prototypes, see above) over ${d.keys} keys after ${d.warmup} warm-up, from each key to its
run drawn; "at load" is the first run after the page opened.

${table([
  ['Call', 'per key: median', 'min', 'max', 'at load'],
  ...keys.map((k) => [
    k,
    String(d.perKey[k]?.median ?? 0),
    String(d.perKey[k]?.min ?? 0),
    String(d.perKey[k]?.max ?? 0),
    String(d.load[k] ?? 0),
  ]),
])}
`);
  }
  const g = s.readback;
  if (g) {
    const x = g.runs;
    const row = (/** @type {string} */ label, /** @type {string} */ k) => [
      label,
      n(x[k]),
      ms(x[k].median),
      ms(x[k].p95),
    ];
    parts.push(`### 14g. Compute + read-back vs raw read-back of the same bytes (${(g.bytes / 2 ** 20).toFixed(0)} MiB)

On the scale page, interleaved rep by rep: each table computed by the app's scheme and read as the app reads it
(\`readOwned\` right after \`compute()\`), a raw WebGPU read-back of the same bytes on tfjs's own device (copy, submit,
mapAsync, copy out; one buffer, or two for cos and sin), the same compute + read-back with tfjs's queue submitted in
between, and the compute split into its parts. Tensors left behind: ${g.leaked}.

${table([
  ['Series', 'reps', 'median', 'p95'],
  row(`sinusoidal ${g.P} × ${g.d}: compute + read-back`, 'sinusoidal'),
  row('… raw read-back, one buffer', 'raw-sinusoidal'),
  row('… with a submit between', 'sinusoidal:submitted'),
  row('… encode / execute / read-back: encode', 'sinusoidal:encode'),
  row('… execute', 'sinusoidal:execute'),
  row('… read-back', 'sinusoidal:readback'),
  row(`RoPE cos + sin ${g.P} × ${g.d / 2}: compute + read-back`, 'rope'),
  row('… raw read-back, two buffers', 'raw-rope'),
  row('… with a submit between', 'rope:submitted'),
  row('… encode', 'rope:encode'),
  row('… execute', 'rope:execute'),
  row('… read-back', 'rope:readback'),
])}

Ratios of medians: sinusoidal ${times(g.ratios.sinusoidal)}, RoPE ${times(g.ratios.rope)} (target ≤ 1.5×).
`);
  }
  const quick =
    r.mode === 'quick'
      ? `> **Quick mode:** smaller sizes and repetitions (${Object.entries(r.plan?.scale ?? {})
          .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
          .join('; ')}); the full plan measures the sizes the issue names.\n\n`
      : '';
  const few = r.mode === 'full' ? fewNote(s) : '';
  return `## 14. Scale (issue 14, item 7)

${quick}${few}${parts.join('\n')}${breakdownTable(s)}`;
}

/** Steps measured with fewer than 20 repetitions (each result carries its plan entry). @param {any} s */
function fewNote(s) {
  const list = Object.entries(s)
    .filter(([, v]) => (v.reps ?? v.keys ?? 20) < 20 || (v.loads ?? 20) < 20 || (v.appReps ?? 20) < 20)
    .map(([k]) => k);
  return list.length
    ? `Fewer than 20 repetitions (too slow here): ${list.join(', ')}; their p95 is indicative.\n\n`
    : '';
}
