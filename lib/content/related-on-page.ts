import { type SettleTiming, whenDomSettles } from '@/lib/content/dom-settle';
import { hideOnSite, mayShowRelatedOn } from '@/lib/content/hidden-sites';
import type { PageContext } from '@/lib/content/page-context';
import { renderRelatedBox } from '@/lib/content/related-box';
import boxCss from '@/lib/content/related-box.css?inline';
import { mountShadowBox } from '@/lib/content/shadow-box';
import { sendRequest } from '@/lib/messaging/client';
import { comparableAddress } from '@/lib/net/same-page';
import { extractPageTextInSlices, type WalkBudget } from '@/lib/related/page-text';

/** Enough text to judge what a page is about; more costs main-thread time for nothing. */
const MAX_TEXT = 20_000;
const MIN_TEXT = 500;
/**
 * What reading a page may cost it: 100,000 nodes or 200 ms, in slices of a few milliseconds with
 * pauses between (see time-slices.ts). A real article takes a few thousand nodes.
 */
export const RELATED_TEXT_BUDGET: WalkBudget = { maxNodes: 100_000, maxDepth: 1_000, maxMs: 200 };
/**
 * How long to wait for a page that had no article yet when first read (rendered by its scripts after
 * load, or after a move in a single-page app whose old page stayed on screen while the new one was
 * fetched): the DOM still for a second after it first changes, 5 s at most. Read once more then.
 */
export const LATE_PAGE_TIMING: SettleTiming = { quietMs: 1_000, maxSettleMs: 5_000 };

/** What this document's script last read, and the pages where the user closed the box, with their text. */
const pageMemory = { lastText: '', dismissedAt: new Map<string, string>() };

/**
 * The page a dismissal holds for: its address without tracking parameters (`?utm_source=…`) or
 * fragment, so that closed, the box does not come back for those (QA pass); another query string is
 * another page (`/watch?v=…`, `?p=123`: review).
 */
const dismissalKey = (location: Location) => comparableAddress(location.href) ?? location.href;

/**
 * Shows the "Related articles" box on the current page when its content matches Shelf's library:
 * extract the main text, let the service worker score it, and only then build the box. The CSS is
 * inlined, not fetched: a fetchable file would let pages learn that Shelf is installed, and so
 * would a mark on the page's performance timeline, so the script leaves none.
 */
export async function showRelatedForPage(
  ctx: PageContext,
  doc: Document = document,
  lateTiming: SettleTiming = LATE_PAGE_TIMING,
): Promise<void> {
  const { hostname } = doc.location;
  const here = dismissalKey(doc.location);
  const closedText = pageMemory.dismissedAt.get(here);
  if (closedText !== undefined) {
    // Not read again, yet on screen: a next address still showing it is the last page (red team).
    pageMemory.lastText = closedText;
    return;
  }
  if (!(await mayShowRelatedOn(hostname)) || ctx.isInvalid) return;
  const read = () => extractPageTextInSlices(doc, MAX_TEXT, RELATED_TEXT_BUDGET);
  let page = await read();
  // Not rendered yet, or still the last address's page: read again once the page has changed.
  if (page.text.length < MIN_TEXT || page.text === pageMemory.lastText) {
    await whenDomSettles(doc, lateTiming, ctx.signal, { afterChange: true });
    if (ctx.isInvalid) return;
    page = await read();
  }
  pageMemory.lastText = page.text;
  if (page.text.length < MIN_TEXT || ctx.isInvalid) return;
  const reply = await sendRequest({
    type: 'related-for-page',
    title: page.title || doc.title.slice(0, 300),
    text: page.text,
  });
  if (!reply.matched || reply.results.length === 0 || ctx.isInvalid) return;

  const box = mountShadowBox(doc, { hostName: 'shelf-related', css: boxCss, signal: ctx.signal });
  renderRelatedBox(box.container, reply.results, {
    onOpen: (articleId) => sendRequest({ type: 'open-article-card', articleId }).then(({ opened }) => opened),
    onDismiss: () => {
      pageMemory.dismissedAt.set(here, page.text);
      box.remove();
    },
    onHideOnSite: () => {
      box.remove();
      void hideOnSite(hostname);
    },
  });
}
