// Side by side: the bench's one-keystroke step (bench/measure/app.mjs keystrokes: a key after the worker went
// idle → the three foundation heatmaps repainted) on two builds served at once, in alternating rounds in one
// browser. Prints medians, p95s and their ratios.
//   node bench/compare-keystroke.mjs <label>=<dist folder> <label>=<dist folder> [rounds]
import { launch } from './lib/browser.mjs';
import { serve } from './lib/serve.mjs';
import { summarise } from './lib/stats.mjs';
import { keystrokes } from './measure/app.mjs';

const [a, b, roundsArg] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/compare-keystroke.mjs old=<dir> new=<dir> [rounds]');
const builds = [a, b].map((arg, i) => {
  const [label, dir] = arg.split('=');
  return {
    label,
    dir,
    port: 4192 + i,
    latency: /** @type {number[]} */ ([]),
    worker: /** @type {number[]} */ ([]),
  };
});
const rounds = Number(roundsArg ?? 2);
const cases = [{ T: 128, d: 768, reps: 10, warmup: 2 }];
const stops = await Promise.all(builds.map((x) => serve(x.dir, x.port)));
const browser = await launch();
try {
  for (let r = 0; r < rounds; r++) {
    for (const x of r % 2 ? [...builds].reverse() : builds) {
      const [res] = await keystrokes(browser, `http://127.0.0.1:${x.port}`, cases, (s) =>
        console.log(`${x.label}${s}`),
      );
      x.latency.push(...res.samples);
      x.worker.push(res.worker.median);
    }
  }
} finally {
  await browser.close();
  await Promise.all(stops.map((s) => s()));
}
const [o, n] = builds.map((x) => ({ ...x, s: summarise(x.latency) }));
for (const x of [o, n])
  console.log(`${x.label}: ${x.s.n} keys, median ${x.s.median.toFixed(1)} ms, p95 ${x.s.p95.toFixed(1)} ms`);
console.log(
  `ratio ${n.label}/${o.label}: median ${(n.s.median / o.s.median).toFixed(2)}×, p95 ${(n.s.p95 / o.s.p95).toFixed(2)}×`,
);
