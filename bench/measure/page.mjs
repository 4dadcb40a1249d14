// Opening a bench page and calling into window.bench, with the page's console errors kept for the report.
/** @typedef {import('playwright').Browser} Browser */
/** @typedef {import('playwright').Page} Page */

/**
 * Opens `path` under `base` in a fresh 1280×800 page and waits for window.benchReady (bench pages) or for
 * `ready` (a function evaluated in the page) to be true.
 * @param {Browser} browser
 * @param {string} url
 * @param {string} [ready] expression that becomes truthy when the page is ready
 */
export async function open(browser, url, ready = 'window.benchReady === true') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { timeout: 900_000, polling: 250 });
  return { page, errors };
}

/**
 * Calls window.bench[name](args) in the page.
 * @param {Page} page
 * @param {string} name
 * @param {unknown} [args]
 */
export function call(page, name, args) {
  return page.evaluate(
    ([n, a]) => /** @type {any} */ (window).bench[/** @type {string} */ (n)](a),
    /** @type {const} */ ([name, args]),
  );
}
