// Issue 5: the Projection panel — PCA on the device, t-SNE and UMAP streamed from the worker, linked views.
import { sinusoidalTopTwoShare } from '../src/analysis/testReference.ts';
import { expect, parseCsv, test } from './fixtures.ts';

test('PCA of sinusoidal positions shows the variance share computed independently', async ({ app }) => {
  await app.open('tab=project&d=64&base=10000&positions=256&pe=sinusoidal&proj=positions&method=pca');
  const region = app.region('Projection');
  const explained = region.getByTestId('explained');
  await expect(explained).toContainText('together', { timeout: 60_000 });
  const shown = Number(/together ([\d.]+)%/.exec((await explained.textContent()) ?? '')?.[1]);
  const expected = 100 * sinusoidalTopTwoShare(256, 64, 10000);
  expect(Math.abs(shown - expected)).toBeLessThan(0.01);
  const rows = parseCsv((await app.exportCsv('Projection')).text);
  expect(rows[0]).toEqual(['index', 'x', 'y', 'label']);
  expect(rows.slice(1)).toHaveLength(256);
  await expect(region.getByText('PCs vs position')).toBeVisible();
});

for (const method of ['tsne', 'umap']) {
  test(`${method} on the text's tokens streams to done and exports one row per token`, async ({ app }) => {
    const text = 'the cat sat on the mat and the dog sat on the log';
    await app.open(`tab=project&proj=tokens&method=${method}&iters=100&text=${encodeURIComponent(text)}`);
    const status = app.region('Projection').getByTestId('projection-status');
    await expect(status).toContainText('done', { timeout: 90_000 });
    await expect(status).toContainText('iteration 100 of 100');
    const rows = parseCsv((await app.exportCsv('Projection')).text).slice(1);
    expect(rows.map((r) => r[3])).toEqual(text.split(' '));
  });
}

test('moving through the points by keyboard highlights the same token everywhere', async ({ app, page }) => {
  await app.open('tab=project&proj=tokens&method=pca&text=' + encodeURIComponent('alpha beta gamma delta'));
  const region = app.region('Projection');
  await expect(region.getByTestId('projection-status')).toContainText('done', { timeout: 60_000 });
  const plot = region.locator('.scatter-wrap [tabindex="0"]').first();
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // point 1 is the token at position 1: its chip and its heatmap row light up
  await expect(page.locator('.chip.hover')).toContainText('beta');
  // The heatmaps live on the Explore tab (issue #16); the token strip in the top band is what shares the screen
  // with the projection. The selection (below) is what carries across tabs.
});

test('brushing points selects their tokens everywhere: chips and a band beside every heatmap', async ({
  app,
  page,
}) => {
  await app.open('tab=project&proj=tokens&method=pca&text=' + encodeURIComponent('alpha beta gamma delta'));
  const region = app.region('Projection');
  await expect(region.getByTestId('projection-status')).toContainText('done', { timeout: 60_000 });
  await region.getByRole('button', { name: 'Select' }).click();
  const box = await region.locator('.scatter-wrap [tabindex="0"]').first().boundingBox();
  if (!box) throw new Error('no scatter surface');
  // A rectangle over the whole plot takes every point.
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 4 });
  await page.mouse.up();
  await expect(page.locator('.chip.selected')).toHaveCount(4);
  // The heatmaps are on the Explore tab; the selection is part of the view, so it is there too.
  await app.tab('Explore');
  for (const name of ['Token embeddings', 'Positional encoding', 'Input (token + position)']) {
    // Four consecutive rows make one band covering the whole plot height.
    const band = app.region(name).locator('rect.row-selected');
    await expect(band).toHaveCount(1);
    const canvas = await app.region(name).locator('canvas').boundingBox();
    const b = await band.boundingBox();
    expect(Math.abs((b?.height ?? 0) - (canvas?.height ?? 0))).toBeLessThan(1.5);
  }
  // The selection is in the link, so a copied link or a reload shows it again.
  await expect(page).toHaveURL(/sel=0-3/);
  await expect(page).not.toHaveURL(/tab=/); // Explore is the default tab, left out of the link
  await page.reload();
  await expect(page.locator('.chip.selected')).toHaveCount(4);
  await expect(app.region('Token embeddings').locator('rect.row-selected')).toHaveCount(1);
});
