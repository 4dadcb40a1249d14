// Every model preset opens by its link (#model=…): the header names it, the controls show it, and the views of
// its position scheme render. The RoPE frequencies export is the CSV (header and one row per pair).
import { MODELS, getModel } from '../src/models/registry.ts';
import type { EncodingName } from '../src/protocol/specs.ts';
import { expect, parseCsv, test } from './fixtures.ts';

/** A view each scheme's presets must show. */
const VIEW_OF: Partial<Record<EncodingName, string>> = {
  rope: 'RoPE frequencies',
  learned: 'Positional encoding table',
  alibi: 'ALiBi slopes',
  t5: 'T5 buckets',
};

for (const name of MODELS) {
  test(`#model=${name} names the model in the header and renders its views`, async ({ app, page }) => {
    const m = getModel(name);
    await app.open(`tab=lab&model=${name}&text=the%20cat%20sat`);
    const badge = page.getByTestId('model-badge');
    await expect(badge).toContainText(`Model: ${m.label}`);
    await expect(badge).toHaveAttribute('title', new RegExp(m.hf.replace(/[.]/g, '\\.')));
    await expect(app.field('Model')).toHaveValue(name);
    await expect(app.field('Positional encoding')).toHaveValue(m.pe);
    // 3 words, plus whatever special tokens the preset's tokenizer adds ([CLS]/[SEP], <bos>). The attention
    // preview runs at d ≤ 2048 only (issue 14): wider presets show their scheme's views without it.
    if (m.d <= 2048)
      await expect(app.region('Attention without position').locator('.shape')).toHaveText(
        /^\[[3-5] × [3-5]\]$/,
        {
          timeout: 60_000,
        },
      );
    const view = VIEW_OF[m.pe];
    if (view) await expect(app.region(view)).toBeVisible({ timeout: 60_000 });
  });
}

test('Llama 3.1 8B: the RoPE frequencies CSV has the issue’s header and 64 pairs, 29 kept, 29 interpolated', async ({
  app,
}) => {
  await app.open('tab=lab&model=llama-3.1-8b&text=a%20b');
  await app.waitForShape('RoPE frequencies', 64, 6);
  const rows = parseCsv((await app.exportCsv('RoPE frequencies')).text).filter((r) => r.length > 1);
  expect(rows[0].join(',')).toBe('pair,inv_freq,scaled_inv_freq,wavelength,scaled_wavelength,region');
  const regions = rows.slice(1).map((r) => r[5]);
  expect(regions).toHaveLength(64);
  expect(regions.filter((r) => r === 'kept')).toHaveLength(29);
  expect(regions.filter((r) => r === 'interpolated')).toHaveLength(29);
  expect(regions.filter((r) => r === 'ramped')).toHaveLength(6);
});

test('Gemma 3 shows both bases, and the local-layer button switches the views to base 10,000', async ({
  app,
  page,
}) => {
  await app.open('tab=lab&model=gemma-3-4b&text=a%20b');
  const badge = page.getByTestId('model-badge');
  await expect(badge.getByRole('button', { name: /global layers: base 1,000,000, linear ×8/ })).toBeVisible();
  await badge.getByRole('button', { name: /local sliding-window layers: base 10,000/ }).click();
  await expect(app.field('base')).toHaveValue('10000');
  await expect(page).toHaveURL(/base=10000/);
});

test('an unknown model leaves a notice naming the key', async ({ app, page }) => {
  await app.open('tab=lab&model=gpt-5');
  await expect(page.getByText(/URL key "model" = "gpt-5" is not a known model/)).toBeVisible();
});
