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
  // Each plot on its tab (issue #16): the heatmap on Explore, line plots on Lab, the scatter on Project.
  const heat = app.region('Positional encoding').locator('svg.heatmap-axes');
  const lines = page.locator('.lines-wrap svg').first();
  const scatter = app.region('Projection').locator('.scatter-wrap svg').first();
  const plots = [
    { tab: 'Explore', plot: heat },
    { tab: 'Lab', plot: lines },
    { tab: 'Project', plot: scatter },
  ] as const;
  const before: Array<{ drawn: number; box: number }> = [];
  for (const { tab, plot } of plots) {
    await app.tab(tab);
    await expect(plot).toBeVisible({ timeout: 60_000 });
    const b = await fit(plot);
    expect(Math.abs(b.drawn - b.box)).toBeLessThanOrEqual(2);
    before.push(b);
  }

  // The Project tab is open: its scatter redraws in place; the others draw at the new width when opened.
  await page.setViewportSize({ width: 700, height: 900 });
  for (const [i, { tab, plot }] of [...plots.entries()].reverse()) {
    await app.tab(tab);
    // Each redraws to its narrower box: drawn width = container width again, and smaller than before.
    await expect
      .poll(async () => Math.abs((await fit(plot)).drawn - (await fit(plot)).box))
      .toBeLessThanOrEqual(2);
    const after = await fit(plot);
    expect(after.drawn).toBeLessThan(before[i].drawn);
  }
});
