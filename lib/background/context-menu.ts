import { type Browser, browser } from 'wxt/browser';
import { captureLink, RemovedWhileFetchedError } from '@/lib/background/capture-link';
import { HIGHLIGHT_MENU_ID, highlightMenuPatterns } from '@/lib/background/highlight-menu';
import { syncRelatedAnywhere } from '@/lib/background/related-anywhere';
import { linkItemId, saveLink, savePageAndShow } from '@/lib/background/save-page';
import { whileSaving } from '@/lib/background/saves-under-way';
import { getArticleServedAt } from '@/lib/corpus/catalog';
import { getCopy } from '@/lib/db/copies';
import { MAX_ITEM_URL_LENGTH } from '@/lib/db/limits';
import { getItem } from '@/lib/db/queries';
import { MAX_MENU_SELECTION } from '@/lib/messaging/page-command';
import type { PageCommand } from '@/lib/messaging/protocol';
import { originPattern } from '@/lib/net/fetch-page';
import { shownLine } from '@/lib/search/shown-line';
import { openSidePanel } from '@/lib/side-panel/show';
import { getSidePanelView, replaceSidePanelView, type SidePanelView, setSidePanelView } from '@/lib/side-panel/view';
import { z } from '@/lib/zod/classic';

export const FIND_RELATED_MENU_ID = 'find-related';
export const SAVE_MENU_ID = 'save-to-shelf';
export { HIGHLIGHT_MENU_ID };

/**
 * Creates Shelf's menus when the browser would otherwise have none. Chrome keeps an extension's
 * menus across service-worker restarts and browser restarts: created once, on install and update.
 * Firefox keeps them only for an event page; its build (Manifest V2) has a persistent background
 * page, whose menus end with the browser session, and a restart fires no onInstalled: created at
 * every start of that page.
 */
export function keepContextMenus(persistentBackgroundPage = Number(import.meta.env.MANIFEST_VERSION) === 2): void {
  if (persistentBackgroundPage) registerContextMenus();
  else browser.runtime.onInstalled.addListener(() => registerContextMenus());
}

/** Creates the menus anew (those already there are removed first: no id is taken twice). */
function registerContextMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({
      id: FIND_RELATED_MENU_ID,
      title: 'Find related',
      contexts: ['selection', 'link', 'page'],
    });
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save to Shelf', contexts: ['link', 'page'] });
    // Only where Shelf's page script runs to do it: the blog's article pages here; the every-site
    // script's sites are added when it is registered (the sync below, and whenever it changes).
    browser.contextMenus.create({
      id: HIGHLIGHT_MENU_ID,
      title: 'Highlight with Shelf',
      contexts: ['selection'],
      documentUrlPatterns: highlightMenuPatterns([]),
    });
    void syncRelatedAnywhere().catch(() => {});
  });
}

const MAX_QUERY_LENGTH = 2000;

/** Words of a URL's path, e.g. `/blog/scaling/cache-stampede` → "blog scaling cache stampede". */
export function getUrlWords(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const words = decodeURIComponent(pathname)
      .split(/[^\p{L}\p{N}+]+/u)
      .filter(Boolean);
    return words.length ? words.join(' ') : hostname;
  } catch {
    return '';
  }
}

