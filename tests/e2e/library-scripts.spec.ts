import { expect, test } from '@playwright/test';
import { startFixtureServer } from './fixture-server';
import { type E2eBrowser, launchE2eBuild } from './pages/e2e-build';
import { popupPage, savePagesWithPopup } from './pages/popup';
import { openSelectedAtPassage } from './pages/side-panel';

/**
 * Saved pages in other scripts (#17's one search over everything kept): a Russian page is found by
 * its words, and a Chinese one, written without spaces, by a word inside a long run of text; Enter
 * opens the reader at the passage, which must stay short enough for the reader's view to take.
 * The two pages are Shelf's own fixtures (tests/fixtures/pages/scripts).
 */
let browser: E2eBrowser;

test.afterEach(async () => {
  await browser?.close();
});

test('saved pages in Russian and Chinese are found by their words, and Enter opens the reader at the passage', async () => {
  browser = await launchE2eBuild();
  const { context, extensionId } = browser;
  const server = await startFixtureServer('tests/fixtures/pages/scripts');
  try {
    await savePagesWithPopup(
      context,
      () => browser.openExtensionPage('popup.html'),
      ['ru.html', 'zh.html'].map((name) => `${server.origin}/${name}`),
    );
  } finally {
    await server.close();
  }

  const popup = popupPage(await browser.openExtensionPage('popup.html'));
  await popup.search('гуманитарные конвои');
  await expect(popup.firstResult).toContainText('Saved page');
  await expect(popup.firstResult).toContainText('Помощь доходит до лагерей');
  await expect(popup.firstResult).toContainText('гуманитарные конвои');

  await popup.search('台风');
  await expect(popup.firstResult).toContainText('Saved page');
  await expect(popup.firstResult).toContainText('海边小镇的一天');
  await expect(popup.firstResult).toContainText('台风');
  await openSelectedAtPassage(popup.searchBox, context, extensionId, '台风突然来了');
});
