// Page object for the explorer, shared by the e2e specs.
import { expect, test as base, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export class Explorer {
  constructor(readonly page: Page) {}

  /** Opens the app with a URL hash (without '#') and waits for the engine's first answer. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(hash ? `/#${hash}` : '/');
    await expect(this.badge).toContainText('Backend: ', { timeout: 30_000 });
    await expect(this.badge).not.toContainText('starting');
  }

  get badge() {
    return this.page.getByText(/^Backend: /);
  }

  get text() {
    return this.page.getByRole('textbox', { name: 'Text', exact: true });
  }

  /** A control by its label: spinbutton, combobox or checkbox. */
  field(name: string) {
    return this.page
      .getByRole('spinbutton', { name, exact: true })
      .or(this.page.getByRole('combobox', { name, exact: true }));
  }

  region(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Waits until a matrix panel shows a matrix of the given shape. */
  async waitForShape(region: string, rows: number, cols: number): Promise<void> {
    await expect(this.region(region).locator('.shape')).toHaveText(`[${rows} × ${cols}]`, {
      timeout: 60_000,
    });
  }

  /** Clicks a region's "Export CSV" and returns the downloaded file's name and text. */
  async exportCsv(region: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.region(region).getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}

/** Minimal RFC 4180 reader for the exported CSVs (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

export const test = base.extend<{ app: Explorer }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(new Explorer(page));
    expect(errors, 'uncaught page errors').toEqual([]);
  },
});
export { expect };