/** Turns what the user right-clicked into the text Shelf looks for related articles to. */
export function getRelatedRequest(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Extract<SidePanelView, { kind: 'related' }> {
  // What a page gave (a selection, a link's text, its title) is shown as a label: a plain line, without
  // the control characters and bidi overrides that could run it backwards over Shelf's own words.
  const clip = (text: string) => shownLine(text).slice(0, MAX_QUERY_LENGTH);
  if (info.selectionText?.trim()) {
    const text = clip(info.selectionText);
    const url = (info.pageUrl ?? tab?.url)?.slice(0, MAX_ITEM_URL_LENGTH);
    return { kind: 'related', source: 'selection', query: text, label: text.slice(0, 300), ...(url ? { url } : {}) };
  }
  if (info.linkUrl) {
    const linkText = (info as { linkText?: string }).linkText ?? '';
    // A link to one of the blog's articles is that article: read as its card is, and not listed as
    // related to itself (QA pass: its own title came first, then one other).
    const article = getArticleServedAt(info.linkUrl);
    const query = clip(
      article
        ? `${article.title} ${article.summary} ${article.tags.join(' ')}`
        : `${linkText} ${getUrlWords(info.linkUrl)}`,
    );
    const label = (clip(linkText) || info.linkUrl).slice(0, 300);
    return { kind: 'related', source: 'link', query, label, url: info.linkUrl.slice(0, MAX_ITEM_URL_LENGTH) };
  }
  const pageUrl = info.pageUrl ?? tab?.url ?? '';
  const title = tab?.title ?? '';
  return {
    kind: 'related',
    source: 'page',
    query: clip(`${title} ${getUrlWords(pageUrl)}`),
    label: (clip(title) || pageUrl).slice(0, 300),
    ...(pageUrl ? { url: pageUrl.slice(0, MAX_ITEM_URL_LENGTH) } : {}),
  };
}

/**
 * The saved item shown where the menu was used, when that is Shelf's own reader: the full-tab
 * reader names it in its address (`sidepanel.html?reader=<id>`); the side panel shows the view
 * last set, which every side panel follows.
 */
export async function getReaderItemId(pageUrl: string | undefined): Promise<string | undefined> {
  let page: URL;
  try {
    page = new URL(pageUrl ?? '');
  } catch {
    return undefined;
  }
  const named = page.searchParams.get('reader');
  page.search = '';
  page.hash = '';
  if (page.href !== browser.runtime.getURL('/sidepanel.html')) return undefined;
  const shown = named === null ? await getSidePanelView().catch(() => null) : null;
  const itemId = named ?? (shown?.kind === 'reader' ? shown.itemId : '');
  // No saved item has a longer id.
  return itemId && itemId.length <= 300 ? itemId : undefined;
}

const MAX_PAGE_QUERY = 60_000;

/** What `page-text.js` answers from the page's tab, checked as any message from a page is: some text, a title if any. */
const pageTextSchema = z.object({
  title: z.string().catch(''),
  text: z.string().refine((text) => text.trim() !== ''),
});

/**
 * The main text of the page the menu was used on, read through activeTab + scripting (granted by
 * the menu click itself); null where the browser does not allow it (browser pages, store pages).
 */
async function readPageText(tabId: number): Promise<{ title: string; text: string } | null> {
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-text.js'] });
    const read = pageTextSchema.safeParse(injection?.result);
    if (!read.success) return null;
    return { title: read.data.title.slice(0, 300), text: read.data.text.slice(0, MAX_PAGE_QUERY) };
  } catch {
    return null;
  }
}

/** A saved item's copy as "Find related" reads a page: its text and title; null without a copy. */
async function readSavedCopyText(itemId: string): Promise<{ title: string; text: string } | null> {
  const copy = await getCopy(itemId).catch(() => undefined);
  if (!copy?.text.trim()) return null;
  return { title: shownLine(copy.title).slice(0, 300), text: copy.text.slice(0, MAX_PAGE_QUERY) };
}

/**
 * The reader's page as "Find related" reads a page before its copy (and without one: a link saved
 * unopened): its saved item's title and address, not the title of the web tab beside the side panel
 * under the panel's address (review: "Cache stampede explained sidepanel html"). Null when the item was
 * removed since (in another window): the reader shows no saved page then.
 */
async function readerPageRequest(
  asked: Extract<SidePanelView, { kind: 'related' }>,
  info: Browser.contextMenus.OnClickData,
  itemId: string,
): Promise<Extract<SidePanelView, { kind: 'related' }> | null> {
  if (asked.source !== 'page') return asked;
  // A database that cannot be read throws: said as such, not as an item removed (`handleContextMenuClick`).
  const item = await getItem(itemId);
  if (!item) return null;
  return getRelatedRequest({ ...info, pageUrl: item.url ?? '' }, { title: item.title } as Browser.tabs.Tab);
}

