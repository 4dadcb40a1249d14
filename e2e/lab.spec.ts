import { expect, parseCsv, test } from './fixtures.ts';

const SCHEMES: Array<{ pe: string; hash: string; regions: string[] }> = [
  {
    pe: 'sinusoidal',
    hash: 'base=10000&layout=interleaved',
    regions: [
      'Positional encoding table',
      'Position similarity',
      'Curves',
      'Wavelength ladder',
      'Offset profile',
    ],
  },
  { pe: 'learned', hash: '', regions: ['Positional encoding table', 'Position similarity'] },
  {
    pe: 'rope',
    hash: 'base=500000&layout=half',
    regions: [
      'RoPE cos table',
      'RoPE sin table',
      'q before rotation',
      'q after rotation',
      'RoPE scores',
      'RoPE frequencies',
      'RoPE wavelengths vs original context',
      'RoPE q·k against offset',
      'RoPE angles: extended vs training',
    ],
  },
  { pe: 'alibi', hash: 'heads=12', regions: ['ALiBi slopes', 'ALiBi bias, head 0'] },
  {
    pe: 't5',
    hash: 'heads=4&buckets=32&maxdist=128&bidirectional=0',
    regions: ['T5 buckets', 'T5 bias, head 0'],
  },
  { pe: 'none', hash: '', regions: ['Positional encoding table'] },
  { pe: 'pitfall-linear', hash: '', regions: ['Positional encoding table'] },
  { pe: 'pitfall-scalar', hash: '', regions: ['Positional encoding table'] },
];

for (const { pe, hash, regions } of SCHEMES) {
  test(`the ${pe} scheme is selectable by URL and every matrix view exports CSV`, async ({ app }) => {
    test.setTimeout(180_000); // RoPE has 13 views to export, each a download
    await app.open(`tab=lab&text=the%20cat%20sat&d=16&positions=64&pe=${pe}&${hash}`);
    await expect(app.field('Positional encoding')).toHaveValue(pe);
    await app.waitForShape('Attention without position', 3, 3);
    for (const name of regions) await expect(app.region(name)).toBeVisible();
    // Export once the run is done: a panel replaced mid-click by a late matrix may swallow the download.
    await app.page.waitForFunction(
      () =>
        !(
          window as unknown as { __embedscope: { store: { get(): { busy: boolean } } } }
        ).__embedscope.store.get().busy,
    );
    for (const name of ['Attention without position', 'Attention output', ...regions]) {
      const button = app.region(name).getByRole('button', { name: 'Export CSV' });
      if ((await button.count()) === 0) continue;
      const { name: file, text } = await app.exportCsv(name);
      expect(file).toMatch(/\.csv$/);
      const rows = parseCsv(text);
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    }
  });
}

test('ALiBi slopes for 12 heads follow get_slopes', async ({ app }) => {
  await app.open('tab=lab&pe=alibi&heads=12&d=16&text=a%20b');
  const { text } = await app.exportCsv('ALiBi slopes');
  const rows = parseCsv(text).slice(1);
  const want = [1, 2, 3, 4, 5, 6, 7, 8, 0.5, 1.5, 2.5, 3.5].map((e) => 2 ** -e);
  expect(rows.map((r) => r[0])).toEqual(want.map((_, h) => String(h)));
  rows.forEach((r, h) => expect(Number(r[1])).toBeCloseTo(want[h], 7));
});

test('T5 buckets match the T5 formula for every token pair', async ({ app }) => {
  await app.open('tab=lab&pe=t5&d=16&bidirectional=1&text=' + 'w%20'.repeat(40));
  await app.waitForShape('T5 buckets', 40, 40);
  const rows = parseCsv((await app.exportCsv('T5 buckets')).text).slice(1);
  // Independent reference: T5's _relative_position_bucket, bidirectional, 32 buckets, max_distance 128.
  const bucket = (rel: number) => {
    let nb = 16;
    let ret = rel > 0 ? nb : 0;
    const n = Math.abs(rel);
    nb = 16;
    const exact = 8;
    if (n < exact) return ret + n;
    ret += Math.min(nb - 1, exact + Math.floor((Math.log(n / exact) / Math.log(128 / exact)) * (nb - exact)));
    return ret;
  };
  rows.forEach((r, i) => r.slice(1).forEach((v, j) => expect(Number(v)).toBe(bucket(j - i))));
});

