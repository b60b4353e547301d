import { describe, expect, it, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FIND_RELATED_MENU_ID,
  getRelatedRequest,
  getUrlWords,
  HIGHLIGHT_MENU_ID,
  handleContextMenuClick,
  keepContextMenus,
  LOCAL_FILE_NOT_READ,
  SAVE_MENU_ID,
} from '@/lib/background/context-menu';
import { getBundledCatalog } from '@/lib/catalog-updates/current-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getDatabase } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import { askedFromArticle } from '@/lib/related/find-related';
import { getSidePanelView, setSidePanelView } from '@/lib/side-panel/view';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

const click = (info: Partial<Browser.contextMenus.OnClickData>) =>
  ({ menuItemId: FIND_RELATED_MENU_ID, editable: false, ...info }) as Browser.contextMenus.OnClickData;
const tab = { id: 7, windowId: 3, title: 'Cache stampede explained', url: 'https://a.test/posts/cache-stampede' };

describe('Find related: what was right-clicked becomes the query', () => {
  it('prefers the selected text', () => {
    expect(getRelatedRequest(click({ selectionText: '  thundering   herd ', pageUrl: tab.url }), tab as never)).toEqual(
      // With the page's address: a saved copy of the page is not listed as related to itself.
      { kind: 'related', source: 'selection', query: 'thundering herd', label: 'thundering herd', url: tab.url },
    );
  });

  it('uses a link’s text and the words of its URL', () => {
    const request = getRelatedRequest(click({ linkUrl: 'https://b.test/blog/redis-eviction-policy' }), tab as never);
    expect(request).toMatchObject({ source: 'link', query: 'blog redis eviction policy' });
  });

  it('falls back to the page title and URL words', () => {
    expect(getRelatedRequest(click({ pageUrl: tab.url }), tab as never)).toMatchObject({
      source: 'page',
      query: 'Cache stampede explained posts cache stampede',
      label: 'Cache stampede explained',
    });
  });

  it('labels the request with a plain line: no control characters or bidi overrides from the page', () => {
    const spoof = 'Invoice \u202Efdp.exe\u0007\u2066';
    const plain = 'Invoice fdp.exe';
    expect(getRelatedRequest(click({ selectionText: spoof }), tab as never).label).toBe(plain);
    const link = click({ linkUrl: 'https://b.test/x' });
    expect(getRelatedRequest({ ...link, linkText: spoof } as never, tab as never).label).toBe(plain);
    expect(getRelatedRequest(click({ pageUrl: tab.url }), { ...tab, title: spoof } as never).label).toBe(plain);
  });

  it('clips huge selections', () => {
    const request = getRelatedRequest(click({ selectionText: 'a '.repeat(50_000) }), tab as never);
    expect(request.query.length).toBeLessThanOrEqual(2000);
  });

  it('reads URL words safely', () => {
    expect(getUrlWords('https://x.test/a-b_c/%E2%82%AC')).toBe('a b c');
    expect(getUrlWords('not a url')).toBe('');
  });
});

