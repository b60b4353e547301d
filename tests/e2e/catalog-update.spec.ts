import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type E2eBrowser, launchE2eBuild } from './pages/e2e-build';
import { popupPage } from './pages/popup';
import { sidePanelPage } from './pages/side-panel';

/**
 * Issue 18's acceptance, in a real Chromium with the e2e build (which grants the blog's host, as
 * the user does when first pressing "Update articles from the blog": a headless browser cannot
 * answer the prompt). The blog is tests/fixtures/pages/blog-site, routed; nothing leaves the machine.
 */
const SITE = resolve(import.meta.dirname, '../fixtures/pages/blog-site');
const BLOG = 'https://webcoderspeed.com';
const SERVED: Record<string, { file: string; contentType: string }> = {
  '/': { file: 'home.html', contentType: 'text/html; charset=utf-8' },
  '/rss.xml': { file: 'rss.xml', contentType: 'application/rss+xml; charset=utf-8' },
  '/sitemap.xml': { file: 'sitemap.xml', contentType: 'application/xml' },
  '/blog/scaling/narwhal-retries': { file: 'narwhal-retries.html', contentType: 'text/html; charset=utf-8' },
  '/blog/scaling/connection-pool-exhaustion': {
    file: 'connection-pool-exhaustion.html',
    contentType: 'text/html; charset=utf-8',
  },
};
/** What Shelf asks of the blog on its own (not pages a tab opens): the update's requests. */
const UPDATE_REQUESTS = [
  '/',
  '/rss.xml',
  '/sitemap.xml',
  // Only the article pages the feed does not describe, one at a time.
  '/blog/scaling/narwhal-retries',
  '/blog/scaling/gone-article',
];

interface BlogRequest {
  path: string;
  navigation: boolean;
  cookie: string | null;
}

/** Serves the fixture blog on both spellings of its host and records every request made to it. */
async function routeFixtureBlog(context: BrowserContext): Promise<BlogRequest[]> {
  const requests: BlogRequest[] = [];
  // A cookie the blog set earlier: Shelf's requests must not carry it (credentials: 'omit').
  await context.addCookies([
    { name: 'session', value: 'secret', domain: 'webcoderspeed.com', path: '/', secure: true },
  ]);
  await context.route(/^https:\/\/(www\.)?webcoderspeed\.com\//, async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname.replace(/(.)\/+$/, '$1');
    const headers = await request.allHeaders();
    requests.push({ path, navigation: request.isNavigationRequest(), cookie: headers.cookie ?? null });
    const served = SERVED[path];
    if (served) return route.fulfill({ path: join(SITE, served.file), contentType: served.contentType });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  });
  return requests;
}

const fetchedByShelf = (requests: BlogRequest[]) => requests.filter((r) => !r.navigation).map((r) => r.path);

async function openSettings(browser: E2eBrowser): Promise<Page> {
  const page = await browser.openExtensionPage('sidepanel.html');
  await sidePanelPage(page).show('Settings');
  return page;
}

let browser: E2eBrowser;
// A fresh browser per test, and the update pauses 2 s between article pages as it does for users.
test.describe.configure({ timeout: 240_000 });
test.beforeEach(async () => {
  browser = await launchE2eBuild();
});
test.afterEach(async () => {
  await browser.close();
});

test('Update articles from the blog: an article without an address opens where it lives, new ones are found, the report counts right', async () => {
  const requests = await routeFixtureBlog(browser.context);
  const before = popupPage(await browser.openExtensionPage('popup.html'));
  await before.search('redis streams consumer groups');
  await expect(before.firstResult).toContainText('Redis Streams — Consumer Groups');
  await expect(before.page.getByRole('button', { name: /Find on webcoderspeed\.com/ })).toBeVisible();
  await before.search('hedgehog');
  await expect(before.results).toHaveCount(0);

  const settings = await openSettings(browser);
  // Opening the popup, the side panel and Settings asks the blog for nothing.
  expect(fetchedByShelf(requests)).toEqual([]);

  await settings.getByRole('button', { name: 'Update articles from the blog' }).click();
  const report = settings.getByRole('status', { name: 'Last catalog update' });
  await expect(report).toBeVisible({ timeout: 45_000 });
  await expect(report).toContainText('2 addresses filled in');
  // Redis Streams' title Shelf wrote is replaced; Cache Stampede's is confirmed as the blog's own.
  await expect(report).toContainText('2 titles confirmed');
  await expect(report).toContainText('3 new articles');
  await expect(report).toContainText('1 page could not be read');
  await expect(report).toContainText(`${BLOG}/blog/scaling/gone-article: HTTP 404`);
  // The home page, the feed it advertises, the sitemap, and only the pages the feed does not describe.
  expect(fetchedByShelf(requests)).toEqual(UPDATE_REQUESTS);
  expect(requests.filter((r) => r.cookie !== null)).toEqual([]);

  const popup = popupPage(await browser.openExtensionPage('popup.html'));
  // The blog's own title replaces the one Shelf wrote; Enter opens the article's real address.
  await popup.search('redis streams consumer groups');
  await expect(popup.firstResult).toContainText('Redis Streams: Consumer Groups and Ordering Without Kafka');
  await expect(popup.page.getByRole('button', { name: /Open article/ })).toBeVisible();
  // Opening the article closes the popup, which may end the key press itself.
  const [tab] = await Promise.all([
    browser.context.waitForEvent('page'),
    popup.searchBox.press('Enter').catch(() => {}),
  ]);
  await expect.poll(() => tab.url()).toBe(`${BLOG}/blog/scaling/redis-streams-consumer-groups`);

  const again = popupPage(await browser.openExtensionPage('popup.html'));
  await again.search('hedgehog');
  await expect(again.firstResult).toContainText('Hedgehog Sharding: Splitting Hot Partitions While They Serve');
  await again.search('narwhal');
  await expect(again.firstResult).toContainText('Narwhal Retries: Idempotent Writes Across Regions');
  await again.search('stampede');
  await expect(again.firstResult).toContainText('Cache Stampede');
  await expect(again.page.getByRole('button', { name: /Open article/ })).toBeVisible();
});

test('reading an article on the blog fills in its address, shown with its source on the card, without any update', async () => {
  const requests = await routeFixtureBlog(browser.context);
  const articleUrl = `${BLOG}/blog/scaling/connection-pool-exhaustion`;
  const tab = await browser.context.newPage();
  await tab.goto(articleUrl);

  const panel = sidePanelPage(await browser.openExtensionPage('sidepanel.html'));
  await panel.show('All articles');
  await panel.openTopic('Databases');
  // The blog's own title, learned from the page, replaces the one Shelf wrote.
  const title = /Database Connection Pool Exhaustion: When Your App Freezes at 100 Users/;
  await panel.page.getByRole('list', { name: 'Databases' }).getByRole('button', { name: title }).click();
  await expect(panel.cardTitle).toHaveText(title);
  await expect(panel.card.getByRole('link', { name: 'Open article' })).toHaveAttribute('href', articleUrl);
  const today = new Date().toISOString().slice(0, 10);
  const learned = panel.card.getByRole('region', { name: 'Learned from the blog' });
  await expect(learned).toContainText(`address from the blog's page, ${today}`);
  await expect(learned).toContainText(`date from the blog's page, ${today}`);
  await expect(panel.card.getByRole('time')).toHaveText('2026-01-15');
  // Learning read the page the user opened; it asked the blog for nothing else.
  expect(fetchedByShelf(requests)).toEqual([]);
});
