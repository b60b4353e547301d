import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page, type Worker } from '@playwright/test';
import { chromiumArgs } from '@/scripts/chromium';
import { findTestChromium } from './browser-path';
import { startFixtureServer } from './fixture-server';
import { popupPage } from './pages/popup';
import { sidePanelPage } from './pages/side-panel';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const PAGES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

export async function launchWithExtension(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findTestChromium(),
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
  });
}

export async function getServiceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface ShelfFixtures {
  userDataDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Origin of the local server that the blog's host is routed to. */
  fixtureOrigin: string;
  openPopup: () => Promise<Page>;
  openSidePanelPage: () => Promise<Page>;
}

export const test = base.extend<ShelfFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: see above.
  fixtureOrigin: async ({}, use) => {
    const server = await startFixtureServer(PAGES_DIR);
    await use(server.origin);
    await server.close();
  },
  context: async ({ userDataDir, fixtureOrigin }, use) => {
    const context = await launchWithExtension(userDataDir);
    await routeBlogToFixtures(context, fixtureOrigin);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await getServiceWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  openSidePanelPage: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },
});

/**
 * No test touches the network: the blog's host (both spellings) is served from the local fixture
 * server, `/blog/<section>/<slug>` from `tests/fixtures/pages/blog/<slug>.html`, else
 * `tests/fixtures/pages/related/<slug>.html` (pages the catalog does not list), else a generic page.
 */
export async function routeBlogToFixtures(context: BrowserContext, fixtureOrigin: string): Promise<void> {
  // Anything else off this machine is stubbed rather than attempted. Registered first because
  // Playwright runs the most recently registered matching route first.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>offline</title><p>Offline test stub</p>' }),
  );
  await context.route(/^https:\/\/(www\.)?webcoderspeed\.com\//, async (route) => {
    const slug = new URL(route.request().url()).pathname.split('/').filter(Boolean).at(-1) ?? 'index';
    for (const folder of ['blog', 'related']) {
      const local = await route.fetch({ url: `${fixtureOrigin}/${folder}/${slug}.html` });
      if (local.status() === 200) return route.fulfill({ response: local });
    }
    return route.fulfill({ response: await route.fetch({ url: `${fixtureOrigin}/blog/generic-article.html` }) });
  });
}

/** Searches in the popup and saves the first result with its Save button. */
export async function saveFromPopup(popup: Page, query: string, title: RegExp): Promise<void> {
  await popupPage(popup).saveFirstResult(query, title);
}

/** In the side panel's topic browser: Caching & Redis → the Cache Stampede article's card. */
export async function openCacheStampedeCard(panel: Page): Promise<void> {
  await sidePanelPage(panel).openCard('Caching & Redis', /Cache Stampede/);
}

export { expect };
