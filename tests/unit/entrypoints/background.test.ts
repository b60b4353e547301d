import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { HIGHLIGHT_MENU_ID } from '@/lib/background/highlight-menu';
import { tellPagesHighlightsChanged } from '@/lib/background/page-highlight-changes';
import { RELATED_ANYWHERE_SCRIPT_ID } from '@/lib/background/related-anywhere';
import { BLOG_ARTICLE_PATTERNS } from '@/lib/content/blog-pages';
import { DATABASE_NAME, getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { addHighlight } from '@/lib/db/highlights';
import { saveArticle, setNote, setStatus } from '@/lib/db/items';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { ALL_SITES, setRelatedPlacement } from '@/lib/settings/related-placement';
import { fakePermissionsAndScripting } from '../helpers/fake-permissions';

/** The background's wiring, in WXT's style: run `main()`, then fire the browser's events. */
let fake: ReturnType<typeof fakePermissionsAndScripting>;
beforeEach(() => {
  fake = fakePermissionsAndScripting();
  vi.spyOn(browser.contextMenus, 'removeAll').mockImplementation(((done?: () => void) => done?.()) as never);
  vi.spyOn(browser.contextMenus, 'create').mockImplementation((() => 1) as never);
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => {});
  background.main();
});
afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

const fromOptionsPage = { url: browser.runtime.getURL('/options.html') } as never;
async function send(message: unknown, sender = fromOptionsPage): Promise<unknown> {
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve));
}
const badge = () => browser.action.getBadgeText({});
const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';
/** Shelf's script in a tab showing `url` asks for what it draws there. */
async function drawingIn(tabId: number, url: string, message: unknown): Promise<void> {
  const sender = { id: browser.runtime.id, url, frameId: 0, tab: { id: tabId, windowId: 1, url } } as never;
  expect(await send(message, sender)).toMatchObject({ ok: true });
}

