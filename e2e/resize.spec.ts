// Plots follow their panel's width: the heatmap, the line plots and the projection scatter redraw when the window
// narrows or widens (plots/width.ts caches each width from one ResizeObserver instead of measuring per draw).
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SMALL = 'tokenizer=word&d=32&text=the%20quick%20brown%20fox%20jumps';

/** The drawn SVG's width attribute and its container's width, in CSS pixels. */
async function fit(svg: Locator) {
  return svg.evaluate((el) => ({
    drawn: Number(el.getAttribute('width')),
    box: (el.parentElement as HTMLElement).getBoundingClientRect().width,
  }));
}

test('heatmaps, line plots and the scatter redraw at a new window width', async ({ app, page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await app.open(SMALL);
  await app.waitForShape('Positional encoding', 5, 32);
  const heat = app.region('Positional encoding').locator('svg.heatmap-axes');
  const lines = page.locator('.lines-wrap svg').first();
  const scatter = app.region('Projection').locator('.scatter-wrap svg').first();
  await expect(scatter).toBeVisible({ timeout: 60_000 });
  const plots = [heat, lines, scatter];
  const before = await Promise.all(plots.map(fit));
  for (const b of before) expect(Math.abs(b.drawn - b.box)).toBeLessThanOrEqual(2);

  await page.setViewportSize({ width: 700, height: 900 });
  for (const [i, plot] of plots.entries()) {
    // Each redraws to its narrower box: drawn width = container width again, and smaller than before.
    await expect
      .poll(async () => Math.abs((await fit(plot)).drawn - (await fit(plot)).box))
      .toBeLessThanOrEqual(2);
    const after = await fit(plot);
    expect(after.drawn).toBeLessThan(before[i].drawn);
  }
});
