// Page object for the explorer, shared by the e2e specs.
import { expect, test as base, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The tabs' labels; their URL values are the lower-case words (explore, lab, compare, project, train, data). */
export type TabLabel = 'Explore' | 'Lab' | 'Compare' | 'Project' | 'Train' | 'Data';

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

  /**
   * A titled region. Since the workspace has tabs (issue #16), only the open tab's regions are in the page: open
   * the tab first (`tab=lab` in the hash, or tab('Lab')). Regions of the top band (Tokens, Lessons) are always
   * there. Which tab holds which region: TAB_OF below.
   */
  region(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** A tab below the top band, by its label (Explore, Lab, Compare, Project, Train, Data). */
  tabButton(name: TabLabel) {
    return this.page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true });
  }

  /** Opens a tab by clicking it and waits until it is the selected one. */
  async tab(name: TabLabel): Promise<void> {
    await this.tabButton(name).click();
    await expect(this.tabButton(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Waits until a matrix panel shows a matrix of the given shape. */
  async waitForShape(region: string, rows: number, cols: number): Promise<void> {
    await expect(this.region(region).locator('.shape')).toHaveText(`[${rows} × ${cols}]`, {
      timeout: 60_000,
    });
  }

  /** Downloads this page has made: Chromium lets a page make 10, then drops further ones silently. */
  private downloads = 0;

  /** Clicks a region's "Export CSV" and returns the downloaded file's name and text. */
  async exportCsv(region: string): Promise<{ name: string; text: string }> {
    if (this.downloads === 10) {
      // A reload (same link, same state) gives the page a fresh allowance; the region comes back with the run.
      await this.page.reload();
      await expect(this.badge).not.toContainText('starting', { timeout: 30_000 });
      await expect(this.region(region).getByRole('button', { name: 'Export CSV' })).toBeEnabled({
        timeout: 60_000,
      });
      this.downloads = 0;
    }
    this.downloads += 1;
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