describe('background', () => {
  it('creates its menus on install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(browser.contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: 'find-related' }));
    expect(browser.contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: 'save-to-shelf' }));
  });

  // Defect 6: the badge went stale after changes made from the options page or the reader tab.
  it('keeps the badge right after a page writes and says so, and when "show badge" changes', async () => {
    const db = getDatabase();
    await saveArticle({ id: 'a', title: 'A', url: null }, { db });
    await saveArticle({ id: 'b', title: 'B', url: null }, { db });
    expect(await send({ type: 'data-changed' })).toEqual({ ok: true, value: { refreshed: true } });
    expect(await badge()).toBe('2');
    await setStatus(['article:a'], 'done', { db });
    await send({ type: 'data-changed' });
    expect(await badge()).toBe('1');
    await setPreference(PREFERENCES.showBadge, false);
    await vi.waitFor(async () => expect(await badge()).toBe(''));
  });

  it('a page tells the background after each database change', async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage');
    await saveArticle({ id: 'c', title: 'C', url: null }, { db: getDatabase() });
    // Opening the database for the first time changes every table, highlights among them.
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(expect.objectContaining({ type: 'data-changed' })));
  });

  // QA pass: a highlight removed in the side panel stayed drawn on the open article page until a reload.
  it('tells the tabs that draw highlights when a page changed highlights, and only then', async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage');
    const item = await saveArticle({ id: 'c', title: 'C', url: null }, { db: getDatabase() });
    await vi.waitFor(() => expect(sent).toHaveBeenCalled());
    sent.mockClear();
    // Other test files' writes to the database of the same name, in other threads, reach this page's
    // watcher too (Dexie tells every context, through BroadcastChannel): a call may say highlights changed
    // whatever this test wrote, so each change is looked for among the calls, not as the only or last one.
    await setNote(item.id, 'later');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(expect.objectContaining({ type: 'data-changed' })));
    await addHighlight(item.id, { quote: { type: 'TextQuoteSelector', exact: 'Queues fill up fast.' } });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith({ type: 'data-changed', highlights: true }));

    // Tab 3 shows a blog article, tab 4 another site (the every-site script runs), tab 5 neither:
    // the first two asked for their highlights as they opened.
    fake.registered.set(RELATED_ANYWHERE_SCRIPT_ID, { id: RELATED_ANYWHERE_SCRIPT_ID, matches: ALL_SITES });
    await drawingIn(3, ARTICLE_URL, { type: 'page-state', url: ARTICLE_URL });
    await drawingIn(4, 'https://a.test/posts/backpressure', { type: 'page-highlights' });
    const tabsOpen = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 3 }, { id: 4 }, { id: 5 }] as never);
    const told = vi
      .spyOn(browser.tabs, 'sendMessage')
      .mockResolvedValue(undefined as never)
      .mockRejectedValueOnce(new Error('no script there'));
    await send({ type: 'data-changed' });
    expect(told).not.toHaveBeenCalled();
    expect(await send({ type: 'data-changed', highlights: true })).toEqual({ ok: true, value: { refreshed: true } });
    const command = { target: 'page', type: 'highlights-changed' };
    await vi.waitFor(() =>
      expect(told.mock.calls).toEqual([
        [3, command],
        [4, command],
      ]),
    );

    // Review: each open Shelf page reports the same write; the tabs are told once.
    told.mockClear();
    await Promise.all([1, 2, 3].map(() => send({ type: 'data-changed', highlights: true })));
    await vi.waitFor(() => expect(told).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(told).toHaveBeenCalledTimes(2);

    // The every-site script turned off: its tabs would ask in vain. Tab 3 closed: forgotten.
    told.mockClear();
    fake.registered.clear();
    await tellPagesHighlightsChanged();
    expect(told.mock.calls).toEqual([[3, command]]);
    told.mockClear();
    tabsOpen.mockResolvedValue([{ id: 4 }, { id: 5 }] as never);
    await tellPagesHighlightsChanged();
    expect(await getPreference(PREFERENCES.tabsDrawingHighlights)).toEqual([{ tabId: 4, everySite: true }]);
    expect(told).not.toHaveBeenCalled();
  });

  // A review: Firefox's background page has a document, and told itself after each of its writes.
  it('Firefox’s background page (a window) does not tell itself', async () => {
    resetDatabaseConnection();
    browser.extension.getBackgroundPage = () => window;
    try {
      const sent = vi.spyOn(browser.runtime, 'sendMessage');
      await saveArticle({ id: 'c', title: 'C', url: null }, { db: getDatabase() });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sent).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'data-changed' }));
    } finally {
      browser.extension.getBackgroundPage = undefined as never;
    }
  });

  it('refuses "data-changed" and "save-tab" from a content script', async () => {
    const fromPage = { url: 'https://example.org/', tab: { id: 1 } } as never;
    expect(await send({ type: 'data-changed' }, fromPage)).toMatchObject({ ok: false, error: /only Shelf/ });
    expect(await send({ type: 'save-tab', tabId: 1 }, fromPage)).toMatchObject({ ok: false, error: /only Shelf/ });
  });

  // QA pass: saving a page already in the reading list said "Saved … for offline reading" as if new.
  it('answers "save-tab" with whether the page was saved before, and its status', async () => {
    const url = 'https://a.test/posts/backpressure';
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 4, url, title: 'Backpressure' } as never);
    const capture = {
      ...{ url, title: 'Backpressure', byline: null, siteName: null, excerpt: null, lang: 'en', dir: 'ltr' },
      ...{ wordCount: 4, readMinutes: 1, html: '<p>Queues fill up fast.</p>', text: 'Queues fill up fast.' },
      notice: null,
    };
    vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: capture }] as never);
    const first = await send({ type: 'save-tab', tabId: 4 });
    expect(first).toMatchObject({ ok: true, value: { title: 'Backpressure', again: false, status: 'unread' } });
    const { itemId } = (first as { value: { itemId: string } }).value;
    await setStatus([itemId], 'done', { now: Date.now() + 1 });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later save
    expect(await send({ type: 'save-tab', tabId: 4 })).toMatchObject({
      ok: true,
      value: { again: true, status: 'done' },
    });
  });

  // QA pass (worker stopped mid-save): a save the popup asked for was not listed as under way, so with
  // the popup closed (as it often is first) nobody was told the page was not saved.
  it("lists a save the popup asked for while it runs, as the menu's and the shortcut's are", async () => {
    const url = 'https://a.test/posts/backpressure';
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 4, url, title: 'Backpressure' } as never);
    // The page's copy never comes: the worker stops here.
    vi.spyOn(browser.scripting, 'executeScript').mockReturnValue(new Promise(() => {}) as never);
    void send({ type: 'save-tab', tabId: 4 });
    await vi.waitFor(async () =>
      expect((await getPreference(PREFERENCES.savesUnderWay)).map((entry) => entry.title)).toEqual(['Backpressure']),
    );
  });

  // Defect 4: "Delete everything" left "every site" registered with its host permission granted.
  it('follows the related-articles placement: registers on every site, and gives it all back after "Delete everything"', async () => {
    expect(await setRelatedPlacement('everywhere')).toEqual({ placement: 'everywhere', refused: false });
    await vi.waitFor(() => expect(fake.registered.get(RELATED_ANYWHERE_SCRIPT_ID)?.matches).toEqual(ALL_SITES));
    await deleteEverything(getDatabase());
    await vi.waitFor(() => {
      expect(fake.registered.size).toBe(0);
      expect(fake.granted.size).toBe(0);
    });
  });

  it('turns the placement back to the blog when the permission is revoked in the browser', async () => {
    await setRelatedPlacement('everywhere');
    await vi.waitFor(() => expect(fake.registered.size).toBe(1));
    fake.revoke(ALL_SITES);
    await vi.waitFor(() => expect(fake.registered.size).toBe(0));
  });
});

