import { type Browser, browser } from 'wxt/browser';
import { readCopyHere } from '@/lib/background/copy-texts';
import { keepCopyImages } from '@/lib/background/keep-images';
import { whileSaving } from '@/lib/background/saves-under-way';
import { copyChanges } from '@/lib/capture/copy-text';
import { capturedPageSchema } from '@/lib/capture/schema';
import { getArticleByUrl, getArticleServedAt } from '@/lib/corpus/catalog';
import { pageItemId } from '@/lib/db/ids';
import { savePage } from '@/lib/db/items';
import type { SavedItem } from '@/lib/db/schema';
import { isWebUrl } from '@/lib/net/web-url';
import { openSidePanel, type SidePanelTarget } from '@/lib/side-panel/show';
import { setSidePanelView } from '@/lib/side-panel/view';
import { z } from '@/lib/zod/classic';

export interface TabToSave {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * Captures a tab's page and saves it: the one way Shelf saves an open page, for the popup's
 * button, the menu and the shortcut (activeTab, granted by the click, menu or key that asked).
 * The captured copy comes from the page's renderer, so it is validated, sanitized and read again here
 * before it is stored.
 */
export async function savePageFromTab(
  tab: TabToSave,
  /** Called once the page and its copy are stored, before its images are fetched. */
  { onSaved }: { onSaved?: () => Promise<void> } = {},
): Promise<SavedItem> {
  if (tab.id === undefined || !tab.url || !isWebUrl(tab.url)) {
    throw new Error('Shelf can save web pages (http and https) only.');
  }
  const status = await pageStatus(tab.id);
  if (status >= 400)
    throw new Error(`This page is the site’s error page (it answered ${status}), so there is nothing to save.`);
  let result: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/capture.js'] });
    result = injection?.result;
  } catch (error) {
    const message = (error as Error).message;
    // Chrome's own page for a site that did not answer: there is no page to keep (QA pass: the popup
    // blamed the browser, in Chrome's words).
    if (/showing error page/i.test(message))
      throw new Error('This page did not load, so there is nothing to save. Reload it, then save it.');
    throw new Error(`The browser did not let Shelf read this page (${message}).`);
  }
  const parsed = capturedPageSchema.safeParse(result);
  if (!parsed.success) throw new Error(`The page could not be captured: ${z.prettifyError(parsed.error)}`);
  // The tab may have left the page since `tab` was read (a page that asked for a highlight, which
  // saves it, can send its tab to another site at once): that site's page is not this one's copy.
  if (originOf(parsed.data.url) !== originOf(tab.url)) {
    throw new Error('The tab moved to another site while Shelf saved it, so nothing was saved. Save it again.');
  }
  const { html, text } = await readCopyHere(parsed.data.html);
  const capture = { ...parsed.data, html, ...copyChanges({ ...parsed.data, url: tab.url }, text) };
  const item = await savePage(
    { url: tab.url, title: tab.title ?? capture.title, bundledArticleId: getArticleServedAt(tab.url)?.id },
    capture,
  );
  await onSaved?.();
  await keepCopyImages(item.id, capture.html); // before "Saved": the copy is complete offline
  return item;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** What the page a tab reports for its HTTP status: a whole number; anything else reads as unknown. */
const pageStatusSchema = z.number().int().min(0).max(999).catch(0);

/**
 * The HTTP status the tab's page was answered with, 0 when the browser does not say (QA pass: a tab
 * showing a site's "404 not found" page was saved as an article titled by its address, "2 words").
 * Only while the tab still shows the address it loaded (review: a single-page site answering 404 for
 * a broken link, then moved to an article without a reload, still reports that 404). Firefox gives no
 * status (0: saved as before). A page that cannot be read answers 0 here: the capture then says why.
 */
async function pageStatus(tabId: number): Promise<number> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: shownPageStatus,
    });
    return pageStatusSchema.parse(injection?.result);
  } catch {
    return 0;
  }
}

/**
 * Run in the tab (self-contained: injected as it is): the status its document was answered with, while
 * it still shows the address it loaded; else 0.
 */
export function shownPageStatus(): number {
  const loaded = performance.getEntriesByType('navigation')[0] as
    | (PerformanceEntry & { responseStatus?: number })
    | undefined;
  const shown = location.href.split('#')[0];
  return loaded && loaded.name.split('#')[0] === shown ? (loaded.responseStatus ?? 0) : 0;
}

/**
 * `savePageFromTab`, listed as under way while it runs (`whileSaving`): a background stopped in the
 * middle is said in the side panel when it next starts, whoever asked (the menu, the shortcut, the
 * popup, which often closes first, or a page's highlight, which saves the page first).
 */
export function savePageListedUnderWay(tab: TabToSave): Promise<SavedItem> {
  // The id `savePageFromTab` saves it under: a worker stopped after storing it, before marking it, is told apart.
  const itemId = tab.url && isWebUrl(tab.url) ? pageItemId(tab.url, getArticleServedAt(tab.url)?.id) : undefined;
  return whileSaving(tab.title || tab.url || 'this page', (markSaved) => savePageFromTab(tab, { onSaved: markSaved }), {
    pageItemId: itemId,
  });
}

/** Saves a link the user has not opened: an unread item without a copy, captured when opened. */
export function saveLink(url: string, title: string): Promise<SavedItem> {
  if (!isWebUrl(url)) return Promise.reject(new Error('Shelf can save web links (http and https) only.'));
  return savePage({ url, title: title.trim() || url, bundledArticleId: getArticleByUrl(url)?.id }, null);
}

/** The id `saveLink` saves a link under (undefined for what it does not save). */
export function linkItemId(url: string): string | undefined {
  return isWebUrl(url) ? pageItemId(url, getArticleByUrl(url)?.id) : undefined;
}

/**
 * Saves the tab and shows the result in the side panel: the saved copy in the reader, or why it
 * could not be saved. Call it from the user's gesture: the panel is asked for before anything is awaited.
 */
export async function savePageAndShow(
  tab: Browser.tabs.Tab | TabToSave | undefined,
  target: SidePanelTarget,
): Promise<void> {
  const opening = openSidePanel(target).catch(() => {});
  try {
    const item = await savePageListedUnderWay(tab ?? {});
    await setSidePanelView({ kind: 'reader', itemId: item.id });
  } catch (error) {
    await setSidePanelView({ kind: 'message', text: (error as Error).message });
  }
  await opening;
}
