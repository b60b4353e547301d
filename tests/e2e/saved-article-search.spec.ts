import { expect, test } from '@playwright/test';
import { routeBlogToFixtures } from './fixtures';
import { type E2eBrowser, launchE2eBuild } from './pages/e2e-build';
import { popupPage, savePagesWithPopup } from './pages/popup';
import { openSelectedAtPassage } from './pages/side-panel';

/**
 * A saved blog article found only by words of its saved copy (not of what the blog says of it) is
 * listed once, as the article, and behaves as any saved copy the search found: its row shows the
 * passage that matched, and Enter opens the reader there rather than the website (QA pass, #17).
 */
let browser: E2eBrowser;

test.setTimeout(180_000);

test.beforeEach(async () => {
  browser = await launchE2eBuild();
  await routeBlogToFixtures(browser.context, browser.origin);
});

test.afterEach(async () => {
  await browser?.close();
});

test('a saved blog article found in its saved copy shows the passage and opens the reader there', async () => {
  const { context, extensionId } = browser;
  const openPopupPage = () => browser.openExtensionPage('popup.html');
  await savePagesWithPopup(context, openPopupPage, [
    'https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart',
  ]);

  const popup = popupPage(await openPopupPage());
  const phrase = 'connection pools refill together';
  await popup.search(phrase);
  await expect(popup.firstResult).toContainText('Thundering Herd');
  await expect(popup.firstResult).toContainText('Matched saved text');
  // The passage that matched, its words marked, in place of the blog's summary.
  await expect(popup.firstResult).toContainText(phrase);
  await expect(popup.firstResult.locator('mark').first()).toBeVisible();
  await expect(popup.results.filter({ hasText: 'Thundering Herd' })).toHaveCount(1);
  // Enter opens the saved copy in the side panel's reader, at the passage, focused.
  await openSelectedAtPassage(popup.searchBox, context, extensionId, phrase);
});
