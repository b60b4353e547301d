import { keepCopyImages } from '@/lib/background/keep-images';
import { withDom } from '@/lib/background/offscreen';
import { whileSaving } from '@/lib/background/saves-under-way';
import { type CapturedPage, capturedPageSchema } from '@/lib/capture/schema';
import { getArticleServedAt } from '@/lib/corpus/catalog';
import { pageItemId } from '@/lib/db/ids';
import { keepCopyOfSavedPage, savePage } from '@/lib/db/items';
import type { SavedItem } from '@/lib/db/schema';
import { fetchPage } from '@/lib/net/fetch-page';
import { captureHtml } from '@/lib/offscreen/capture-html';

/** Captures fetched HTML where there is a DOM: here (Firefox's background page) or Chrome's offscreen document. */
function captureFetchedHtml(html: string, url: string): Promise<CapturedPage> {
  return withDom(
    () => captureHtml(html, url),
    { target: 'offscreen', type: 'capture-html', url, html },
    capturedPageSchema,
    'The page could not be read',
  );
}

/** The item was removed while its page was fetched: nothing was kept, nor saved again. */
export class RemovedWhileFetchedError extends Error {}

/**
 * Fetches a saved link's page (a plain GET, no cookies) and keeps its readable copy, like a page
 * the user opened and saved. The item is saved under the address the user saved, whatever the
 * redirects. Needs the host permission for the link's site (asked when the user saves it). An item
 * removed while its page was fetched (in another window) stays removed: that is thrown, not saved again.
 */
export async function captureLink(
  url: string,
  title: string,
  {
    provisionalTitle,
    savedAs,
    onCopyKept,
  }: {
    provisionalTitle?: string;
    /** The id of the item saved for the link: its copy is kept only while it is still saved. */
    savedAs?: string;
    /** Called once the copy is stored, before its images are fetched (`whileSaving`'s `markSaved`). */
    onCopyKept?: () => Promise<void>;
  } = {},
): Promise<SavedItem> {
  const bundledArticleId = getArticleServedAt(url)?.id;
  // The copy goes to that item, unless it is a bundled article's read from another address than the
  // blog's own (over http, say), which is kept as a page of its own, never as the article's.
  const ofSavedItem = savedAs !== undefined && savedAs === pageItemId(url, bundledArticleId);
  const page = await fetchPage(url);
  const capture = await captureFetchedHtml(page.html, page.url);
  const saving = { url, title: capture.title || title, bundledArticleId };
  const item = ofSavedItem
    ? await keepCopyOfSavedPage(saving, capture, { provisionalTitle })
    : await savePage(saving, capture, { provisionalTitle });
  if (!item)
    throw new RemovedWhileFetchedError(
      `“${title.slice(0, 200)}” was removed from Shelf while its page was fetched; no copy was kept.`,
    );
  await onCopyKept?.();
  await keepCopyImages(item.id, capture.html);
  return item;
}

/**
 * "Capture now" on a saved link: `captureLink`, listed as under way (lib/background/saves-under-way.ts),
 * so that a worker stopped while it fetched the page is said in the side panel, as any save is: the
 * reader that asked may be closed by then.
 */
export function captureSavedLinkListedUnderWay(item: { id: string; url: string; title: string }): Promise<SavedItem> {
  return whileSaving(
    item.title,
    async (markSaved, markLinkStored) => {
      await markLinkStored(item.id);
      return captureLink(item.url, item.title, { savedAs: item.id, onCopyKept: markSaved });
    },
    { linkItemId: item.id },
  );
}
