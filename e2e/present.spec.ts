// Teaching look: the colour-map choice reaches every heatmap, and presentation mode shows only the chosen views.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SMALL = 'tokenizer=word&d=32&text=the%20quick%20brown%20fox%20jumps';

/** Pixel census of the positional-encoding heatmap's canvas once it has repainted past `after` times. */
async function census(page: Page, after: number) {
  const canvas = page.getByRole('region', { name: 'Positional encoding', exact: true }).locator('canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-paints'))).toBeGreaterThan(after);
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    let yellow = 0;
    let purple = 0;
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      if (r > g + 60 && r > b + 60) red++;
      if (r > 200 && g > 200 && b < 120) yellow++;
      if (r > 50 && b > 60 && g < 30) purple++;
    }
    return { red, yellow, purple, cells: px.length / 4, paints: Number(c.dataset.paints) };
  });
}

test('the colour map choice repaints the heatmaps with viridis or cividis, and survives a reload', async ({
  app,
  page,
}) => {
  await app.open(SMALL);
  await app.waitForShape('Positional encoding', 5, 32);
  // auto: signed values use the diverging RdBu map, so positive cells are red and none is yellow.
  const auto = await census(page, 0);
  expect(auto.red).toBeGreaterThan(auto.cells / 10);
  expect(auto.yellow).toBe(0);

  await app.field('Colour map').selectOption('cividis');
  const cividis = await census(page, auto.paints);
  expect(cividis.red).toBe(0);
  expect(cividis.yellow).toBeGreaterThan(0);
  expect(cividis.purple).toBe(0); // cividis has no purple; viridis starts there
  await expect(page).toHaveURL(/colormap=cividis/);

  await app.field('Colour map').selectOption('viridis');
  const viridis = await census(page, cividis.paints);
  expect(viridis.purple).toBeGreaterThan(0);
  expect(viridis.red).toBe(0);
  const legend = app.region('Positional encoding').getByRole('img', { name: /colour scale/ });
  await expect(legend).toHaveAttribute('aria-label', /\(dark purple\) through .* \(yellow\)/);

  await page.reload();
  await expect(app.field('Colour map')).toHaveValue('viridis');
  await app.waitForShape('Positional encoding', 5, 32);
  expect((await census(page, 0)).purple).toBeGreaterThan(0);
});

test('presentation mode shows only the chosen views of the open tab, in large type, and the choice is in the link', async ({
  app,
  page,
}) => {
  await app.open(SMALL);
  const fontSize = () => page.locator('.app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await fontSize();
  // Each view on its tab (issue #16): Explore holds the three matrices; the tokens sit in the top band.
  const explore = ['Tokens', 'Token embeddings', 'Positional encoding'];
  const elsewhere = [
    { tab: 'Project', region: 'Projection' },
    { tab: 'Train', region: 'Training' },
    { tab: 'Data', region: 'Checkpoint' },
  ] as const;
  for (const name of explore) await expect(app.region(name)).toBeVisible();
  for (const { tab, region } of elsewhere) {
    await app.tab(tab);
    await expect(app.region(region)).toBeVisible();
  }
  await app.tab('Explore');

  await page.getByRole('button', { name: 'Presentation' }).click();
  expect(await fontSize()).toBeGreaterThan(normal * 1.2);
  const show = page.getByRole('group', { name: 'Show' });
  await expect(show).toBeVisible();
  // The defaults: tokens, the three matrices and the lab.
  for (const name of explore) await expect(app.region(name)).toBeVisible();
  for (const { tab, region } of elsewhere) {
    await app.tab(tab);
    await expect(app.region(region)).toBeHidden();
  }
  await app.tab('Explore');

  await show.getByRole('checkbox', { name: 'Token embeddings' }).uncheck();
  await show.getByRole('checkbox', { name: 'Projection' }).check();
  await expect(app.region('Token embeddings')).toBeHidden();
  await app.tab('Project');
  await expect(app.region('Projection')).toBeVisible();
  await expect(page).toHaveURL(/present=1/);
  await expect(page).toHaveURL(/views=tokens%2Cpe%2Cinput%2Cprojection%2Clab/);
  await expect(page).toHaveURL(/tab=project/);

  await page.reload();
  await expect(app.region('Projection')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Show' }).getByRole('checkbox', { name: 'Projection' }),
  ).toBeChecked();
  await app.tab('Explore');
  await expect(app.region('Token embeddings')).toBeHidden();

  // Leaving presentation mode brings every view back.
  await page.getByRole('button', { name: 'Presentation' }).click();
  for (const name of explore) await expect(app.region(name)).toBeVisible();
  for (const { tab, region } of elsewhere) {
    await app.tab(tab);
    await expect(app.region(region)).toBeVisible();
  }
});
