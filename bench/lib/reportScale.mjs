// The report's rows and section for issue 14 item 7 (bench/measure/scale.mjs, scaleCompute.mjs): targets met or
// not, and for every figure the traced repetition's split across the page, its engine worker and the GPU process,
// plus the stage-by-stage timings from the scale bench page, so a missed target says where its time went.
import { fmt } from './stats.mjs';

export const ms = (/** @type {number} */ v) => `${fmt(v)} ms`;
export const times = (/** @type {number} */ v) => `${fmt(v)}×`;
export const yes = (/** @type {boolean | null} */ ok) =>
  ok === null ? 'n/a' : ok ? '**met**' : '**not met**';
const mp = (/** @type {any} */ s) => `median ${ms(s.median)}, p95 ${ms(s.p95)}`;
export const n = (/** @type {any} */ s) => `${s.n}`;

/** @param {string[][]} rows first row is the header */
export function table(rows) {
  const [head, ...body] = rows;
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** One sentence on where a traced repetition's time went. @param {any} b */
function traceWhy(b) {
  if (!b) return '';
  const c = b.counts ?? {};
  const compile = b.gpu['shader compile (Tint + SwiftShader pipeline creation)'];
  return (
    `In a traced repetition (${ms(b.wallMs)} traced): the worker waited ${ms(b.mapWaitMs)} on mapAsync (the device ` +
    `running its ${c.dispatch ?? 0} dispatches and ${c.copyBufferToBuffer ?? 0} copies in ${c.submit ?? 0} submits; ` +
    `SwiftShader's own threads are not traced), the GPU process spent ${ms(compile)} compiling ` +
    `${c.createComputePipeline ?? 0} pipelines, the worker's thread was busy ${ms(b.worker.busy)} and the page's main ` +
    `thread ${ms(b.main.busy)} (script ${ms(b.main['script (React, D3, drawing, message handling)'])}, ` +
    `style and layout ${ms(b.main['style and layout'])}, paint ${ms(b.main.paint)}).`
  );
}

/** @param {any} r the report */
export function scaleTargets(r) {
  const s = r.scale;
  /** @type {{ id: string, what: string, target: string, result: string, met: boolean | null, why?: string }[]} */
  const out = [];
  if (!s) return out;
  const add = (
    /** @type {string} */ id,
    /** @type {string} */ what,
    /** @type {string} */ target,
    /** @type {string} */ result,
    /** @type {boolean | null} */ met,
    /** @type {string | undefined} */ why,
  ) => out.push({ id, what, target, result, met, why: met === false ? why : undefined });
  const o = s.overview;
  if (o) {
    const st = o.stages?.runs;
    add(
      '14a',
      `Overview of a ${o.N.toLocaleString('en')} × ${o.d} RoPE table drawn after the URL loads (fresh page)`,
      '≤ 3 s (median)',
      mp(o.overview),
      o.overview.median <= 3000,
      traceWhy(o.breakdown) +
        (st
          ? ` On the scale page the same overview (bigTable.ts tableOverview) takes ${ms(st.whole.median)}; its first ` +
            `chunk with tfjs's queue submitted (pass ended) just before the read-back takes ${ms(st['chunk:submitted'].median)}, ` +
            `and stage by stage, each waited for, ${ms(st['chunk:kernel'].median)} (cos/sin kernel) + ` +
            `${ms(st['chunk:blockMean'].median)} (block means) + ${ms(st['chunk:readback'].median)} (read-back).`
          : ''),
    );
  }
  const w = s.window;
  if (w)
    add(
      '14b',
      `${w.N.toLocaleString('en')}-row table: detail window (${w.rows} rows) drawn after it moves`,
      '≤ 1 s (median)',
      mp(w.move),
      w.move.median <= 1000,
      traceWhy(w.breakdown),
    );
  const run = s.run;
  if (run) {
    const lab = run.tabs.lab;
    // The views whose matrices arrived longest after the one before them (the run posts them in order).
    const v = lab.views ?? [];
    const gaps = v
      .map((/** @type {any} */ x, /** @type {number} */ i) => ({ ...x, gap: x.ms - (i ? v[i - 1].ms : 0) }))
      .sort((/** @type {any} */ a, /** @type {any} */ b) => b.gap - a.gap)
      .slice(0, 2);
    const why =
      traceWhy(lab.breakdownEdit) +
      (gaps.length
        ? ` Of the views, ${gaps.map((/** @type {any} */ x) => `${x.name} arrived ${ms(x.gap)} after the view before it`).join(' and ')} ` +
          `(medians; the last, ${v[v.length - 1].name}, at ${ms(v[v.length - 1].ms)} after the key).`
        : '');
    add(
      '14c',
      `Whole run, Lab tab, edit: T = ${run.T} (char), d = ${run.d}, RoPE, ${run.positions.toLocaleString('en')} positions`,
      '≤ 2 s (median)',
      mp(lab.edit),
      lab.edit.median <= 2000,
      why,
    );
    add(
      '14c′',
      'The same whole run after a fresh load of its URL (Lab tab)',
      '≤ 2 s (median)',
      mp(lab.load),
      lab.load.median <= 2000,
      traceWhy(lab.breakdownLoad),
    );
  }
  const p = s.pca;
  if (p) {
    const st = p.page;
    const stages = [
      'stage:covariance',
      'stage:covarianceReadback',
      'stage:eigen',
      'stage:scores',
      'stage:scoresReadback',
    ]
      .map((k) => st[k]?.median ?? 0)
      .reduce((a, b) => a + b, 0);
    const why =
      `pca()'s stages run one by one, each kernel waited for before its read-back, take ${ms(stages)} in all ` +
      `of pca()'s ${ms(st.onDevice.median)}: centring and XcᵀXc ${ms(st['stage:covariance'].median)}, its read-back ` +
      `${ms(st['stage:covarianceReadback'].median)}, eigensolver ${ms(st['stage:eigen'].median)}, scores ` +
      `${ms(st['stage:scores'].median)}, their read-back ${ms(st['stage:scoresReadback'].median)}. The time is the ` +
      `XcᵀXc product (${p.rows} · ${p.cols}² multiply-adds) on SwiftShader's CPU emulation of the GPU.`;
    add(
      '14d',
      `PCA (k = 2) of ${p.rows} × ${p.cols}, pca() incl. upload, scale page`,
      '≤ 1 s (median)',
      mp(st.withUpload),
      st.withUpload.median <= 1000,
      why,
    );
    add(
      '14d′',
      `The same PCA in the app: Project tab, vocabulary (all ${p.app.n.join(', ')} rows), re-projected`,
      '≤ 1 s (median)',
      mp(p.app.rerun),
      p.app.rerun.median <= 1000,
      `The worker runs the same pca() on the 8002 rows it gathers from the table kept on the device: ${why}`,
    );
  }
  const l = s.link;
  if (l) {
    const v = l.variants;
    add(
      '14e',
      `\`${l.url}\`: E, PE and X drawn after load, freshly launched browser`,
      '≤ 1.5 s (median)',
      mp(v.browser.foundation),
      v.browser.foundation.median <= 1500,
      traceWhy(l.breakdown),
    );
    add(
      '14e′',
      'The same link in a fresh context of a running browser',
      '≤ 1.5 s (median)',
      mp(v.context.foundation),
      v.context.foundation.median <= 1500,
      traceWhy(l.breakdown),
    );
  }
  const d = s.dispatch;
  if (d) {
    const k = d.perKey;
    add(
      '14f',
      `WebGPU calls per keystroke, Explore tab, T = ${d.T}, d = ${d.d}`,
      '≤ 3 dispatches (one fused program each for E, PE, X)',
      `${k.dispatch?.median ?? 0} dispatches, ${k.submit?.median ?? 0} submits, ${k.mapAsync?.median ?? 0} read-backs`,
      (k.dispatch?.median ?? Infinity) <= 3,
      'More than one dispatch per foundation view: see the traced key in the section below.',
    );
  }
  const tr = s.training;
  if (tr) {
    const rates = Object.entries(tr.schemes).map(([k, v]) => /** @type {[string, any]} */ ([k, v]));
    const worst = Math.min(...rates.map(([, v]) => v.overall));
    add(
      '14h',
      `Training's default config in the browser, backend "auto" (kept ${tr.backend?.name ?? '?'}): steps/s per scheme over ${fmt(tr.seconds)} s`,
      '≥ 6 steps/s per scheme',
      rates.map(([k, v]) => `${k} ${fmt(v.overall)} (panel ${fmt(v.reported)})`).join(', '),
      worst >= 6,
      'auto kept a slow backend: ' +
        (tr.backend?.trials ?? [])
          .map(
            (/** @type {any} */ t) =>
              `${t.backend} ${t.stepsPerSecond === null ? 'failed' : fmt(t.stepsPerSecond)}`,
          )
          .join(', '),
    );
  }
  const g = s.readback;
  if (g)
    for (const [name, label] of [
      ['sinusoidal', `sinusoidal ${g.P} × ${g.d}`],
      ['rope', `RoPE cos|sin ${g.P} × ${g.d} (one table, cos left, sin right)`],
    ]) {
      const x = g.runs;
      add(
        name === 'sinusoidal' ? '14g' : '14g′',
        `Compute + read-back vs raw read-back of the same bytes, ${label}`,
        '≤ 1.5×',
        `${times(g.ratios[name])} (${ms(x[name].median)} vs ${ms(x[`raw-${name}`].median)})`,
        g.ratios[name] <= 1.5,
        `Split (medians): encoding ${ms(x[`${name}:encode`].median)}, execution ${ms(x[`${name}:execute`].median)}, ` +
          `read-back ${ms(x[`${name}:readback`].median)}; with tfjs's queue submitted between compute() and the read the ` +
          `same work takes ${ms(x[`${name}:submitted`].median)} (${times(x[`${name}:submitted`].median / x[`raw-${name}`].median)} the raw read-back).`,
      );
    }
  return out;
}
