import { expect, test } from '@playwright/test';
import { deepHiddenPage, deepPage, HEAVY_PAGE_TOP_TEXT, wideEmptyPage } from '../fixtures/pages/heavy/heavy-pages';
import { type E2eBrowser, getSidePanelView, launchE2eBuild, saveWithMenu } from './pages/e2e-build';

/**
 * Pages built to hurt, in a real Chromium: Shelf's related-articles script runs on them (the e2e
 * build grants 127.0.0.1), and "Save" reads them. Both must finish or give up within their
 * budgets (README, "Heavy pages"; the time they take is measured by `npm run bench`, not here)
 * and leave the tab working: a saved copy, or a clear refusal, never a crashed tab.
 */
let browser: E2eBrowser;

test.beforeEach(async () => {
  browser = await launchE2eBuild();
});
test.afterEach(async () => {
  await browser?.close();
});

for (const [label, html] of [
  ['nested 100,000 levels deep', () => deepPage(100_000)],
  ['of a million empty elements', () => wideEmptyPage(1_000_000)],
  // Cloning copies these too: Save crashed the tab until they were counted.
  ['nested 25,000 levels deep in a template', () => deepHiddenPage(25_000, 'template')],
  ['nested 25,000 levels deep in a closed, clonable shadow root', () => deepHiddenPage(25_000, 'shadow root')],
] as const) {
  test(`a page ${label}: the script and "Save" finish, the tab keeps working`, async () => {
    test.setTimeout(600_000); // the browser itself takes a minute or more to load these on a busy machine
    const url = await browser.servePage(`/heavy/${label.replace(/\W+/g, '-')}.html`, html);
    const page = await browser.context.newPage();
    const crashes: string[] = [];
    page.on('crash', () => crashes.push('the tab crashed'));
    await page.goto(url, { timeout: 300_000 });
    await expect(page).toHaveTitle(/./);
    await page.waitForTimeout(1000); // Shelf's script reads the page meanwhile (within its budget)
    expect(await page.evaluate(() => 1)).toBe(1);
    expect(await browser.worker.evaluate(() => 1)).toBe(1);

    await saveWithMenu(browser.worker, url);
    await expect
      .poll(() => getSidePanelView(browser.worker), { timeout: 180_000 })
      .toMatchObject({ kind: expect.stringMatching(/^(reader|message)$/) });
    const view = await getSidePanelView(browser.worker);
    expect(await page.evaluate(() => 1)).toBe(1); // the tab still answers
    expect(crashes).toEqual([]);

    // A saved copy says what it kept; a refusal says why.
    if (view?.kind === 'reader') {
      const reader = await browser.openExtensionPage(`sidepanel.html?reader=${encodeURIComponent(view.itemId ?? '')}`);
      await expect(reader.getByRole('article').first()).toContainText(HEAVY_PAGE_TOP_TEXT);
      await expect(reader.getByText(/This page is (very|too) large/)).toBeVisible();
    } else {
      expect(view?.text).toMatch(/\w+/);
    }
  });
}
