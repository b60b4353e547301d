import { expect, test } from '@playwright/test';
import { textHeavyPage } from '../fixtures/pages/heavy/heavy-pages';
import { type E2eBrowser, launchE2eBuild, saveWithMenu } from './pages/e2e-build';

/**
 * The service worker stopped while it saved a page (an update, a crash, the browser reclaiming it):
 * nothing is half-written, and the user is told in words they can act on. Before, the popup showed
 * Chrome's own "message channel closed" wording, and after "Save to Shelf" the side panel said nothing.
 */
let browser: E2eBrowser;
test.beforeEach(async () => {
  test.setTimeout(300_000); // a 20 MB page served, opened and read: minutes on a busy machine
  browser = await launchE2eBuild();
});
test.afterEach(async () => browser.close());

async function stopWorker() {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function openHeavyPage(): Promise<string> {
  const url = await browser.servePage('/heavy/text.html', () => textHeavyPage(20));
  const page = await browser.context.newPage();
  await page.goto(url, { timeout: 120_000 });
  return url;
}

test('stopped during "Save this page", the popup says the page was not saved, in plain words', async () => {
  await openHeavyPage();
  const popup = await browser.openExtensionPage('popup.html');
  await popup.getByRole('button', { name: /Save this page/ }).click();
  await popup.waitForTimeout(300); // the tab is being read (a 20 MB page takes seconds)
  await stopWorker();
  const alert = popup.getByRole('alert');
  await expect(alert).toContainText('Shelf stopped before it finished', { timeout: 60_000 });
  await expect(alert).not.toContainText(/message channel|listener indicated/);
});

test('stopped during "Save to Shelf", the side panel says so once it opens', async () => {
  const url = await openHeavyPage();
  await saveWithMenu(browser.worker, url);
  await browser.context.pages()[0]?.waitForTimeout(300);
  await stopWorker();
  const panel = await browser.openExtensionPage('sidepanel.html');
  await expect(panel.getByText(/Shelf stopped before “About 20 MB of text” was saved/)).toBeVisible({
    timeout: 60_000,
  });
});
