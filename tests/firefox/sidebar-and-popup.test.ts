import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  byRole,
  clickContextMenu,
  closeSidebar,
  type ExtensionGlobal,
  find,
  findByName,
  findTab,
  isSidebarOpen,
  launchShelf,
  namesOf,
  openBlogPage,
  pageText,
  pressKeyThatCloses,
  type ShelfFirefox,
  sidebarText,
  waitFor,
  waitForText,
} from './harness';
import { blogBox } from './shelf-box';

/** The production build (`wxt build -b firefox`), as users install it, in one Firefox for this file. */
const HERD_URL = 'https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart';
const HERD_TITLE = 'Thundering Herd on Service Restart — The Restart That Kills Your System';

let firefox: ShelfFirefox;

before(async () => {
  firefox = await launchShelf('firefox-mv2');
});

after(async () => {
  await firefox?.close();
});

/** From any view of the side panel: All articles → Caching & Redis → the Cache Stampede card. */
async function openCacheStampedeCard(panel: Page) {
  await (await find(panel, byRole('button', 'All articles'))).click();
  // The topic group's disclosure button, named by its label and count ("Caching & Redis (4)").
  await (await findByName(panel, 'button', /Caching & Redis \(\d+\)$/)).click();
  const topic = await find(panel, byRole('list', 'Caching & Redis'));
  await (await findByName(topic, 'button', /^Cache Stampede/)).click();
  await waitForText(panel, byRole('article'), /Cache Stampede — When Your Cache Fix Breaks Everything/);
}

/**
 * Types a search into the popup's box, replacing what it holds: a reopened popup comes back with the
 * last search, and typed after it the query would still hold that search's words.
 */
async function searchFor(popup: Page, query: string) {
  const box = await find(popup, byRole('combobox', 'Search articles'));
  await box.click();
  await popup.keyboard.down('Control');
  await popup.keyboard.press('a');
  await popup.keyboard.up('Control');
  await box.type(query);
  assert.equal(await box.evaluate((input) => (input as HTMLInputElement).value), query);
}

describe('popup (popup.html in a tab)', () => {
  test('typing searches the bundled articles; Enter opens the first result in a new tab', async () => {
    const popup = await firefox.openExtensionPage('/popup.html');
    const box = await find(popup, byRole('combobox', 'Search articles'));
    await box.type('thundering herd restart');
    const results = await find(popup, byRole('listbox', 'Search results'));
    await waitFor('the first result to be the Thundering Herd article', async () =>
      (await namesOf(results, 'option'))[0]?.includes(HERD_TITLE),
    );
    assert.match((await namesOf(results, 'option'))[0] ?? '', /Reliability & incidents/);

    const before = new Set(await firefox.browser.pages());
    await pressKeyThatCloses(popup, 'Enter');
    // The article's address in a tab of its own (an error page here: the machine is offline).
    await findTab(firefox.browser, HERD_URL, before);
    // It closes itself, as it does from the toolbar: its tab is gone.
    await waitFor('the popup to close itself', () => popup.evaluate(() => false).catch(() => true));
  });

  test('a typo still finds the article; Shift+Enter opens Firefox’s sidebar on its card', async () => {
    await closeSidebar(firefox);
    const popup = await firefox.openExtensionPage('/popup.html');
    await searchFor(popup, 'thundring herd');
    const results = await find(popup, byRole('listbox', 'Search results'));
    await waitFor('the Thundering Herd article first', async () =>
      (await namesOf(results, 'option'))[0]?.includes(HERD_TITLE),
    );
    await popup.keyboard.down('Shift');
    await pressKeyThatCloses(popup, 'Enter');
    await popup.keyboard.up('Shift').catch(() => {}); // the popup may already have closed itself
    await waitFor('Firefox to open Shelf’s sidebar', () => isSidebarOpen(firefox));
    await waitFor('the article’s card in the sidebar', async () => (await sidebarText(firefox)).includes(HERD_TITLE));
  });

  test('reopened, it comes back with the last search, which its first script read through Firefox’s own API', async () => {
    const first = await firefox.openExtensionPage('/popup.html');
    await searchFor(first, 'split brain');
    const results = await find(first, byRole('listbox', 'Search results'));
    await waitFor('results for "split brain"', async () => (await namesOf(results, 'option')).length > 0);
    await waitFor('the search kept for the next opening', () =>
      first.evaluate(async () => {
        const { browser } = globalThis as unknown as ExtensionGlobal;
        return (await browser.storage.session.get('popupState')).popupState?.firstPaint?.query === 'split brain';
      }),
    );
    await first.close();

    const popup = await firefox.openExtensionPage('/popup.html');
    // What the first-paint script (no polyfill, no Zod) read for its picture, as it handed it to the app.
    const read = await popup.evaluate(async () => {
      const stored = await (globalThis as unknown as ExtensionGlobal).shelfPopupHandoff?.stored;
      return stored
        ? { theme: stored.theme, query: stored.picture?.query, rows: stored.picture?.results.length }
        : null;
    });
    assert.equal(read?.theme, 'system');
    assert.equal(read?.query, 'split brain');
    assert.ok((read?.rows ?? 0) > 0, 'the picture holds the rows');
    const box = await find(popup, byRole('combobox', 'Search articles'));
    assert.equal(await box.evaluate((input) => (input as HTMLInputElement).value), 'split brain');
    const restored = await find(popup, byRole('listbox', 'Search results'));
    assert.equal((await namesOf(restored, 'option')).length, read?.rows);
    await popup.close();
  });
});