/** "Find related" on a file the browser does not let Shelf read. */
export const LOCAL_FILE_NOT_READ =
  'Shelf could not read this file, so nothing was looked up. Select some of its text and choose Find related, or turn on “Allow access to file URLs” for Shelf in the browser’s extension settings.';

const NOT_ON_SHELF_PAGES =
  'Find related works on a web page, a saved page in Shelf’s reader, selected text or a link: not on Shelf’s own lists and settings.';

/** Whether the menu was used on one of Shelf's own pages (its side panel or sidebar, a tab of its own). */
function isShelfPage(pageUrl: string | undefined): boolean {
  return pageUrl?.startsWith(browser.runtime.getURL('/')) === true;
}

export async function handleContextMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (info.menuItemId === SAVE_MENU_ID) return handleSaveClick(info, tab);
  if (info.menuItemId === HIGHLIGHT_MENU_ID) return handleHighlightClick(info, tab);
  if (info.menuItemId !== FIND_RELATED_MENU_ID) return;
  // The user gesture is only valid until the first await: open the panel first, fill it after.
  const opening = openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }).catch((error: unknown) =>
    console.warn('Shelf: could not open the side panel', error),
  );
  const asked = getRelatedRequest(info, tab);
  // Text or a page of Shelf's own reader is a saved item's: not related to itself (a link is another page).
  let itemId = asked.source === 'link' ? undefined : await getReaderItemId(info.pageUrl);
  let request = asked;
  if (itemId) {
    let reader: Awaited<ReturnType<typeof readerPageRequest>>;
    try {
      reader = await readerPageRequest(asked, info, itemId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await setSidePanelView({
        kind: 'message',
        text: `Could not read this saved page, so nothing was looked up: ${reason}`,
      });
      return opening;
    }
    // Its item removed since: a page of Shelf's with no saved page in it, said as on its other pages (review:
    // the web tab beside the panel was read).
    if (reader) request = { ...reader, itemId };
    else itemId = undefined;
  }
  if (request.source === 'page' && !itemId && isShelfPage(info.pageUrl)) {
    // Shelf's panel, list or settings: Chrome's side panel comes with the web tab beside it (whose text
    // was read under the panel's address), Firefox's sidebar with no tab (its address was the query).
    await setSidePanelView({ kind: 'message', text: NOT_ON_SHELF_PAGES });
  } else if (request.source === 'page' && (itemId || tab?.id !== undefined)) {
    // A file on this computer is read only with "Allow access to file URLs": else its path's words were
    // the query (QA pass: "usr share doc python3 html" listed ten articles as related).
    const localFile = !itemId && request.url?.startsWith('file:');
    if (!localFile) await setSidePanelView(request); // title and URL words at once; the page's text when read
    // Shelf's reader is an extension page no script can read: its saved copy is the page's text.
    const page = itemId ? await readSavedCopyText(itemId) : await readPageText(tab?.id as number);
    if (page) {
      const title = page.title || tab?.title || '';
      const read = { ...request, query: page.text, title, ...(itemId && title ? { label: title } : {}) };
      await (localFile ? setSidePanelView(read) : replaceSidePanelView(request, read));
    } else if (localFile) await setSidePanelView({ kind: 'message', text: LOCAL_FILE_NOT_READ });
  } else if (request.source === 'link' && info.linkUrl) {
    await setSidePanelView(request); // the link's words at once; its saved copy's text when read
    // A link to a page saved with its copy is that page (new-user pass: a link to a saved chapter, "Monitoring
    // chapter", was its two words), not listed as related to itself.
    const savedId = linkItemId(info.linkUrl);
    const page = savedId ? await readSavedCopyText(savedId) : null;
    if (page) {
      await replaceSidePanelView(request, {
        ...request,
        query: page.text,
        title: page.title,
        itemId: savedId as string,
      });
    }
  } else {
    await setSidePanelView(request);
  }
  await opening;
}