test('sinusoidal and RoPE tables are right to 1e-4 at positions up to 8191', async ({ app }) => {
  test.setTimeout(180_000);
  const d = 128;
  // 8,192 rows is over the 4,096-row detail limit: the first window holds 0…4095, window=4096-8191 the rest.
  // Each exported row starts with its position.
  const rowsOf = async (hash: string, region: string, cols: number, start: number) => {
    await app.open(`tab=lab&d=${d}&positions=8192&text=x&${hash}`);
    await app.waitForShape(region, 4096, cols);
    let csv: string[][] = [];
    // The window's rows arrive after the run that names the scheme: export until the first row is `start`.
    await expect
      .poll(async () => {
        csv = parseCsv((await app.exportCsv(region)).text).slice(1);
        return Number(csv[0]?.[0]);
      })
      .toBe(start);
    return new Map(csv.map((r) => [Number(r[0]), r.slice(1).map(Number)]));
  };
  const sin = new Map([
    ...(await rowsOf('pe=sinusoidal', 'Positional encoding table', d, 0)),
    ...(await rowsOf('pe=sinusoidal&window=4096-8191', 'Positional encoding table', d, 4096)),
  ]);
  const cos = new Map([
    ...(await rowsOf('pe=rope', 'RoPE cos table', d / 2, 0)),
    ...(await rowsOf('pe=rope&window=4096-8191', 'RoPE cos table', d / 2, 4096)),
  ]);
  let worst = 0;
  for (const p of [0, 1, 511, 4095, 4096, 8191]) {
    const [s, c] = [sin.get(p), cos.get(p)];
    expect(s, `position ${p}`).toBeDefined();
    expect(c, `position ${p}`).toBeDefined();
    for (let i = 0; i < d / 2; i++) {
      const angle = p * Math.pow(10000, (-2 * i) / d);
      worst = Math.max(worst, Math.abs((s?.[2 * i] ?? NaN) - Math.sin(angle)));
      worst = Math.max(worst, Math.abs((s?.[2 * i + 1] ?? NaN) - Math.cos(angle)));
      worst = Math.max(worst, Math.abs((c?.[i] ?? NaN) - Math.cos(angle)));
    }
  }
  expect(worst).toBeLessThan(1e-4);
});

test('the invariants panel passes sinusoidal and fails both pitfalls', async ({ app, page }) => {
  const verdicts = async () => page.getByTestId('check').locator('.verdict').allTextContents();
  await app.open('tab=lab&pe=sinusoidal&d=64&text=a');
  await expect(page.getByTestId('check')).toHaveCount(4);
  expect(await verdicts()).toEqual(['pass', 'pass', 'pass', 'pass']);
  await app.open('tab=lab&pe=pitfall-linear&d=64&text=a');
  await expect(page.getByText('This formula fails.')).toBeVisible();
  await expect.poll(verdicts).toContain('fail');
  await app.open('tab=lab&pe=pitfall-scalar&d=64&text=a');
  await expect(page.getByText('This formula fails.')).toBeVisible();
  await expect.poll(verdicts).toContain('fail');
  await app.open('tab=lab&pe=rope&d=64&text=a%20b%20c');
  await expect.poll(verdicts).toEqual(['pass', 'pass']);
});

test('the offset profile marks k = 5 at d = 64', async ({ app }) => {
  await app.open('tab=lab&pe=sinusoidal&d=64&text=a');
  await expect(app.region('Offset profile')).toContainText('stops decreasing at k = 5');
});

test('every lab view is readable at 1280×800 (screenshots)', async ({ app, page }, info) => {
  for (const pe of ['sinusoidal', 'rope', 'alibi', 't5', 'pitfall-linear']) {
    await app.open(`tab=lab&pe=${pe}&d=64`);
    // this scheme's own preview, not the previous scheme's still on screen while the text views are computed
    await app.waitForShape(`Attention with ${pe}`, 12, 12);
    await page.screenshot({ path: info.outputPath(`lab-${pe}.png`), fullPage: true });
  }
});
