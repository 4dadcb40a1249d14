// Issue 14 at scale in the built app: a 131,072-row RoPE table drawn as an overview plus an exact detail window
// (URL key window), whose CSV at the last 64 rows matches float64 cos to 1e-6; and 8,192 tokens at d = 4,096
// drawn pooled (block means) without an error. Written with the unit tests; run it with `npm run test:e2e`.
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

test('8,192 tokens at d = 4,096 are drawn (pooled to block means) without an error', async ({
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
  await page.waitForFunction(() => {
    const s = (window as unknown as Hooks).__embedscope.store.get();
    return !s.busy && s.lastRun !== null;
  });
  expect(await page.evaluate(() => (window as unknown as Hooks).__embedscope.store.get().error)).toBeNull();
});
