import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { blogBox } from './pages/blog-box';
import { scrollWithWheel } from './pages/reading';

const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';
const OTHER_ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart';

/** Stops the extension's service worker the way the browser does when it is idle (DevTools protocol). */
async function stopServiceWorker(context: BrowserContext, page: Page, worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    (self as unknown as { shelfTestMarker: number }).shelfTestMarker = 1;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Wakes the worker with a real request from an extension page, and proves it is a fresh one. */
async function expectRestarted(extensionPage: Page, worker: Worker): Promise<void> {
  const reply = await extensionPage.evaluate(
    (url) => chrome.runtime.sendMessage({ type: 'page-state', url }),
    ARTICLE_URL,
  );
  expect(reply).toMatchObject({ ok: true, value: { article: { id: 'cold-start-latency' } } });
  expect(
    await worker.evaluate(() => (self as unknown as { shelfTestMarker?: number }).shelfTestMarker),
  ).toBeUndefined();
}

async function dispatchMenuClick(worker: Worker, info: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (clickInfo) => {
    const [tab] = await chrome.tabs.query({});
    (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
      { editable: false, ...clickInfo },
      tab,
    );
  }, info);
}

/** Saving a link opens it in the panel's reader; the test then goes back to the list. */
async function showListAfterSave(panel: Page, title: RegExp): Promise<void> {
  await expect(panel.getByRole('heading', { name: title }).first()).toBeVisible();
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
}

test('the service worker is stopped mid-use: menus, saving, progress and the badge keep working, nothing is lost', async ({
  context,
  serviceWorker,
  openSidePanelPage,
}) => {
  test.setTimeout(180_000);
  const panel = await openSidePanelPage();
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
  const list = panel.getByRole('list', { name: 'Saved articles' });

  // Save one article through the menu handler, read part of it.
  await dispatchMenuClick(serviceWorker, { menuItemId: 'save-to-shelf', linkUrl: ARTICLE_URL, linkText: 'Cold start' });
  await showListAfterSave(panel, /cold start/i);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const article = await context.newPage();
  await article.goto(ARTICLE_URL);
  await expect.poll(() => blogBox(article).isShown()).toBe(true);
  await scrollWithWheel(article, 0.4);
  await expect(list.getByRole('listitem').first()).toContainText(/4\d% read|reading/, { timeout: 30_000 });

  // Stopped while the article is open and being read.
  await stopServiceWorker(context, panel, serviceWorker);
  await expectRestarted(panel, serviceWorker);

  // Menus survive (registered once, on install) and their handler works in the new worker.
  expect(await serviceWorker.evaluate(() => chrome.contextMenus.update('save-to-shelf', {}).then(() => true))).toBe(
    true,
  );
  await dispatchMenuClick(serviceWorker, {
    menuItemId: 'save-to-shelf',
    linkUrl: OTHER_ARTICLE_URL,
    linkText: 'Thundering herd',
  });
  await showListAfterSave(panel, /thundering herd/i);
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Progress from the page that was open across the restart still lands.
  await stopServiceWorker(context, panel, serviceWorker);
  await scrollWithWheel(article, 0.8);
  const coldStartRow = list.getByRole('listitem').filter({ hasText: /Cold start/i });
  await expect(coldStartRow).toContainText(/[78]\d% read/, { timeout: 30_000 });

  // The badge counts the unread item (the other is being read), recomputed by the new worker.
  await stopServiceWorker(context, panel, serviceWorker);
  await expectRestarted(panel, serviceWorker);
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  // Nothing lost: both items, the position, and the status after a final restart.
  await stopServiceWorker(context, panel, serviceWorker);
  await panel.reload();
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: /Cold start/i })).toContainText(/[78]\d% read/);
});
