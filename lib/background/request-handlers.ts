import { type Browser, browser } from 'wxt/browser';
import type { QuoteBlock } from '@/lib/annotations/quote-blocks';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { refreshBadge } from '@/lib/background/badge';
import { captureSavedLinkListedUnderWay } from '@/lib/background/capture-link';
import { learnFromBlogPage, updateCatalogFromBlog } from '@/lib/background/catalog-update';
import { requestLibraryPostingsUpdate } from '@/lib/background/library-postings';
import { noteTabDrawsHighlights, tellPagesHighlightsChanged } from '@/lib/background/page-highlight-changes';
import { everySiteScriptRuns } from '@/lib/background/related-anywhere';
import { savePageListedUnderWay } from '@/lib/background/save-page';
import { reportSavesCutShort } from '@/lib/background/saves-under-way';
import { syncNow } from '@/lib/background/sync';
import { loadEffectiveCatalog } from '@/lib/catalog-updates/current-catalog';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { isServedByBlog } from '@/lib/corpus/blog-url';
import { getArticleServedAt } from '@/lib/corpus/catalog';
import { addHighlight, getHighlights, recordPageAnchoring, setHighlightNote } from '@/lib/db/highlights';
import { articleItemId, normalizePageUrl, pageItemId } from '@/lib/db/ids';
import { saveArticle, setNote } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { getArticleState, getItem } from '@/lib/db/queries';
import { PAGE_NOT_SAVED } from '@/lib/messaging/highlight-errors';
import type { PageHighlight, Reply, RequestHandlers } from '@/lib/messaging/protocol';
import { isWebUrl } from '@/lib/net/web-url';
import { relatedEngineFor } from '@/lib/related/bundled';
import { closeToBest } from '@/lib/related/find-related';
import { showInSidePanel } from '@/lib/side-panel/show';

/** How many related articles the box on the blog lists. */
const BOX_RELATED = 3;

function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

function assertFromExtensionPage(sender: Browser.runtime.MessageSender): void {
  if (!isExtensionPage(sender)) throw new Error('refused: only Shelf’s own pages may ask this');
}

/**
 * The address of the page a tab's script speaks for. `sender.url` is its document's address, which
 * Chrome gives without the "tabs" permission, and keeps when a single-page app moves on without a new
 * document (history.pushState); the tab's address, given where Shelf has the site's permission,
 * follows such a move. It is taken when it is on the document's origin, where only the page itself
 * can have moved it; a tab on another origin shows another document, and the sender's stays.
 */
function senderPageUrl(sender: Browser.runtime.MessageSender): string {
  const documentUrl = sender.url ?? sender.tab?.url ?? '';
  const tabUrl = sender.tab?.url;
  // Only the document the tab shows: not a frame, nor a page prerendered or being left in that tab
  // (Chrome gives those the hosting tab too; review).
  const shown = (sender.frameId ?? 0) === 0 && (sender.documentLifecycle ?? 'active') === 'active';
  const sameSite = tabUrl !== undefined && originOf(tabUrl) !== null && originOf(tabUrl) === originOf(documentUrl);
  return shown && sameSite ? tabUrl : documentUrl;
}

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * A content script speaks for the page it runs in, and only for it: a script on one article cannot
 * read another's saved state or move its reading position.
 */
function assertSenderPageIs(
  catalog: EffectiveCatalog,
  articleId: string | undefined,
  sender: Browser.runtime.MessageSender,
): void {
  if (isExtensionPage(sender)) return; // Shelf's own pages may ask about any article
  const url = senderPageUrl(sender);
  const senderArticleId = isServedByBlog(url) ? catalog.byUrl(url)?.id : undefined;
  if (senderArticleId !== articleId) throw new Error('refused: the request is not about the sender’s own page');
}

/**
 * A tab's script asked for its page's highlights to draw: it is told when they change. Failing to
 * note it costs a redraw that a reload makes up for, never the answer.
 */
async function noteTabDrawing(sender: Browser.runtime.MessageSender, kind: { everySite: boolean }): Promise<void> {
  if (sender.tab?.id === undefined || isExtensionPage(sender)) return;
  await noteTabDrawsHighlights(sender.tab.id, kind).catch(() => {});
}

const toPageHighlight = ({ id, selectors, color }: PageHighlight): PageHighlight => ({ id, selectors, color });

/** The web page a tab's script speaks for when it names no article (the every-site script). */
interface SenderPage {
  tab: { id: number; url: string; title?: string };
  /** The saved item this page is or would be, by the same rule as "Save this page". */
  itemId: string;
}

