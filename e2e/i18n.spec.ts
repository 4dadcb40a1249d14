// Issue 16 item 3: the whole interface in 中文 and English. The default follows the browser (Playwright's en-US:
// English, so every other spec keeps its English names); the header switch, the URL key `lang` and local storage
// choose Chinese; a bad `lang` leaves a notice naming the key; axe stays clean in Chinese.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { englishRuns, visibleTexts } from './english.ts';

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

/** A run has finished (the header's "上次计算 … 毫秒") and nothing is computing. */
async function settled(page: Page) {
  await expect(page.locator('.run-status').last()).toContainText('上次计算', { timeout: 120_000 });
}

/** The Chinese interface in one state: what must be on screen before its text is read. */
const ZH_STATES: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'Explore', hash: 'lang=zh', ready: settled },
  { name: 'Lab, sinusoidal', hash: 'lang=zh&tab=lab', ready: settled },
  {
    name: 'Lab, RoPE YaRN over 8,192 positions',
    hash: 'lang=zh&tab=lab&pe=rope&rope_type=yarn&positions=8192&original_context=2048',
    ready: settled,
  },
  { name: 'Lab, ALiBi', hash: 'lang=zh&tab=lab&pe=alibi&heads=4', ready: settled },
  { name: 'Lab, T5', hash: 'lang=zh&tab=lab&pe=t5&heads=2', ready: settled },
  { name: 'Lab, a failing pitfall', hash: 'lang=zh&tab=lab&pe=pitfall-linear', ready: settled },
  {
    name: 'Compare',
    hash: 'lang=zh&tab=compare&compare=sinusoidal,rope:yarn,alibi,learned',
    ready: (page) =>
      expect(page.locator('.compare-column .heatmap canvas')).toHaveCount(4, { timeout: 90_000 }),
  },
  {
    name: 'Project',
    hash: 'lang=zh&tab=project',
    ready: (page) => expect(page.getByTestId('projection-status')).toContainText('完成', { timeout: 90_000 }),
  },
  {
    name: 'Train',
    hash: 'lang=zh&tab=train',
    ready: (page) => expect(page.getByText(/^训练运行在/)).toBeVisible({ timeout: 90_000 }),
  },
  { name: 'Data', hash: 'lang=zh&tab=data', ready: settled },
  { name: 'lesson 6 (RoPE and ALiBi, on the Lab tab)', hash: 'lang=zh&lesson=6', ready: settled },
  {
    name: 'a link with bad values (URL notices)',
    hash: 'lang=zh&d=7&heads=1000&positions=2000000&pe=bogus&compare=rope,bogus&window=5-1',
    ready: settled,
  },
  {
    name: 'a worker error (no trained table yet)',
    hash: 'lang=zh&tab=lab&pe=learned&ckpt_pos=@trained',
    ready: (page) => expect(page.locator('.notices').getByRole('alert')).toBeVisible({ timeout: 60_000 }),
  },
];

test('no English sentence is left in the Chinese interface, on any tab or in any message', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const found: string[] = [];
  const scan = async (name: string) => {
    for (const text of englishRuns(await visibleTexts(page))) found.push(`${name}: ${text}`);
  };
  for (const { name, hash, ready } of ZH_STATES) {
    await page.goto('about:blank'); // a fresh page: a hash change alone would keep the last state's notices
    await openIn(page, hash);
    await ready(page);
    await scan(name);
  }
  // Values typed into the controls that the protocol refuses: the alert is the validator's message.
  await openIn(page, 'lang=zh&tab=lab');
  await settled(page);
  const alert = page.locator('.notices').getByRole('alert');
  await page.getByRole('spinbutton', { name: 'd_model', exact: true }).fill('7');
  await expect(alert).toBeVisible();
  await scan('d_model = 7 typed');
  await page.getByRole('spinbutton', { name: 'd_model', exact: true }).fill('64');
  await expect(alert).toHaveCount(0);
  await page.getByRole('spinbutton', { name: '最大位置数', exact: true }).fill('2000000');
  await expect(alert).toBeVisible();
  await scan('positions = 2,000,000 typed');
  expect(found).toEqual([]);
  // The message is data: switching the language re-renders it where it stands, with no new run.
  await expect(alert).toHaveText('最大位置数必须是 1 到 1048576 之间的整数（当前为 2000000）。');
  await langSwitch(page).getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveText('positions must be an integer from 1 to 1048576 (got 2000000).');
});

test('a lesson step opens the tab its views are on: steps 4–6 and 8 the Lab, steps 1–3 and 7 Explore', async ({
  app,
  page,
}) => {
  await app.open('lesson=4');
  await expect(app.tabButton('Lab')).toHaveAttribute('aria-selected', 'true');
  await expect(app.region('Positional encoding table')).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/tab=lab/);
  const lessons = app.region('Lessons');
  await lessons.getByRole('button', { name: '← Back', exact: true }).click(); // step 3
  await expect(app.tabButton('Explore')).toHaveAttribute('aria-selected', 'true');
  await app.tab('Data');
  await lessons.getByRole('button', { name: 'Next →', exact: true }).click(); // step 4 again: its setup applies
  await expect(app.tabButton('Lab')).toHaveAttribute('aria-selected', 'true');
});

test('the scan for English finds a sentence and passes allowed names, code and formulas', () => {
  expect(englishRuns(['must be an even integer from 2 to 8192'])).toHaveLength(1);
  expect(englishRuns(['位置编码（RoPE、ALiBi、t-SNE）', 'd_model 必须是偶数', 'rope:yarn · 64 维'])).toEqual(
    [],
  );
  expect(englishRuns(['GPT-2 的 BERT 与 PCA 比较', '出自 Vaswani et al. 2017 的公式'])).toEqual([]);
  expect(englishRuns(['不是 sinusoidal, learned, rope 中的一个'])).toEqual([]);
  expect(englishRuns(['Rows, for each scheme: position similarity'])).toHaveLength(1);
});
