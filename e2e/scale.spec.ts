// Issue 14 at scale in the built app: a 131,072-row RoPE table drawn as an overview plus an exact detail window
// (URL key window), whose CSV at the last 64 rows matches float64 cos to 1e-6; and 8,192 tokens at d = 4,096
// drawn pooled (block means) without an error, whose PE hover reads the exact value under the pointer from the worker
// (float64 sinusoid to 1e-6). Written with the unit tests; run it with `npm run test:e2e`.
import { expect, parseCsv, test } from './fixtures.ts';

interface Hooks {
  __embedscope: { store: { get(): { busy: boolean; error: string | null; lastRun: unknown } } };
}

test.describe.configure({ timeout: 240_000 });

test('a 131,072-row RoPE table: the window CSV of the last 64 rows matches float64 cos(p·θ_i) to 1e-6', async ({
  app,
}) => {
  const N = 131_072;
  const d = 128;
  const base = 500000;
  await app.open(
    `tab=lab&text=hi&d=${d}&pe=rope&base=${base}&heads=1&positions=${N}&window=${N - 64}-${N - 1}`,
  );
  await app.waitForShape('RoPE cos table', 64, d / 2);
  const region = app.region('RoPE cos table');
  await expect(region.getByText(`Overview of all ${N.toLocaleString('en')} positions`)).toBeVisible();
  await expect(region.locator('.note')).toContainText(`rows ${N - 64}…${N - 1} of ${N}`);
  const { text } = await app.exportCsv('RoPE cos table');
  const rows = parseCsv(text);
  expect(rows[0][0]).toBe('position');
  expect(rows.length).toBe(65);
  let worst = 0;
  for (let r = 1; r <= 64; r++) {
    const p = Number(rows[r][0]);
    expect(p).toBe(N - 65 + r);
    for (let i = 0; i < d / 2; i++) {
      const theta = Math.pow(base, (-2 * i) / d);
      worst = Math.max(worst, Math.abs(Number(rows[r][1 + i]) - Math.cos(p * theta)));
    }
  }
  expect(worst).toBeLessThan(1e-6);
});

test('a window past the table is refused with a notice naming the key and the limit; the rest is kept', async ({
  app,
  page,
}) => {
  await app.open('text=hi&d=16&positions=10000&window=9990-10000');
  await expect(page.getByText(/"window".*0…9999/)).toBeVisible();
  await expect(app.field('d_model')).toHaveValue('16');
});

test('8,192 tokens at d = 4,096 are drawn (pooled to block means) without an error; hovering PE reads exact values', async ({
  app,
  page,
}) => {
  // A 128 MiB [T, d] in software WebGPU on two cores: minutes, not seconds.
  test.setTimeout(420_000);
  await app.open(`tokenizer=char&d=4096&positions=512&text=${'ab'.repeat(4096)}`);
  // 8,192 × 4,096 pools to 1,024 × 1,024 (blocks of 8 tokens × 4 dims).
  await expect(app.region('Token embeddings').locator('.shape')).toHaveText('[1024 × 1024]', {
    timeout: 300_000,
  });
  await app.waitForShape('Input (token + position)', 1024, 1024);
  await expect(app.region('Token embeddings').locator('.note')).toContainText(
    'block means of 8 tokens × 4 dims',
  );
  // The axes count tokens and dimensions, not blocks: the ticks reach 8,000 tokens and 4,000 dims.
  const ticks = (axis: string) =>
    app.region('Token embeddings').locator(`g.${axis} .tick text`).allTextContents();
  expect(await ticks('y-axis')).toContain('8000');
  expect(await ticks('x-axis')).toContain('4000');
  await page.waitForFunction(() => {
    const s = (window as unknown as Hooks).__embedscope.store.get();
    return !s.busy && s.lastRun !== null;
  });
  expect(await page.evaluate(() => (window as unknown as Hooks).__embedscope.store.get().error)).toBeNull();

  // Hovering a pooled PE cell: the block mean at once, then the worker's exact value under the pointer and the
  // block's exact range, checked against the float64 closed form PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos.
  const d = 4096;
  const pe64 = (p: number, j: number) => {
    const a = p / Math.pow(10000, (2 * Math.floor(j / 2)) / d);
    return j % 2 === 0 ? Math.sin(a) : Math.cos(a);
  };
  const canvas = app.region('Positional encoding').locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const [fx, fy] = [0.6137, 0.4021];
  await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
  const tip = app.region('Positional encoding').locator('.tooltip');
  await expect(tip).toContainText('block mean of tokens');
  await expect(tip).toContainText('exact PE[t=', { timeout: 30_000 });
  const text = (await tip.textContent()) ?? '';
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const exact = /exact PE\[t=([\d,]+) “(.*)”, j=([\d,]+)\] = (\S+)/.exec(text);
  const range =
    /block t ([\d,]+)…([\d,]+) × j ([\d,]+)…([\d,]+) \(32 values\): min (\S+) · max (\S+) · mean (\S+)/.exec(
      text,
    );
  if (!exact || !range) throw new Error(`unexpected tooltip: ${text}`);
  const [t, j, v] = [num(exact[1]), num(exact[3]), Number(exact[4])];
  const [t0, t1, j0, j1] = range.slice(1, 5).map(num);
  // The block under the pointer: pooled row ⌊fy·1,024⌋ is tokens 8r…8r+7 and pooled column ⌊fx·1,024⌋ dims 4c…4c+3
  // (give or take two cells: 1,024 rows are drawn in 340 px, and the pointer lands on whole or half pixels).
  expect([t1 - t0, j1 - j0, t0 % 8, j0 % 4]).toEqual([7, 3, 0, 0]);
  expect(Math.abs(t0 / 8 - fy * 1024)).toBeLessThan(3);
  expect(Math.abs(j0 / 4 - fx * 1024)).toBeLessThan(3);
  expect(t).toBeGreaterThanOrEqual(t0);
  expect(t).toBeLessThanOrEqual(t1);
  expect(j).toBeGreaterThanOrEqual(j0);
  expect(j).toBeLessThanOrEqual(j1);
  expect(exact[2]).toBe(t % 2 === 0 ? 'a' : 'b');
  expect(Math.abs(v - pe64(t, j))).toBeLessThan(1e-6);
  const block: number[] = [];
  for (let p = t0; p <= t1; p++) for (let k = j0; k <= j1; k++) block.push(pe64(p, k));
  expect(Math.abs(Number(range[5]) - Math.min(...block))).toBeLessThan(1e-6);
  expect(Math.abs(Number(range[6]) - Math.max(...block))).toBeLessThan(1e-6);
  expect(Math.abs(Number(range[7]) - block.reduce((a, b) => a + b, 0) / 32)).toBeLessThan(1e-6);
});
