// Side by side: two builds of the app served at once (e.g. the last landed commit and this one), measured in
// alternating rounds in one browser so that the machine's load falls on both alike. Writes the medians, p95s and
// their ratios to the file given.
//   node bench/compare-builds.mjs <label>=<dist folder> <label>=<dist folder> <out.md> [rounds]
// A build for it: `npx vite build --config bench/vite.config.ts` with BENCH_OUT_DIR=<folder> in each checkout.
import { writeFile } from 'node:fs/promises';
import { launch, machine } from './lib/browser.mjs';
import { serve } from './lib/serve.mjs';
import { summarise } from './lib/stats.mjs';
import { typingPass } from './measure/typing4.mjs';

const [a, b, out, roundsArg] = process.argv.slice(2);
if (!a || !b || !out)
  throw new Error('usage: node bench/compare-builds.mjs old=<dir> new=<dir> <out.md> [rounds]');
const builds = [a, b].map((arg, i) => {
  const [label, dir] = arg.split('=');
  return { label, dir, port: 4190 + i, latencies: /** @type {number[]} */ ([]), missed: 0 };
});
const rounds = Number(roundsArg ?? 4);
const cfg = { T: 128, d: 768, keys: 24, keysPerSecond: 4 };

const stops = await Promise.all(builds.map((x) => serve(x.dir, x.port)));
const browser = await launch();
const before = machine();
try {
  for (let r = 0; r < rounds; r++) {
    // alternate which build goes first, round by round
    for (const x of r % 2 ? [...builds].reverse() : builds) {
      const pass = await typingPass(browser, `http://127.0.0.1:${x.port}`, cfg);
      x.latencies.push(...pass.latencies);
      x.missed += pass.missed;
      const s = summarise(pass.latencies);
      console.log(`round ${r + 1} ${x.label}: median ${s.median.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms`);
    }
  }
} finally {
  await browser.close();
  await Promise.all(stops.map((s) => s()));
}
const rows = builds.map((x) => ({ ...x, s: summarise(x.latencies) }));
const [o, n] = rows;
const md = [
  `# Typing at ${cfg.keysPerSecond} keys/s, side by side`,
  '',
  `${cfg.keys} keys per pass into a ${cfg.T}-character text (char tokenizer), d = ${cfg.d}, ${rounds} alternating rounds`,
  `per build in one browser. Latency: key's input mark → first frame showing E, PE and X for that key's text or a`,
  `newer one. Command: \`node bench/compare-builds.mjs ${a} ${b} ${out} ${rounds}\`. Machine: ${JSON.stringify(before)}.`,
  '',
  '| build | keys | median | p95 | max | keys never shown |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (x) =>
      `| ${x.label} | ${x.s.n} | ${x.s.median.toFixed(0)} ms | ${x.s.p95.toFixed(0)} ms | ${x.s.max.toFixed(0)} ms | ${x.missed} |`,
  ),
  '',
  `Ratio ${n.label}/${o.label}: median ${(n.s.median / o.s.median).toFixed(2)}×, p95 ${(n.s.p95 / o.s.p95).toFixed(2)}×.`,
  '',
].join('\n');
await writeFile(out, md);
console.log(md);