describe('sidebar (sidepanel.html)', () => {
  test('a card from the topic browser is saved, listed in the reading list and counted on the toolbar badge', async () => {
    const panel = await firefox.openExtensionPage('/sidepanel.html');
    await openCacheStampedeCard(panel);
    const card = await find(panel, byRole('article'));
    assert.match(await card.evaluate((element) => element.textContent), /Caching & Redis/);
    await (await find(panel, byRole('button', 'Save to reading list'))).click();
    await find(panel, byRole('button', 'Unsave'));

    // Firefox's MV2 build has browserAction, not action: the badge must still count unread items.
    await waitFor('the toolbar badge to read 1', () =>
      firefox.hub.evaluate(
        async () => (await (globalThis as unknown as ExtensionGlobal).browser.browserAction.getBadgeText({})) === '1',
      ),
    );

    await (await find(panel, byRole('button', 'Reading list'))).click();
    const saved = await find(panel, byRole('list', 'Saved articles'));
    const row = await findByName(saved, 'button', /^Cache Stampede/);
    await row.click();
    await waitForText(panel, byRole('article'), /Cache Stampede/);
  });

  test('the context menu’s "Find related" opens Firefox’s sidebar with related articles', async () => {
    const paragraph =
      'When a popular cache key expires, hundreds of concurrent requests miss the cache at the same moment and ' +
      'all of them query the database to rebuild the same value. Request coalescing and a lock prevent this.';
    await closeSidebar(firefox);
    await clickContextMenu(firefox, {
      menuItemId: 'find-related',
      editable: false,
      selectionText: paragraph,
      pageUrl: 'https://example.org/',
    });
    await waitFor('Firefox to open Shelf’s sidebar', () => isSidebarOpen(firefox));
    const text = await waitFor('related articles in the sidebar', async () => {
      const shown = await sidebarText(firefox);
      return /Related articles/.test(shown) && /Cache Stampede/.test(shown) ? shown : undefined;
    });
    assert.match(text, /For the selected text: “When a popular cache key expires/);
    assert.doesNotMatch(text, /Nothing in Shelf's library is closely related/);
  });

  test('in a private window, where Firefox gives extensions no IndexedDB, the reading list says so', async () => {
    const panel = await firefox.openExtensionPage('/sidepanel.html', { privateWindow: true });
    await (await find(panel, byRole('button', 'Reading list'))).click();
    const alert = await waitForText(panel, byRole('alert'), /private window/i);
    assert.match(alert, /normal window/);
    // Browsing the bundled articles needs no storage and still works.
    await openCacheStampedeCard(panel);
    assert.doesNotMatch(await pageText(panel), /Loading your reading list/);
  });
});

describe('blog content script', () => {
  test('on a blog article Firefox runs the content script: the box names the article and lists 3 related', async () => {
    const page = await openBlogPage(firefox.browser, HERD_URL);
    const box = blogBox(page);
    await waitFor('Shelf’s box on the article', () => box.isShown());
    const text = await box.text();
    assert.ok(text.includes(HERD_TITLE), `the box names the article: ${text}`);
    // The box starts as a pill; its "Related (3)" opens it to the related articles.
    await box.click('Related (3)');
    const titles = await waitFor('the related articles in the opened box', async () => {
      const names = await box.buttonNames('Related articles');
      return names.length > 0 ? names : undefined;
    });
    assert.equal(titles.length, 3, `related: ${titles.join(' | ')}`);
    assert.ok(
      !titles.some((title) => title.includes('Thundering Herd')),
      'the article itself is not related to itself',
    );
    // The root is closed: the page gets nothing from the box's host.
    assert.equal(await page.evaluate(() => document.querySelector('shelf-reading-now')?.shadowRoot), null);

    // "Show card in Shelf": the background sets the sidebar to the article's card. Firefox opens no
    // sidebar from a page's click: the box says how to open it, in Firefox's words.
    await box.click('Show card in Shelf');
    await waitFor('the box’s hint', async () => (await box.text()).includes('Open Shelf’s sidebar to see the card'));
    assert.doesNotMatch(await box.text(), /side panel from the toolbar/);
    const panel = await firefox.openExtensionPage('/sidepanel.html');
    await waitForText(panel, byRole('article'), new RegExp(HERD_TITLE));
  });
});
