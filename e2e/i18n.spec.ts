// Issue 16 item 3: the whole interface in 中文 and English. The default follows the browser (Playwright's en-US:
// English, so every other spec keeps its English names); the header switch, the URL key `lang` and local storage
// choose Chinese; a bad `lang` leaves a notice naming the key; axe stays clean in Chinese.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The engine's badge in either language ("Backend: webgpu" / "后端：webgpu"). */
const badge = (page: Page) => page.getByText(/^(Backend: |后端：)/);

async function openIn(page: Page, hash: string) {
  await page.goto(hash ? `/#${hash}` : '/');
  await expect(badge(page)).toBeVisible({ timeout: 30_000 });
  await expect(badge(page)).not.toContainText(/starting|启动中/);
}

const langSwitch = (page: Page) => page.getByRole('group', { name: /^(Language|语言)$/ });

test('English by default under an en-US browser; the switch turns the header and labels to Chinese', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(langSwitch(page).getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('toolbar', { name: 'Share and display' })).toBeVisible();

  // keyboard: focus the 中文 button and press Enter
  await langSwitch(page).getByRole('button', { name: '中文' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(langSwitch(page).getByRole('button', { name: '中文' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('toolbar', { name: '分享与显示' })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制链接' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '文本', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '分词器', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '词嵌入', exact: true })).toBeVisible();
  await expect(page.getByText('实时查看 Transformer 的输入层：词元 → 词嵌入 + 位置编码。')).toBeVisible();
  await expect(badge(page)).toContainText('后端：');
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('lang')).toBe('zh');

  // and back: English again, and the default is not written into the link
  await langSwitch(page).getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).not.toContain('lang=');
});

test('Chinese survives a reload, and a link without lang opens in the language chosen last', async ({
  page,
}) => {
  await openIn(page, '');
  await langSwitch(page).getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect.poll(() => new URL(page.url()).hash).toContain('lang=zh');

  await page.reload();
  await expect(badge(page)).toContainText('后端：', { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('textbox', { name: '文本', exact: true })).toBeVisible();

  // a fresh link (no hash) in the same browser: local storage remembers the choice
  await page.goto('/');
  await expect(badge(page)).toContainText('后端：', { timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: '文本', exact: true })).toBeVisible();
});

test('lang=zh in the URL opens the interface in Chinese, numbers unchanged', async ({ page }) => {
  await openIn(page, 'lang=zh&tokenizer=word&special=0&text=the%20cat%20sat');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('region', { name: '词元', exact: true })).toBeVisible();
  // "3 个词元 · 11 个字符 · 11 字节": the counts are the same numbers as in English
  await expect(page.getByTestId('token-count')).toContainText('3 个词元 · 11 个字符 · 11 字节');
  await expect(page.getByRole('region', { name: '词嵌入', exact: true }).locator('.shape')).toHaveText(
    '[3 × 64]',
    { timeout: 60_000 },
  );
});

test('a bad lang gives a notice naming the key and keeps the rest of the link', async ({ app, page }) => {
  await app.open('lang=fr&d=32');
  await expect(page.locator('.notices')).toContainText(
    'URL key "lang" = "fr" is not one of en, zh; using "en".',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.field('d_model')).toHaveValue('32');
});

test('the lessons follow the same switch, and their language button switches the whole interface', async ({
  page,
}) => {
  await openIn(page, 'lesson=1');
  const lessons = page.getByRole('region', { name: 'Lessons', exact: true });
  await expect(lessons).toBeVisible();
  await lessons.getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.getByRole('region', { name: '课程', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('textbox', { name: '文本', exact: true })).toBeVisible();
});

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
  );
}

for (const { name, hash, ready } of [
  { name: 'Lab tab', hash: 'lang=zh&tab=lab', ready: '位置编码表' },
  { name: 'RoPE', hash: 'lang=zh&tab=lab&pe=rope', ready: 'RoPE 的 cos 表' },
  { name: 'lesson 4, dark', hash: 'lang=zh&tab=lab&lesson=4&theme=dark', ready: '位置编码表' },
  { name: 'Explore tab', hash: 'lang=zh', ready: '词嵌入' },
  { name: 'Compare tab', hash: 'lang=zh&tab=compare', ready: null },
  { name: 'Project tab', hash: 'lang=zh&tab=project', ready: null },
  { name: 'Train tab', hash: 'lang=zh&tab=train', ready: null },
  { name: 'Data tab', hash: 'lang=zh&tab=data', ready: null },
]) {
  test(`axe finds no violations in Chinese: ${name}`, async ({ page }) => {
    await openIn(page, hash);
    if (ready)
      await expect(page.getByRole('region', { name: ready, exact: true })).toBeVisible({ timeout: 60_000 });
    else await expect(page.getByRole('tabpanel')).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(ready ? 500 : 3000);
    expect(await axe(page)).toEqual([]);
  });
}
