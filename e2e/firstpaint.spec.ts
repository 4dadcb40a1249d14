// First paint (issue 9): the default run's tokens and matrices are precomputed at build time and shown before the
// engine is ready. The engine worker's script is held back here, so the page has only the build's numbers.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PANELS = ['Token embeddings', 'Positional encoding', 'Input (token + position)'];
const DEFAULT_TOKENS = ['the', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'the', 'mat', 'was', 'warm', '.'];

/** Holds the engine worker's script until the returned function is called (the page stays engine-less). */
async function holdEngine(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/engine\.worker[^/]*\.js(\?|$)/, async (route) => {
    await gate;
    await route.continue().catch(() => {}); // the page may be gone when a test ends early
  });
  return release;
}

/** Opaque cells in a panel's heatmap canvas (0 when it has none yet; never waits for one). */
function paintedCells(page: Page, panel: string): Promise<number> {
  return page
    .getByRole('region', { name: panel, exact: true })
    .locator('canvas')
    .evaluateAll((canvases: HTMLCanvasElement[]) => {
      const c = canvases[0];
      const px = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      return px ? px.filter((v, i) => i % 4 === 3 && v === 255).length : 0;
    });
}

const precomputed = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __embedscope: { store: { get(): { precomputed: boolean } } } }
      ).__embedscope.store.get().precomputed,
  );

test('the default page shows the precomputed tokens and three heatmaps before the engine is ready', async ({
  app,
  page,
}) => {
  const release = await holdEngine(page);
  await page.goto('/');
  const chips = app.region('Tokens').locator('.chip-text');
  await expect(chips).toHaveText(DEFAULT_TOKENS);
  for (const name of PANELS) {
    await expect(app.region(name).locator('.shape')).toHaveText('[12 × 64]');
    await expect.poll(() => paintedCells(page, name)).toBe(12 * 64);
  }
  await expect(page.getByText('Backend: starting…')).toBeVisible();
  expect(await precomputed(page)).toBe(true);

  // The engine starts: its own messages replace the precomputed ones, and the mark clears.
  release();
  await expect(app.badge).toContainText('Backend: webgpu', { timeout: 60_000 });
  await expect.poll(() => precomputed(page), { timeout: 60_000 }).toBe(false);
  await expect(chips).toHaveText(DEFAULT_TOKENS);
  for (const name of PANELS) await expect.poll(() => paintedCells(page, name)).toBe(12 * 64);
});

test('a link with other text never shows the precomputed matrices', async ({ app, page }) => {
  const release = await holdEngine(page);
  await page.goto('/#text=hello');
  await expect(page.getByText('Backend: starting…')).toBeVisible();
  // give the page time to paint whatever it would paint without the engine
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  expect(await precomputed(page)).toBe(false);
  await expect(app.region('Tokens').locator('.chip')).toHaveCount(0);
  for (const name of PANELS) {
    await expect(app.region(name).locator('.shape')).toHaveText('computing…');
    expect(await paintedCells(page, name)).toBe(0);
  }
  release();
  await expect(app.region('Tokens').locator('.chip-text')).toHaveText(['hello'], { timeout: 60_000 });
  await app.waitForShape('Input (token + position)', 1, 64);
});

test('editing the text before the engine is ready drops the precomputed views at once', async ({
  app,
  page,
}) => {
  const release = await holdEngine(page);
  await page.goto('/');
  await expect(app.region('Tokens').locator('.chip-text')).toHaveText(DEFAULT_TOKENS);
  await app.text.fill('a different text');
  await expect(app.region('Tokens').locator('.chip')).toHaveCount(0);
  for (const name of PANELS) await expect(app.region(name).locator('.shape')).toHaveText('computing…');
  expect(await precomputed(page)).toBe(false);
  release();
  await expect(app.region('Tokens').locator('.chip-text')).toHaveText(['a', 'different', 'text'], {
    timeout: 60_000,
  });
});
