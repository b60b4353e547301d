import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, type TestContext, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { startFixtureServer } from '../e2e/fixture-server';
import {
  byRole,
  clickContextMenu,
  closeSidebar,
  type ExtensionGlobal,
  find,
  findByName,
  isSidebarOpen,
  launchShelf,
  type ShelfFirefox,
  sidebarText,
  waitFor,
  waitForText,
} from './harness';

/**
 * Saving pages for offline reading, in Firefox. Capturing a tab needs access to it: a user grants
 * it with the click (activeTab), which a test cannot give, so this file uses the e2e build, which
 * grants http://127.0.0.1/* up front (README, "Scripts"). One Firefox, restarted once.
 */
const PAGES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

let firefox: ShelfFirefox;

before(async () => {
  firefox = await launchShelf('firefox-mv2-e2e');
});

after(async () => {
  await firefox?.close();
});

async function openWebPage(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  // A page's own alert() would hold its load (and Shelf's capture, which waits for it) for ever.
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto(url);
  return page;
}

/** A fixture server for one test, stopped when the test ends whatever happens. */
async function serveFixtures(t: TestContext) {
  const server = await startFixtureServer(PAGES_DIR);
  t.after(() => server.close());
  return server;
}

/** Reading list → the saved page's row → its reader in the same view. */
async function openSavedPage(panel: Page, title: RegExp): Promise<void> {
  await (await find(panel, byRole('button', 'Reading list'))).click();
  const list = await find(panel, byRole('list', 'Saved articles'));
  await (await findByName(list, 'button', title)).click();
}

test('a page from 127.0.0.1 saved from the popup is read offline in the sidebar and in the reader tab', async (t) => {
  const server = await serveFixtures(t);
  const url = `${server.origin}/capture/long-article.html`;
  await openWebPage(url);

  const popup = await firefox.openExtensionPage('/popup.html');
  await (await findByName(popup, 'button', /Save this page/)).click();
  await waitForText(popup, byRole('status'), /Saved “Backpressure in practice/);
  await server.close(); // offline from here on

  const panel = await firefox.openExtensionPage('/sidepanel.html');
  await openSavedPage(panel, /Backpressure in practice/);
  await findByName(panel, 'heading', /Backpressure in practice/);
  await waitForText(panel, 'main', /Streams in Node\.js expose backpressure/);
  // Remote images load only when allowed: the diagram is there without its address.
  const image = await find(panel, 'img[alt="A diagram of a queue"]');
  assert.equal(await image.evaluate((element) => element.getAttribute('src')), null);

  // The reader tab, as the user opens it (item ids are hashes: the address is not written here).
  const link = await find(panel, byRole('link', 'Open in a tab'));
  const readerPath = await link.evaluate((element) => element.getAttribute('href'));
  assert.match(readerPath ?? '', /^\/sidepanel\.html\?reader=/);
  const reader = await firefox.openExtensionPage(readerPath ?? '');
  await findByName(reader, 'heading', /Backpressure in practice/);
  await waitForText(reader, 'main', /Streams in Node\.js expose backpressure/);
});

