// Issue 16: the workspace — tabs by keyboard (WAI-ARIA tabs pattern), the browser's Back returning to the
// previous tab, the Compare tab opened by URL with one column per scheme, and the open tab surviving a reload.
import { expect, test } from './fixtures.ts';

const SMALL = 'tokenizer=word&d=16&positions=64&text=the%20cat%20sat';

test('the tabs work by keyboard: arrows move and open, Home and End jump, focus follows', async ({
  app,
  page,
}) => {
  await app.open(SMALL);
  const tabs = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
  await expect(tabs).toHaveText(['Explore', 'Lab', 'Compare', 'Project', 'Train', 'Data']);
  await expect(app.tabButton('Explore')).toHaveAttribute('aria-selected', 'true');
  // only the selected tab is in the tab order
  await expect(app.tabButton('Explore')).toHaveAttribute('tabindex', '0');
  await expect(app.tabButton('Lab')).toHaveAttribute('tabindex', '-1');
  await app.tabButton('Explore').focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.tabButton('Lab')).toBeFocused();
  await expect(app.tabButton('Lab')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Lab' })).toBeVisible();
  await expect(app.region('Attention without position')).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/tab=lab/);
  await page.keyboard.press('End');
  await expect(app.tabButton('Data')).toBeFocused();
  await expect(app.region('Checkpoint')).toBeVisible();
  await page.keyboard.press('ArrowRight'); // wraps to the first
  await expect(app.tabButton('Explore')).toBeFocused();
  await expect(app.region('Positional encoding')).toBeVisible();
  await page.keyboard.press('ArrowLeft'); // wraps to the last
  await expect(app.tabButton('Data')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(app.tabButton('Explore')).toHaveAttribute('aria-selected', 'true');
  // a hidden tab's views are not in the page (neither computed nor drawn)
  await expect(app.region('Attention without position')).toHaveCount(0);
});

test("the browser's Back button returns to the previous tab, and Forward goes again", async ({
  app,
  page,
}) => {
  await app.open(SMALL);
  await app.tab('Lab');
  await app.tab('Data');
  await page.goBack();
  await expect(app.tabButton('Lab')).toHaveAttribute('aria-selected', 'true');
  await expect(app.region('Attention without position')).toBeVisible({ timeout: 60_000 });
  await page.goBack();
  await expect(app.tabButton('Explore')).toHaveAttribute('aria-selected', 'true');
  await expect(app.text).toHaveValue('the cat sat'); // the rest of the state is kept
  await page.goForward();
  await expect(app.tabButton('Lab')).toHaveAttribute('aria-selected', 'true');
});

test('compare by URL: three schemes give three columns with the same views, a learned one says its table', async ({
  app,
  page,
}) => {
  await app.open(`${SMALL}&tab=compare&compare=sinusoidal,rope:yarn,learned`);
  const region = app.region('Compare');
  const columns = region.locator('.compare-column');
  await expect(columns).toHaveCount(3, { timeout: 60_000 });
  await expect(columns.locator('h3')).toHaveText(['sinusoidal', 'rope:yarn', 'learned']);
  for (let i = 0; i < 3; i++) {
    // one heatmap (position similarity) and four line plots (profile, score, PCA path, past n) per column
    await expect(columns.nth(i).locator('.heatmap canvas')).toHaveCount(1);
    await expect(columns.nth(i).locator('.lines-wrap svg.lines')).toHaveCount(4);
  }
  await expect(columns.nth(2)).toContainText('untrained init');
  // RoPE's score depends only on the offset; the sinusoid's Gram matrix too (sin/cos pairs)
  await expect(columns.nth(1)).toContainText('✓ depends only on the offset');
  await expect(page.getByRole('textbox', { name: /^Schemes/ })).toHaveValue('sinusoidal,rope:yarn,learned');
});

test('a bad compare list leaves a notice naming the key and keeps the rest of the state', async ({
  app,
  page,
}) => {
  await app.open(`${SMALL}&tab=compare&compare=sinusoidal,bogus,sinusoidal,rope,alibi`);
  await expect(page.locator('.notices .notice').filter({ hasText: 'URL key "compare"' })).toHaveCount(1);
  await expect(app.text).toHaveValue('the cat sat');
  await expect(app.tabButton('Compare')).toHaveAttribute('aria-selected', 'true');
  await expect(app.region('Compare').locator('.compare-column')).toHaveCount(4, { timeout: 60_000 });
});

test('the open tab and the compared schemes survive a reload', async ({ app, page }) => {
  await app.open(SMALL);
  await app.tab('Compare');
  const input = page.getByRole('textbox', { name: /^Schemes/ });
  await input.fill('alibi,t5');
  await expect(page).toHaveURL(/compare=alibi%2Ct5/);
  await expect(app.region('Compare').locator('.compare-column')).toHaveCount(2, { timeout: 60_000 });
  await page.reload();
  await expect(app.tabButton('Compare')).toHaveAttribute('aria-selected', 'true');
  await expect(app.region('Compare').locator('.compare-column h3')).toHaveText(['alibi', 't5'], {
    timeout: 60_000,
  });
});

test('at 1440×900 the default Explore tab, in either language, fits in two screens', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const lang of ['en', 'zh']) {
    await page.goto(`/#lang=${lang}`);
    // E, PE and X have all been drawn (X is last in the panel order), so the page has its full height
    for (const i of [0, 1, 2])
      await expect(page.getByRole('tabpanel').locator('.shape').nth(i)).toHaveText('[12 × 64]', {
        timeout: 60_000,
      });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `page height in ${lang}`).toBeLessThanOrEqual(2 * 900);
  }
});