describe('handleContextMenuClick', () => {
  it('opens the side panel before anything else and stores what it should show', async () => {
    // WXT's fake browser does not implement sidePanel.open: stub the one call the handler makes.
    const open = vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const pending = handleContextMenuClick(click({ selectionText: 'split brain' }), tab as never);
    expect(open).toHaveBeenCalledWith({ windowId: 3 }); // synchronously: the user gesture is still valid
    await pending;
    expect(await getSidePanelView()).toEqual({
      kind: 'related',
      source: 'selection',
      query: 'split brain',
      label: 'split brain',
      url: tab.url,
    });
  });

  it('reads the page’s text from its tab only in the expected shape (the page answers it)', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const answer = (result: unknown) =>
      vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result }] as never);
    const findRelated = async (result: unknown) => {
      answer(result);
      await handleContextMenuClick(click({ pageUrl: tab.url }), tab as never);
      return getSidePanelView();
    };
    expect(await findRelated({ title: 42, text: 'backpressure when queues grow' })).toMatchObject({
      query: 'backpressure when queues grow',
      title: tab.title,
    });
    const titleAndAddress = 'Cache stampede explained posts cache stampede';
    for (const hostile of [{ text: ['an', 'array'] }, { text: '   ' }, { text: { toString: 'x' } }, 'text', null])
      expect(await findRelated(hostile)).toMatchObject({ query: titleAndAddress });
  });

  // QA pass: on a file the browser did not let Shelf read, its path's words ("usr share doc python3 html")
  // were the query, and ten articles were listed as related.
  it('on a local file it cannot read, says so and looks nothing up; one it can read is read', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const file = { ...tab, title: '', url: 'file:///usr/share/doc/python3.11/html/library/functools.html' };
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await handleContextMenuClick(click({ pageUrl: file.url }), file as never);
    expect(await getSidePanelView()).toEqual({ kind: 'message', text: LOCAL_FILE_NOT_READ });
    vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([
      { frameId: 0, result: { title: 'functools', text: 'higher-order functions and caching decorators' } },
    ] as never);
    await handleContextMenuClick(click({ pageUrl: file.url }), file as never);
    expect(await getSidePanelView()).toMatchObject({
      source: 'page',
      query: 'higher-order functions and caching decorators',
    });
  });

  it('a page’s text read after the user asked again, or chose another view, replaces nothing (QA pass: a stale page)', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    // The page's text takes a while to read; the user asks about a selection, or opens a card, meanwhile.
    let answer: (value: unknown) => void = () => {};
    const read = () =>
      vi.spyOn(browser.scripting, 'executeScript').mockReturnValue(
        new Promise((resolve) => {
          answer = (result) => resolve([{ frameId: 0, result }] as never);
        }) as never,
      );
    read();
    const asked = handleContextMenuClick(click({ pageUrl: tab.url }), tab as never);
    await vi.waitFor(() => expect(browser.scripting.executeScript).toHaveBeenCalled());
    await handleContextMenuClick(click({ selectionText: 'split brain', pageUrl: tab.url }), tab as never);
    answer({ title: 'Cache stampede explained', text: 'the whole page about cache stampedes' });
    await asked;
    expect(await getSidePanelView()).toMatchObject({ source: 'selection', query: 'split brain' });

    read();
    const again = handleContextMenuClick(click({ pageUrl: tab.url }), tab as never);
    await vi.waitFor(() => expect(browser.scripting.executeScript).toHaveBeenCalledTimes(2));
    await setSidePanelView({ kind: 'article', articleId: 'cache-stampede' });
    answer({ title: 'Cache stampede explained', text: 'the whole page about cache stampedes' });
    await again;
    expect(await getSidePanelView()).toEqual({ kind: 'article', articleId: 'cache-stampede' });

    // Nobody asked for anything else: the page's text replaces its title and address.
    read();
    const alone = handleContextMenuClick(click({ pageUrl: tab.url }), tab as never);
    await vi.waitFor(() => expect(browser.scripting.executeScript).toHaveBeenCalledTimes(3));
    answer({ title: 'Cache stampede explained', text: 'the whole page about cache stampedes' });
    await alone;
    expect(await getSidePanelView()).toMatchObject({ source: 'page', query: 'the whole page about cache stampedes' });

    // A card opened and Back pressed meanwhile (the same request shown again): its text still comes (review).
    read();
    const back = handleContextMenuClick(click({ pageUrl: tab.url }), tab as never);
    await vi.waitFor(() => expect(browser.scripting.executeScript).toHaveBeenCalledTimes(4));
    const titleOnly = await getSidePanelView();
    await setSidePanelView({ kind: 'article', articleId: 'cache-stampede' });
    await setSidePanelView(titleOnly);
    answer({ title: 'Cache stampede explained', text: 'the page read after Back' });
    await back;
    expect(await getSidePanelView()).toMatchObject({ source: 'page', query: 'the page read after Back' });
  });

  it('names the saved item when the text is from Shelf’s own reader, in the side panel or a tab of its own', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const related = async (pageUrl: string, info: Partial<Browser.contextMenus.OnClickData> = {}) => {
      await handleContextMenuClick(click({ selectionText: 'split brain', pageUrl, ...info }), tab as never);
      return getSidePanelView();
    };
    // The side panel's address does not say which item it shows: the view it shows does.
    await setSidePanelView({ kind: 'reader', itemId: 'page:read', passage: 'split brain' });
    expect(await related(browser.runtime.getURL('/sidepanel.html'))).toMatchObject({ itemId: 'page:read' });
    // The full-tab reader names its item in its address.
    const tabReader = browser.runtime.getURL(`/sidepanel.html?reader=${encodeURIComponent('page:in tab')}`);
    expect(await related(tabReader)).toMatchObject({ itemId: 'page:in tab' });
    // Any other page (the same query on a web page, the side panel showing no item) names none.
    await setSidePanelView({ kind: 'reader', itemId: 'page:read' });
    expect(await related('https://a.test/sidepanel.html?reader=page:read')).not.toHaveProperty('itemId');
    await setSidePanelView({ kind: 'reading-list' });
    expect(await related(browser.runtime.getURL('/sidepanel.html'))).not.toHaveProperty('itemId');
    // A link is another page than the one it is on.
    await setSidePanelView({ kind: 'reader', itemId: 'page:read' });
    const link = await related(browser.runtime.getURL('/sidepanel.html'), {
      selectionText: undefined,
      linkUrl: 'https://b.test/elsewhere',
    });
    expect(link).toMatchObject({ source: 'link' });
    expect(link).not.toHaveProperty('itemId');
  });

  // QA pass: Find related on a link to a blog article listed that article first, then one other.
  it('a link to one of the blog’s articles is read as that article, which it leaves out', async () => {
    const article = ARTICLES.find((candidate) => candidate.url)!;
    const request = getRelatedRequest(
      click({ linkUrl: article.url!, linkText: 'this post', pageUrl: tab.url } as never),
      tab as never,
    );
    expect(request).toMatchObject({ source: 'link', label: 'this post', url: article.url });
    expect(request.query).toContain(article.summary.slice(0, 40));
    expect(askedFromArticle(request, getBundledCatalog())).toBe(article.id);
  });

  // New-user pass: a link to a page saved with its copy ("Monitoring chapter") was read as its two words and
  // the address's, and the panel said no blog article matches.
  it('a link to a page saved with its copy is read from that copy, and not listed as related to itself', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const text = 'Error budgets decide when to slow releases. Alerting on symptoms keeps on-call sane.';
    const url = 'https://sre.test/book/monitoring';
    const { id } = await savePage(
      { url, title: 'Monitoring' },
      capturedPage(url, 'Monitoring Distributed Systems', text),
    );
    await handleContextMenuClick(
      click({ linkUrl: `${url}?utm_source=toc`, linkText: 'Monitoring chapter', pageUrl: tab.url } as never),
      tab as never,
    );
    expect(await getSidePanelView()).toEqual({
      kind: 'related',
      source: 'link',
      query: text,
      title: 'Monitoring Distributed Systems',
      label: 'Monitoring chapter',
      url: `${url}?utm_source=toc`,
      itemId: id,
    });
    // A link to a page not saved, or saved without its copy, is its words.
    await savePage({ url: 'https://sre.test/book/toil', title: 'Toil' }, null);
    for (const linkUrl of ['https://sre.test/book/toil', 'https://sre.test/book/postmortems']) {
      await handleContextMenuClick(
        click({ linkUrl, linkText: 'Next chapter', pageUrl: tab.url } as never),
        tab as never,
      );
      expect(await getSidePanelView()).toMatchObject({
        source: 'link',
        query: expect.stringMatching(/^Next chapter /),
      });
      expect(await getSidePanelView()).not.toHaveProperty('itemId');
    }
  });

  it('a page of Shelf’s own reader is read from its saved copy (no script reads an extension page), not from its title', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const executeScript = vi.spyOn(browser.scripting, 'executeScript');
    const text = 'Error budgets decide when to slow releases. Alerting on symptoms keeps on-call sane.';
    const url = 'https://sre.test/book/monitoring';
    const { id } = await savePage(
      { url, title: 'Monitoring' },
      capturedPage(url, 'Monitoring Distributed Systems', text),
    );
    const readerTab = {
      id: 9,
      windowId: 3,
      title: 'Shelf',
      url: browser.runtime.getURL(`/sidepanel.html?reader=${id}`),
    };
    await handleContextMenuClick(click({ pageUrl: readerTab.url }), readerTab as never);
    expect(await getSidePanelView()).toMatchObject({
      source: 'page',
      itemId: id,
      query: text,
      title: 'Monitoring Distributed Systems',
      label: 'Monitoring Distributed Systems',
    });
    expect(executeScript).not.toHaveBeenCalled();
    // The side panel's reader: the web page in the tab beside it is not the page right-clicked.
    await setSidePanelView({ kind: 'reader', itemId: id });
    await handleContextMenuClick(click({ pageUrl: browser.runtime.getURL('/sidepanel.html') }), tab as never);
    expect(await getSidePanelView()).toMatchObject({ itemId: id, query: text });
    expect(executeScript).not.toHaveBeenCalled();
  });

  // Review: a link saved unopened ("Not captured yet") has no copy to read, and its reader's request was
  // the web tab beside the panel's title with the panel's address words ("sidepanel html").
  it('a page of Shelf’s reader without a copy is its saved item’s title and address, not the tab beside it', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const url = 'https://sre.test/book/error-budgets';
    const { id } = await savePage({ url, title: 'Embracing risk with error budgets' }, null);
    await setSidePanelView({ kind: 'reader', itemId: id });
    await handleContextMenuClick(click({ pageUrl: browser.runtime.getURL('/sidepanel.html') }), tab as never);
    expect(await getSidePanelView()).toEqual({
      kind: 'related',
      source: 'page',
      itemId: id,
      query: 'Embracing risk with error budgets book error budgets',
      label: 'Embracing risk with error budgets',
      url,
    });
  });

  // Review: the side panel's reader of an item removed since (in another window) found no item, and its
  // request stayed the web tab beside the panel's title with the panel's address words.
  it('a page of Shelf’s reader of an item removed since says what Find related works on, as Shelf’s other pages do', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const executeScript = vi.spyOn(browser.scripting, 'executeScript');
    await setSidePanelView({ kind: 'reader', itemId: 'page:removed-since' });
    await handleContextMenuClick(click({ pageUrl: browser.runtime.getURL('/sidepanel.html') }), tab as never);
    expect(await getSidePanelView()).toEqual({
      kind: 'message',
      text: expect.stringMatching(
        /^Find related works on a web page, a saved page in Shelf’s reader, selected text or a link/,
      ),
    });
    // The full-tab reader names the item in its address.
    const readerTab = { ...tab, id: 9, url: browser.runtime.getURL('/sidepanel.html?reader=page%3Aremoved-since') };
    await setSidePanelView({ kind: 'reading-list' });
    await handleContextMenuClick(click({ pageUrl: readerTab.url }), readerTab as never);
    expect(await getSidePanelView()).toMatchObject({ kind: 'message' });
    expect(executeScript).not.toHaveBeenCalled();
  });

  // Last note's leftover: a database that could not be read was taken for an item removed since, and the
  // user was told what Find related works on, on a page it works on.
  it('a page of Shelf’s reader whose item cannot be read says so, and reads no other page', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const executeScript = vi.spyOn(browser.scripting, 'executeScript');
    const { id } = await savePage({ url: 'https://sre.test/book/toil', title: 'Eliminating toil' }, null);
    await setSidePanelView({ kind: 'reader', itemId: id });
    vi.spyOn(getDatabase().items, 'get').mockRejectedValueOnce(new Error('The database connection is closing.'));
    await handleContextMenuClick(click({ pageUrl: browser.runtime.getURL('/sidepanel.html') }), tab as never);
    expect(await getSidePanelView()).toEqual({
      kind: 'message',
      text: 'Could not read this saved page, so nothing was looked up: The database connection is closing.',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a page of Shelf’s own other than the reader is not read as the tab beside it, nor as its address', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const executeScript = vi
      .spyOn(browser.scripting, 'executeScript')
      .mockResolvedValue([
        { frameId: 0, result: { title: tab.title, text: 'the web page beside the panel' } },
      ] as never);
    const panelPage = browser.runtime.getURL('/sidepanel.html');
    await setSidePanelView({ kind: 'reading-list' });
    // Chrome's side panel: the click comes with the web tab beside it. Its text was read under the
    // panel's address, so the page was related to itself and not left out as the page right-clicked.
    await handleContextMenuClick(click({ pageUrl: panelPage }), tab as never);
    expect(await getSidePanelView()).toMatchObject({ kind: 'message', text: expect.stringMatching(/Shelf’s own/) });
    expect(executeScript).not.toHaveBeenCalled();
    // Firefox's sidebar: the click comes with no tab. The panel's address was the query ("sidepanel html").
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // no tab to open Chrome's side panel in: said, not thrown
    await setSidePanelView({ kind: 'reading-list' });
    await handleContextMenuClick(click({ pageUrl: panelPage }), undefined);
    expect(await getSidePanelView()).toMatchObject({ kind: 'message' });
    // Settings in a tab of its own.
    const settingsTab = { ...tab, id: 11, title: 'Shelf settings', url: browser.runtime.getURL('/options.html') };
    await handleContextMenuClick(click({ pageUrl: settingsTab.url }), settingsTab as never);
    expect(await getSidePanelView()).toMatchObject({ kind: 'message' });
    expect(executeScript).not.toHaveBeenCalled();
    // A selection or a link there is still looked up.
    await handleContextMenuClick(click({ pageUrl: panelPage, selectionText: 'split brain' }), undefined);
    expect(await getSidePanelView()).toMatchObject({ kind: 'related', query: 'split brain' });
  });

  it('"Save to Shelf" on a link asks for its site in the click itself, not a moment later', async () => {
    // Firefox lets permissions.request prompt only while the menu's click is being handled: a
    // request queued even to the next microtask is refused there ("may only be called from a user
    // input handler"), and the link stayed without a copy.
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    const pending = handleContextMenuClick(
      click({ menuItemId: SAVE_MENU_ID, linkUrl: 'https://b.test/posts/retries', linkText: 'Retries' } as never),
      tab as never,
    );
    expect(request).toHaveBeenCalledWith({ origins: ['https://b.test/*'] }); // synchronously
    await pending;
  });

  it('ignores other menus', async () => {
    await handleContextMenuClick(click({ menuItemId: 'other', selectionText: 'x' }), tab as never);
    expect(await fakeBrowser.storage.session.get('sidePanelView')).toEqual({});
  });

  it('“Highlight with Shelf” asks the page script in the clicked frame to highlight the selection', async () => {
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await handleContextMenuClick(
      click({ menuItemId: HIGHLIGHT_MENU_ID, selectionText: 'split brain', frameId: 2 }),
      tab as never,
    );
    // With the text right-clicked: the page highlights its selection only while it is that text.
    expect(send).toHaveBeenCalledWith(
      7,
      { target: 'page', type: 'highlight-selection', selectionText: 'split brain' },
      { frameId: 2 },
    );
    expect(await fakeBrowser.storage.session.get('sidePanelView')).toEqual({}); // the side panel is not involved
  });
});

describe('keepContextMenus', () => {
  /** WXT's fake browser has no contextMenus: the two calls made, recorded. */
  function fakeMenus() {
    const created: string[] = [];
    const menus = {
      removeAll: (done: () => void) => done(),
      create: ({ id }: { id: string }) => void created.push(id),
    };
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
    Object.assign(browser, { contextMenus: menus });
    return created;
  }
  const MENUS = [FIND_RELATED_MENU_ID, SAVE_MENU_ID, HIGHLIGHT_MENU_ID];

  it('a persistent background page (Firefox, MV2) creates them as it starts: Firefox keeps none across sessions', () => {
    const created = fakeMenus();
    keepContextMenus(true);
    expect(created).toEqual(MENUS);
  });

  it('a service worker (Chrome) creates them on install and update only: Chrome keeps them', async () => {
    const created = fakeMenus();
    keepContextMenus(false);
    expect(created).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(created).toEqual(MENUS);
  });
});