/**
 * The page is the address the browser gives for the sender, never one the message names: only a
 * script in a tab's top frame (the frame "Save this page" captures) of an http(s) page may ask,
 * and only while the every-site script runs (turned off, a tab that still has it asks in vain).
 */
async function senderWebPage(sender: Browser.runtime.MessageSender): Promise<SenderPage> {
  if (!(await everySiteScriptRuns())) throw new Error('refused: highlights on other sites are off');
  const url = senderPageUrl(sender);
  const tabId = sender.tab?.id;
  const sameAsTab = !sender.tab?.url || normalizePageUrl(sender.tab.url) === normalizePageUrl(url);
  if (tabId === undefined || isExtensionPage(sender) || (sender.frameId ?? 0) !== 0 || !sameAsTab || !isWebUrl(url)) {
    throw new Error('refused: only a script in a web page’s tab speaks for that page');
  }
  return {
    tab: { id: tabId, url, title: sender.tab?.title },
    itemId: pageItemId(url, getArticleServedAt(url)?.id),
  };
}

/**
 * A highlight on the sender's page, anywhere: a page not saved yet is saved first, exactly as
 * "Save this page" saves that tab; when it cannot be captured nothing is written and the error says so.
 */
async function highlightSenderPage(
  selectors: SelectorSet,
  { quoteBlocks, joining }: { quoteBlocks: QuoteBlock[] | undefined; joining: string[] | undefined },
  sender: Browser.runtime.MessageSender,
): Promise<Reply<'add-page-highlight'>> {
  const page = await senderWebPage(sender);
  let itemId = (await getItem(page.itemId))?.id;
  const savedNow = itemId === undefined;
  if (itemId === undefined) {
    try {
      itemId = (await savePageListedUnderWay(page.tab)).id;
    } catch (error) {
      throw new Error(`${PAGE_NOT_SAVED}: ${(error as Error).message}`);
    }
  }
  const highlight = await addHighlight(itemId, selectors, { quoteBlocks, joining });
  return { highlight: highlight && toPageHighlight(highlight), savedNow };
}