describe('related articles on every site', () => {
  // "Highlight with Shelf" shows where a Shelf script runs to do it: with the every-site script, every site.
  it('shows "Highlight with Shelf" on every site while the every-site script is registered, and only on the blog after', async () => {
    const update = vi.spyOn(browser.contextMenus, 'update').mockResolvedValue(undefined as never);
    const highlightMenuOn = () => update.mock.lastCall?.[1]?.documentUrlPatterns;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(browser.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({ id: HIGHLIGHT_MENU_ID, documentUrlPatterns: BLOG_ARTICLE_PATTERNS }),
    );
    await setRelatedPlacement('everywhere');
    await vi.waitFor(() => expect(highlightMenuOn()).toEqual([...BLOG_ARTICLE_PATTERNS, ...ALL_SITES]));
    expect(update).toHaveBeenLastCalledWith(HIGHLIGHT_MENU_ID, expect.anything());
    await setRelatedPlacement('nowhere');
    await vi.waitFor(() => expect(highlightMenuOn()).toEqual(BLOG_ARTICLE_PATTERNS));
    // Revoked in the browser's settings: the menu follows the script away.
    await setRelatedPlacement('everywhere');
    await vi.waitFor(() => expect(highlightMenuOn()).toEqual([...BLOG_ARTICLE_PATTERNS, ...ALL_SITES]));
    fake.revoke(ALL_SITES);
    await vi.waitFor(() => expect(highlightMenuOn()).toEqual(BLOG_ARTICLE_PATTERNS));
  });

  it('registers once when asked to bring itself in step several times at once', async () => {
    const { syncRelatedAnywhere } = await import('@/lib/background/related-anywhere');
    await setRelatedPlacement('everywhere');
    await vi.waitFor(() => expect(fake.registered.size).toBe(1));
    vi.mocked(browser.scripting.registerContentScripts).mockClear();
    fake.registered.clear();
    await Promise.all([syncRelatedAnywhere(), syncRelatedAnywhere(), syncRelatedAnywhere()]);
    expect(browser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });
});