/**
 * "Save to Shelf": a page is captured now and opened in the reader. A link is saved at once, then
 * its page is fetched and captured like an opened page when Shelf may read that site: the
 * permission for it is asked in this click, the first time. Without it, the item waits with
 * "Not captured yet" and a "Capture now" button in the reader.
 */
export async function handleSaveClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  const target = { tabId: tab?.id, windowId: tab?.windowId };
  if (!info.linkUrl) return savePageAndShow({ id: tab?.id, url: info.pageUrl ?? tab?.url, title: tab?.title }, target);
  const opening = openSidePanel(target).catch(() => {});
  // Both need this click's user gesture: asked before anything is awaited.
  const allowed = mayReadSite(info.linkUrl);
  const { linkUrl } = info;
  const linkText = (info as { linkText?: string }).linkText ?? '';
  try {
    const clickedAt = Date.now();
    // Listed as under way, as any save is: a worker stopped while it fetched the page is said in the
    // side panel (QA: the item stayed "Not captured yet", and nobody said why).
    const listing = { linkItemId: linkItemId(linkUrl) };
    await whileSaving(
      linkText.trim() || linkUrl,
      async (markSaved, markLinkStored) => {
        const item = await saveLink(linkUrl, linkText);
        // A link saved before may have its copy already: it keeps that one whatever happens to this fetch.
        const hadCopy = await markLinkStored(item.id);
        await setSidePanelView({ kind: 'reader', itemId: item.id });
        if (!item.url || !(await allowed)) return;
        // Saved by this click, the item is named by the link's text ("Read more", "here") only until its
        // page is read: the page's title replaces it (QA pass: the reading list kept "Read more").
        const provisionalTitle = item.addedAt >= clickedAt ? item.title : undefined;
        await captureLink(item.url, item.title, { provisionalTitle, savedAs: item.id, onCopyKept: markSaved }).catch(
          (error: unknown) =>
            setSidePanelView({
              kind: 'message',
              text:
                error instanceof RemovedWhileFetchedError
                  ? error.message
                  : hadCopy
                    ? `“${item.title.slice(0, 200)}” is in your reading list with the copy it had: ${(error as Error).message}`
                    : `Saved “${item.title.slice(0, 200)}” to your reading list without a copy: ${(error as Error).message}`,
            }),
        );
      },
      listing,
    );
  } catch (error) {
    await setSidePanelView({ kind: 'message', text: (error as Error).message });
  }
  await opening;
}

/** Whether Shelf may fetch the link's site: already allowed, or allowed now at the browser's prompt. */
function mayReadSite(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return Promise.resolve(false);
  const origins = { origins: [pattern] };
  // Called now, not in a later microtask: Firefox takes a request only while the click is handled.
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request(origins).catch(() => false);
  } catch {
    asked = Promise.resolve(false);
  }
  const held = browser.permissions.contains(origins).catch(() => false);
  return Promise.all([held, asked]).then(([isHeld, granted]) => isHeld || granted);
}

/**
 * "Highlight with Shelf": the page script in that frame highlights the selection (it alone can
 * find it in the page's text). The menu shows only where it runs: the blog's article pages, and
 * every site while "related articles on every site" is on (lib/background/highlight-menu.ts).
 */
export async function handleHighlightClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (tab?.id === undefined) return;
  const selectionText = info.selectionText?.slice(0, MAX_MENU_SELECTION);
  const command: PageCommand = { target: 'page', type: 'highlight-selection', ...(selectionText && { selectionText }) };
  await browser.tabs
    .sendMessage(tab.id, command, { frameId: info.frameId ?? 0 })
    .catch((error: unknown) => console.warn('Shelf: the page could not highlight the selection', error));
}
