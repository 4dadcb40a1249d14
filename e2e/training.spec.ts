// Issue 6: training in the browser — the loss falls, snapshots reach every view, Pause stops, Save loads back.
import { expect, test } from './fixtures.ts';

test('training learned positions on the reverse task: the loss falls, the lab shows the table, Save loads back', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await app.open('tab=train&text=ab');
  const t = app.region('Training');
  await t.getByRole('spinbutton', { name: 'steps', exact: true }).fill('50');
  await t.getByRole('spinbutton', { name: 'snapshot every', exact: true }).fill('10');
  await t.getByRole('checkbox', { name: 'none', exact: true }).uncheck();
  await t.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
  await t.getByRole('button', { name: 'Train', exact: true }).click();
  const row = t.getByRole('row', { name: /^learned/ });
  await expect(row.getByRole('cell').first()).toHaveText('50', { timeout: 180_000 });
  // reverse over 16 letters starts at ln 16 ≈ 2.77 nats; 50 steps must bring the held-out loss well below
  await expect(row.getByRole('cell').nth(2)).not.toHaveText('–');
  expect(Number(await row.getByRole('cell').nth(2).textContent())).toBeLessThan(Math.log(16) - 0.3);

  // the snapshot became the learned scheme of every view: context 16 × d 32
  await expect(app.field('Positional encoding')).toHaveValue('learned');
  await app.tab('Lab');
  await app.waitForShape('Positional encoding table', 16, 32);
  await app.tab('Train'); // the Training panel stayed mounted: its results are still there
  await expect(row.getByRole('cell').first()).toHaveText('50');

  // Save → the checkpoint loader reads it back and proposes its position table
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    t.getByRole('button', { name: 'Save trained weights (.safetensors)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('embedscope-learned.safetensors');
  await app.tab('Data');
  await page.getByLabel('Load checkpoint').setInputFiles((await download.path()) as string);
  await expect(app.field('Position table')).toHaveValue('wpe.weight', { timeout: 30_000 });
  await expect(app.text).toHaveValue('ab');
});

test('Pause stops the steps and Resume continues, on the WebGPU backend', async ({ app }) => {
  test.setTimeout(240_000);
  await app.open('tab=train&text=ab');
  const t = app.region('Training');
  await t.getByRole('checkbox', { name: 'none', exact: true }).uncheck();
  await t.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await t.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(t).toContainText('trainer on webgpu', { timeout: 60_000 });
  const step = t
    .getByRole('row', { name: /^learned/ })
    .getByRole('cell')
    .first();
  await expect(step).not.toHaveText('0', { timeout: 180_000 });
  await t.getByRole('button', { name: 'Pause' }).click();
  await expect(t.getByRole('button', { name: 'Resume' })).toBeEnabled({ timeout: 30_000 });
  const paused = await step.textContent();
  await app.page.waitForTimeout(3000);
  expect(await step.textContent()).toBe(paused);
  await t.getByRole('button', { name: 'Resume' }).click();
  await expect(step).not.toHaveText(paused ?? '', { timeout: 120_000 });
});
