// Issue 9: axe reports no violations on every view, in both themes, on a projector and on a phone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const VIEWS: Array<{ name: string; hash: string; ready: string }> = [
  { name: 'default (sinusoidal)', hash: 'tab=lab', ready: 'Positional encoding table' },
  { name: 'RoPE', hash: 'tab=lab&pe=rope', ready: 'RoPE cos table' },
  { name: 'ALiBi', hash: 'tab=lab&pe=alibi&heads=4', ready: 'ALiBi slopes' },
  { name: 'T5', hash: 'tab=lab&pe=t5&heads=2', ready: 'T5 buckets' },
  { name: 'dark theme', hash: 'tab=lab&theme=dark', ready: 'Positional encoding table' },
  { name: 'tokens projection', hash: 'tab=project&proj=tokens&method=pca', ready: 'Projection' },
  {
    name: 'presentation mode, cividis, dark',
    hash: 'tab=lab&present=1&views=tokens,pe,lab&colormap=cividis&theme=dark',
    ready: 'Positional encoding table',
  },
  { name: 'lesson 4', hash: 'tab=lab&lesson=4', ready: 'Positional encoding table' },
  // Issue 16: every tab of the workspace.
  { name: 'Explore tab', hash: 'tab=explore', ready: 'Input (token + position)' },
  { name: 'Compare tab', hash: 'tab=compare&compare=sinusoidal,rope,alibi,learned', ready: 'Compare' },
  { name: 'Train tab', hash: 'tab=train', ready: 'Training' },
  { name: 'Data tab', hash: 'tab=data', ready: 'Checkpoint' },
];

async function axe(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
  );
}

for (const { name, hash, ready } of VIEWS) {
  test(`axe finds no violations: ${name}`, async ({ app, page }) => {
    await app.open(hash);
    await expect(app.region(ready)).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(500);
    expect(await axe(page)).toEqual([]);
  });
}

test('axe finds no violations on a 390×844 phone, where the views stack', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open();
  await app.waitForShape('Token embeddings', 12, 64);
  expect(await axe(page)).toEqual([]);
  // stacked: no horizontal scrolling of the page
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('every control is reachable by keyboard, with a visible focus ring', async ({ app, page }) => {
  await app.open();
  await app.waitForShape('Token embeddings', 12, 64);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        label: el.getAttribute('aria-label') ?? el.textContent ?? el.tagName,
        outline: style.outlineStyle,
      };
    });
    if (info) {
      seen.add(info.label.trim());
      expect(info.outline, `focus ring on ${info.label}`).not.toBe('none');
    }
  }
  expect(seen.size).toBeGreaterThan(15);
});
