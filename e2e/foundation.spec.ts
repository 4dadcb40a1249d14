import { expect, parseCsv, test } from './fixtures.ts';

test('the worker reports the webgpu backend and its adapter', async ({ app }) => {
  await app.open();
  await expect(app.badge).toContainText('Backend: webgpu');
  await expect(app.badge).toContainText('swiftshader');
});

test('typing changes the token strip and all three heatmaps', async ({ app, page }) => {
  await app.open('text=the%20cat&d=16');
  const chips = app.region('Tokens').locator('.chip');
  await expect(chips).toHaveCount(2);
  await app.waitForShape('Input (token + position)', 2, 16);
  await app.text.fill('the cat sat on the zyzzyva');
  await expect(chips).toHaveCount(6);
  await expect(chips.nth(5)).toContainText('[UNK]');
  await expect(chips.nth(5)).toContainText('zyzzyva');
  for (const name of ['Token embeddings', 'Positional encoding', 'Input (token + position)']) {
    await app.waitForShape(name, 6, 16);
  }
  await expect(page).toHaveURL(/text=the\+cat\+sat\+on\+the\+zyzzyva/);
});

test('the exported positional encoding matches float64 sinusoids to 1e-4', async ({ app }) => {
  const d = 128;
  const text = 'abcdefghij'.repeat(60); // 600 character tokens
  await app.open(`tokenizer=char&d=${d}&text=${text}`);
  await app.waitForShape('Positional encoding', 600, d);
  const { name, text: csv } = await app.exportCsv('Positional encoding');
  expect(name).toBe('positional-encoding.csv');
  const rows = parseCsv(csv);
  expect(rows[0]).toEqual(['row', ...Array.from({ length: d }, (_, j) => String(j))]);
  let worst = 0;
  for (let p = 0; p < 512; p++) {
    const row = rows[p + 1];
    for (let i = 0; i < d / 2; i++) {
      const angle = p / Math.pow(10000, (2 * i) / d);
      worst = Math.max(worst, Math.abs(Number(row[1 + 2 * i]) - Math.sin(angle)));
      worst = Math.max(worst, Math.abs(Number(row[2 + 2 * i]) - Math.cos(angle)));
    }
  }
  expect(worst).toBeLessThan(1e-4);
});

test('the token CSV gives ids and UTF-16 spans', async ({ app }) => {
  await app.open('text=Hi%2C%20cat!');
  const { name, text } = await app.exportCsv('Tokens');
  expect(name).toBe('tokens.csv');
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(['position', 'id', 'token', 'start', 'end', 'byte_start', 'byte_end']);
  expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
    ['0', 'hi', '0', '2'],
    ['1', ',', '2', '3'],
    ['2', 'cat', '4', '7'],
    ['3', '!', '7', '8'],
  ]);
});

test('a URL hash reproduces the view and survives a reload', async ({ app, page }) => {
  const hash = 'text=one%20two%20three&tokenizer=char&d=32&pe=none&seed=7&base=500';
  await app.open(hash);
  await expect(app.field('Tokenizer')).toHaveValue('char');
  await expect(app.field('d_model')).toHaveValue('32');
  await expect(app.field('seed')).toHaveValue('7');
  await expect(app.field('Positional encoding')).toHaveValue('none');
  await app.waitForShape('Positional encoding', 13, 32);
  const url = page.url();
  await page.reload();
  await app.waitForShape('Positional encoding', 13, 32);
  expect(page.url()).toBe(url);
  const { text } = await app.exportCsv('Positional encoding');
  const values = parseCsv(text)
    .slice(1)
    .flatMap((r) => r.slice(1).map(Number));
  expect(values.every((v) => v === 0)).toBe(true);
});

test('invalid URL values fall back to defaults with a visible notice', async ({ app, page }) => {
  await app.open('text=hello&d=7&pe=bogus&tokenizer=klingon');
  await expect(page.getByText(/URL key "d" = "7" must be an even integer from 2 to 8192/)).toBeVisible();
  await expect(page.getByText(/URL key "pe" = "bogus"/)).toBeVisible();
  await expect(app.field('d_model')).toHaveValue('64');
  await expect(app.text).toHaveValue('hello');
});

test('a bad d_model typed in the controls is explained and the text is kept', async ({ app, page }) => {
  await app.open('text=keep%20me');
  await app.field('d_model').fill('7');
  await expect(page.getByRole('alert')).toContainText('d_model must be an even integer from 2 to 8192');
  await expect(app.text).toHaveValue('keep me');
});

test('hovering a heatmap cell reads out its row, position, dimension and value', async ({ app, page }) => {
  await app.open('text=the%20cat&d=8');
  await app.waitForShape('Positional encoding', 2, 8);
  const canvas = app.region('Positional encoding').locator('canvas');
  await canvas.scrollIntoViewIfNeeded(); // the mouse only reaches what is inside the viewport
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  // Row 1 (second of two), dimension 1 (second of eight): PE[1, 1] = cos(1).
  await page.mouse.move(box.x + (1.5 / 8) * box.width, box.y + 0.75 * box.height);
  await expect(app.region('Positional encoding').locator('.tooltip')).toHaveText(
    `“cat” · position 1 · dim 1 · ${Math.cos(1).toFixed(4)}`,
  );
});

test('a crashed worker is restarted, re-runs and keeps the text', async ({ app, page }) => {
  await app.open('text=survive%20this&d=16');
  await app.waitForShape('Input (token + position)', 2, 16);
  await page.evaluate(() => (window as unknown as { __embedscope: { crash(): void } }).__embedscope.crash());
  await expect(page.getByText(/The engine stopped .* and was restarted; your input was kept/)).toBeVisible();
  await expect(app.badge).toContainText('Backend: webgpu');
  await expect(app.text).toHaveValue('survive this');
  await app.waitForShape('Input (token + position)', 2, 16);
});

test('the page renders readable heatmaps (screenshot)', async ({ app, page }, info) => {
  await app.open();
  await app.waitForShape('Input (token + position)', 12, 64);
  await page.screenshot({ path: info.outputPath('explorer.png'), fullPage: true });
});
