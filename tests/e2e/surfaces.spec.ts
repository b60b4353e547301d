import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, openCacheStampedeCard, test } from './fixtures';
import { blogBox } from './pages/blog-box';
import { findRelatedOnSelection } from './pages/side-panel';

const HERD_URL = 'https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart';
const HERD_TITLE = 'Thundering Herd on Service Restart — The Restart That Kills Your System';

async function getSidePanelContexts(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(
    async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as never] })).length,
  );
}

/**
 * Records the documents the browser navigates to. Tabs the extension opens start loading before
 * Playwright's network routing attaches to them, so on this offline machine they end on an error
 * page; the navigation request shows the address the user asked for, which is what we assert.
 */
function recordNavigations(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => {
    if (request.isNavigationRequest()) urls.push(request.url());
  });
  return urls;
}

function resultOptions(popup: Page) {
  return popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');
}

async function searchInPopup(popup: Page, query: string) {
  const box = popup.getByRole('combobox', { name: 'Search articles' });
  await box.fill(query);
  return box;
}

test.describe('popup', () => {
  test('searches the bundled articles and opens the chosen one in a new tab', async ({ context, openPopup }) => {
    const navigations = recordNavigations(context);
    const popup = await openPopup();
    const box = await searchInPopup(popup, 'thundering herd restart');
    const first = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
    await expect(first).toContainText(HERD_TITLE);
    await expect(first).toContainText('Reliability & incidents');

    // The popup closes itself once the tab is open, so the key press may not see its own return.
    const [articleTab] = await Promise.all([context.waitForEvent('page'), box.press('Enter').catch(() => {})]);
    await expect.poll(() => navigations).toContain(HERD_URL);
    expect(articleTab).toBeTruthy();
    await expect.poll(() => popup.isClosed()).toBe(true);
  });

  test('offers a labelled site search for an article without URL', async ({ context, openPopup }) => {
    const navigations = recordNavigations(context);
    const popup = await openPopup();
    await searchInPopup(popup, 'untested backups restore empty');
    await expect(resultOptions(popup).first()).toContainText('Untested Backups');
    const [searchTab] = await Promise.all([
      context.waitForEvent('page'),
      popup.getByRole('button', { name: /Find on webcoderspeed\.com/ }).click(),
    ]);
    expect(searchTab).toBeTruthy();
    await expect
      .poll(() => navigations.map(decodeURIComponent).join('\n'))
      .toContain('site:webcoderspeed.com Untested Backups');
  });
});

test.describe('side panel', () => {
  test('shows the card of an article chosen in the popup', async ({ openPopup, openSidePanelPage, serviceWorker }) => {
    const popup = await openPopup();
    await searchInPopup(popup, 'cold start serverless');
    await expect(resultOptions(popup).first()).toContainText('Cold Start Latency');
    await popup.getByRole('button', { name: /Open in side panel/ }).click();
    // The click is a user gesture, so Chrome really opens the panel.
    await expect.poll(() => getSidePanelContexts(serviceWorker)).toBeGreaterThan(0);

    const panel = await openSidePanelPage();
    const card = panel.getByRole('article');
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(/Cold Start Latency/);
    await expect(card.getByRole('list', { name: 'Tags' })).toContainText('serverless');
    await expect(card.getByText('Performance & scaling')).toBeVisible();
    await expect(card.getByRole('link', { name: 'Open article' })).toHaveAttribute(
      'href',
      'https://webcoderspeed.com/blog/scaling/cold-start-latency',
    );
  });

  test('lists every article by topic when nothing is chosen, and opens a card from it', async ({
    openSidePanelPage,
  }) => {
    const panel = await openSidePanelPage();
    await expect(panel.getByRole('heading', { name: 'All articles by topic' })).toBeVisible();
    await openCacheStampedeCard(panel);
  });
});

test.describe('background: Find related context menu', () => {
  test('is registered on install and its click handler opens the panel with matches', async ({
    serviceWorker,
    openSidePanelPage,
  }) => {
    // The menu exists once onInstalled has run: updating an unknown id rejects.
    await expect
      .poll(() =>
        serviceWorker.evaluate(() =>
          chrome.contextMenus.update('find-related', {}).then(
            () => true,
            () => false,
          ),
        ),
      )
      .toBe(true);

    await findRelatedOnSelection(serviceWorker, 'thundering herd after a restart', 'https://example.org/notes');

    const panel = await openSidePanelPage();
    await expect(panel.getByRole('heading', { name: 'Related articles' })).toBeVisible();
    await expect(panel.getByText('thundering herd after a restart')).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Related articles' }).getByRole('button').first()).toContainText(
      'Thundering Herd on Service Restart',
    );
  });
});

test.describe('content script on the blog', () => {
  test('shows a dismissible box in a closed shadow root naming the article and linking to its card', async ({
    context,
    openSidePanelPage,
  }) => {
    const page = await context.newPage();
    await page.goto(HERD_URL.replace('https://', 'https://www.'));
    const host = page.locator('shelf-reading-now');
    await expect(host).toHaveCount(1);
    expect(await host.evaluate((element) => element.shadowRoot)).toBeNull(); // closed: the page cannot enter
    // Nothing of the box is in the page's own DOM: its text is only inside the shadow root.
    expect(await page.evaluate(() => document.body.textContent.includes('You’re reading'))).toBe(false);

    const box = blogBox(page);
    await expect.poll(() => box.text()).toContain(HERD_TITLE);
    await box.click('Show card in Shelf');
    const panel = await openSidePanelPage();
    await expect(panel.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(HERD_TITLE);

    await page.bringToFront();
    await box.click('Dismiss Shelf box');
    await expect(host).toHaveCount(0);
  });

  test('stays away from blog pages that are not articles in the library', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://webcoderspeed.com/blog/scaling/an-article-shelf-does-not-know');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(500); // the content script's lookup is one message round trip
    await expect(page.locator('shelf-reading-now')).toHaveCount(0);
  });
});