test('the context menu’s "Save to Shelf" captures a hostile page into the sidebar’s reader with nothing run', async (t) => {
  // The hostile fixture without its 5 MB of padding (Chromium's suite covers the size cap); here
  // what matters is Firefox: the capture script and the sanitizer in its content-script sandbox.
  const dir = mkdtempSync(join(tmpdir(), 'shelf-firefox-pages-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const hostile = readFileSync(join(PAGES_DIR, 'capture/hostile.html'), 'utf8');
  writeFileSync(join(dir, 'hostile.html'), hostile.replace(/<div id="huge">[^<]*<\/div>/, ''));
  const server = await startFixtureServer(dir);
  t.after(() => server.close());
  const url = `${server.origin}/hostile.html`;
  await openWebPage(url);
  await closeSidebar(firefox).catch(() => {}); // closed already
  await clickContextMenu(firefox, { menuItemId: 'save-to-shelf', editable: false, pageUrl: url }, url);
  await waitFor('Firefox to open Shelf’s sidebar', () => isSidebarOpen(firefox));
  let shown = '';
  const text = await waitFor('the captured page in the sidebar’s reader', async () => {
    shown = await sidebarText(firefox);
    return shown.includes('Handlers on a paragraph.') ? shown : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; the sidebar shows: ${JSON.stringify(shown.slice(0, 400))}`);
  });
  assert.match(text, /<script>window\.__shelfPwned = 1<\/script>/, 'the page’s title is shown as text');
  const sidebar = await firefox.hub.evaluate(() => {
    const { browser } = globalThis as unknown as ExtensionGlobal;
    const [view] = browser.extension.getViews({ type: 'sidebar' }) as Array<Window & { __shelfPwned?: unknown }>;
    const body = view?.document.querySelector('.reader-body');
    return {
      pwned: view?.__shelfPwned ?? null,
      // Inline SVG is kept in a faithful copy (sanitized): without its handler or anything foreign.
      dangerous:
        body?.querySelectorAll('script, iframe, object, embed, form, foreignObject, [onerror], [onclick], [onload]')
          .length ?? -1,
    };
  });
  assert.deepEqual(sidebar, { pwned: null, dangerous: 0 });
});

test('the reading list and captured copies survive a restart of Firefox on the same profile', async (t) => {
  const server = await serveFixtures(t);
  const url = `${server.origin}/related/lemon-cake.html`;
  await openWebPage(url);
  await clickContextMenu(firefox, { menuItemId: 'save-to-shelf', editable: false, pageUrl: url }, url);
  const panel = await firefox.openExtensionPage('/sidepanel.html');
  await openSavedPage(panel, /Lemon and almond cake/);
  await waitForText(panel, 'main', /Preheat the oven to 180 degrees/);
  await (await find(panel, byRole('button', 'All articles'))).click();
  // The topic group's disclosure button, named by its label and count ("Caching & Redis (4)").
  await (await findByName(panel, 'button', /Caching & Redis \(\d+\)$/)).click();
  const topic = await find(panel, byRole('list', 'Caching & Redis'));
  await (await findByName(topic, 'button', /^Cache Stampede/)).click();
  await (await find(panel, byRole('button', 'Save to reading list'))).click();
  await find(panel, byRole('button', 'Unsave'));
  await server.close();

  await firefox.restart();

  const after = await firefox.openExtensionPage('/sidepanel.html');
  await (await find(after, byRole('button', 'Reading list'))).click();
  const list = await find(after, byRole('list', 'Saved articles'));
  await findByName(list, 'button', /^Cache Stampede/);
  // The captured copy, read with the server stopped.
  await openSavedPage(after, /Lemon and almond cake/);
  await waitForText(after, 'main', /Preheat the oven to 180 degrees/);
  // The background starts again and counts the unread items on the toolbar badge.
  const unread = await waitFor('the badge after the restart', () =>
    firefox.hub.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.browserAction.getBadgeText({})),
  );
  assert.ok(Number(unread) >= 2, `badge ${unread}`);

  // Firefox keeps no menus of a persistent background page (the MV2 build's) from one session to the
  // next, and a start is no install: the page creates them as it starts. (A restart here installs the
  // test copy anew, so a start is made as a session begins: no menus, and the page loaded again.)
  const menusShown = () =>
    firefox.hub.evaluate(async () => {
      const { browser } = globalThis as unknown as ExtensionGlobal;
      const shown: string[] = [];
      for (const id of ['find-related', 'save-to-shelf', 'highlight-with-shelf']) {
        // update() refuses an id no menu has.
        if (
          await browser.contextMenus.update(id, {}).then(
            () => true,
            () => false,
          )
        )
          shown.push(id);
      }
      return shown;
    });
  assert.deepEqual(await menusShown(), ['find-related', 'save-to-shelf', 'highlight-with-shelf']);
  await firefox.hub.evaluate(async () => {
    const { browser } = globalThis as unknown as ExtensionGlobal;
    await browser.contextMenus.removeAll();
    (await browser.runtime.getBackgroundPage()).location.reload();
  });
  await waitFor('the menus created again by the background page as it starts', async () =>
    (await menusShown()).length === 3 ? true : undefined,
  );
});