// Every handler reads the catalog users see: the bundle plus what Shelf learned from the blog.
export const requestHandlers: RequestHandlers = {
  'page-state': async ({ url }, sender) => {
    const catalog = await loadEffectiveCatalog();
    const article = catalog.byUrl(url);
    if (sender.tab) assertSenderPageIs(catalog, article?.id, sender);
    if (!article) return { article: null, saved: false, progress: null, related: [], highlights: [] };
    // The blog's article page draws its highlights (lib/content/blog-article.ts), and redraws them when told.
    await noteTabDrawing(sender, { everySite: false });
    const { item, progress } = await getArticleState(article.id);
    const highlights = item ? (await getHighlights(item.id)).map(toPageHighlight) : [];
    return {
      article: { id: article.id, title: article.title },
      saved: item !== undefined,
      progress: item && progress ? { fraction: progress.fraction, ...progress.anchor } : null,
      related: relatedEngineFor(catalog)
        .relatedToArticle(article.id)
        .slice(0, BOX_RELATED)
        .map(({ id, title }) => ({ id, title })),
      highlights,
    };
  },
  // The box on any site: the text its script read, scored against the catalog (no saved state is read).
  'related-for-page': async ({ title, text }) => {
    const catalog = await loadEffectiveCatalog();
    const { matched, results } = relatedEngineFor(catalog).related({ title, text }, { limit: BOX_RELATED });
    // As "Find related" lists them: Python's numeric types filled the box's last two places with
    // Terraform modules and a founder's demands, at a third of the first one's strength (QA pass).
    return {
      matched,
      results: matched ? closeToBest(results).map(({ article }) => ({ id: article.id, title: article.title })) : [],
    };
  },
  // Only the content script on the article's own page records its progress (the reader writes directly).
  'record-progress': async ({ articleId, fraction, scrollFraction, scrollY }, sender) => {
    assertSenderPageIs(await loadEffectiveCatalog(), articleId, sender);
    return { recorded: await setProgress(articleItemId(articleId), { fraction, anchor: { scrollFraction, scrollY } }) };
  },
  // "Save to Shelf" in the blog box: a content script saves only the article of its own page.
  'save-article': async ({ articleId }, sender) => {
    const catalog = await loadEffectiveCatalog();
    assertSenderPageIs(catalog, articleId, sender);
    const article = catalog.byId(articleId);
    if (!article) throw new Error(`unknown article "${articleId}"`);
    await saveArticle({ id: article.id, title: article.title, url: article.url });
    return { saved: true };
  },
  // The Highlight button or menu on the article's own page; highlighting an unsaved article saves it.
  // Without an article named: the sender's own page, on any site the every-site script runs on.
  'add-page-highlight': async ({ articleId, selectors, quoteBlocks, joining }, sender) => {
    if (articleId === undefined) return highlightSenderPage(selectors, { quoteBlocks, joining }, sender);
    const catalog = await loadEffectiveCatalog();
    assertSenderPageIs(catalog, articleId, sender);
    const article = catalog.byId(articleId);
    if (!article) throw new Error(`unknown article "${articleId}"`);
    const { item } = await getArticleState(article.id);
    if (!item) await saveArticle({ id: article.id, title: article.title, url: article.url });
    const highlight = await addHighlight(articleItemId(article.id), selectors, { quoteBlocks, joining });
    return { highlight: highlight && toPageHighlight(highlight), savedNow: !item };
  },
  'report-page-highlights': async ({ articleId, found, notFound }, sender) => {
    if (articleId === undefined) {
      return { recorded: await recordPageAnchoring((await senderWebPage(sender)).itemId, { found, notFound }) };
    }
    assertSenderPageIs(await loadEffectiveCatalog(), articleId, sender);
    return { recorded: await recordPageAnchoring(articleItemId(articleId), { found, notFound }) };
  },
  // The every-site script, as its page opens: that page's highlights to draw (never their notes).
  // With an article named: the blog's article page, drawing its highlights anew after they changed.
  'page-highlights': async ({ articleId }, sender) => {
    if (articleId !== undefined) assertSenderPageIs(await loadEffectiveCatalog(), articleId, sender);
    const itemId = articleId === undefined ? (await senderWebPage(sender)).itemId : articleItemId(articleId);
    await noteTabDrawing(sender, { everySite: articleId === undefined });
    return { highlights: (await getHighlights(itemId)).map(toPageHighlight) };
  },
  // A card pressed in a box on a page: it shows in that tab's side panel, and only a tab's script may ask.
  'open-article-card': async ({ articleId }, sender) => {
    if (sender.tab?.id === undefined) throw new Error('refused: only a page’s box opens a card in its tab');
    if (!(await loadEffectiveCatalog()).byId(articleId)) throw new Error(`unknown article "${articleId}"`);
    // Without a usable gesture the browser refuses; the card still shows when the user opens the panel.
    const opened = await showInSidePanel(
      { tabId: sender.tab?.id, windowId: sender.tab?.windowId },
      { kind: 'article', articleId },
    );
    return { opened };
  },
  'data-changed': async ({ highlights }, sender) => {
    assertFromExtensionPage(sender);
    if (highlights) void tellPagesHighlightsChanged().catch(() => {});
    requestLibraryPostingsUpdate();
    await refreshBadge();
    return { refreshed: true };
  },
  'capture-item': async ({ itemId }, sender) => {
    assertFromExtensionPage(sender);
    const item = await getItem(itemId);
    if (!item?.url) throw new Error('This item has no address to fetch.');
    return { title: (await captureSavedLinkListedUnderWay({ ...item, url: item.url })).title };
  },
  // The page's address comes from the browser (the sender), never from the message.
  'learn-from-page': async ({ metadata }, sender) => {
    // The document's own address, which its markup describes; refused once the tab shows another
    // (a single-page move since the page was read), rather than pairing one page's words with the next's address.
    const pageUrl = sender.url ?? '';
    if (!sender.tab || !isServedByBlog(pageUrl)) {
      throw new Error('refused: only a page of the blog speaks for itself');
    }
    if (sender.tab.url && normalizePageUrl(sender.tab.url) !== normalizePageUrl(pageUrl)) {
      throw new Error('refused: the tab has moved on from the page that was read');
    }
    return { learned: await learnFromBlogPage(metadata, pageUrl) };
  },
  'update-catalog': async (_request, sender) => {
    assertFromExtensionPage(sender);
    return { report: await updateCatalogFromBlog() };
  },
  'sync-now': async (_request, sender) => {
    assertFromExtensionPage(sender);
    return { status: await syncNow() };
  },
  'report-unfinished-saves': async (_request, sender) => {
    assertFromExtensionPage(sender);
    return { reported: await reportSavesCutShort() };
  },
  'save-note': async ({ target, id, note, base, underWay }, sender) => {
    assertFromExtensionPage(sender);
    if (target === 'item') await setNote(id, note, { base, underWay });
    else await setHighlightNote(id, note, { base, underWay });
    return { saved: true };
  },
  'save-tab': async ({ tabId }, sender) => {
    assertFromExtensionPage(sender);
    const started = Date.now();
    const item = await savePageListedUnderWay(await browser.tabs.get(tabId));
    // Saving again keeps when it was first added: the popup then says it was there already.
    return { title: item.title, itemId: item.id, again: item.addedAt < started, status: item.status };
  },
};
