import { browser } from 'wxt/browser';
import { z } from 'zod';
import { keepCopyImages } from '@/lib/background/keep-images';
import { type CapturedPage, capturedPageSchema } from '@/lib/capture/schema';
import { getArticleByUrl } from '@/lib/corpus/catalog';
import { savePage } from '@/lib/db/items';
import type { SavedItem } from '@/lib/db/schema';
import type { Envelope, OffscreenRequest } from '@/lib/messaging/protocol';
import { fetchPage } from '@/lib/net/fetch-page';
import { captureHtml } from '@/lib/offscreen/capture-html';

const OFFSCREEN_URL = '/offscreen.html';

type OffscreenApi = {
  offscreen?: {
    hasDocument?: () => Promise<boolean>;
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
};

/** The offscreen document, opened once (opening it twice at once throws, so the promise is shared). */
let opening: Promise<void> | undefined;
async function ensureOffscreenDocument(): Promise<void> {
  const { offscreen } = browser as unknown as OffscreenApi;
  if (!offscreen) throw new Error('This browser cannot read fetched pages in the background.');
  if (await offscreen.hasDocument?.()) return;
  opening ??= offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['DOM_PARSER'],
      justification: 'Read a page the user saved from a link, to keep its readable copy.',
    })
    .finally(() => {
      opening = undefined;
    });
  await opening;
}

/** Captures fetched HTML where there is a DOM: here (Firefox's background page) or Chrome's offscreen document. */
async function captureFetchedHtml(html: string, url: string): Promise<CapturedPage> {
  if (typeof DOMParser !== 'undefined' && typeof document !== 'undefined') return captureHtml(html, url);
  await ensureOffscreenDocument();
  const request: OffscreenRequest = { target: 'offscreen', type: 'capture-html', url, html };
  const reply = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!reply?.ok) throw new Error(`The page could not be read (${reply?.error ?? 'no answer'}).`);
  const parsed = capturedPageSchema.safeParse(reply.value);
  if (!parsed.success) throw new Error(`The page could not be captured: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Fetches a saved link's page (a plain GET, no cookies) and keeps its readable copy, like a page
 * the user opened and saved. The item is saved under the address the user saved, whatever the
 * redirects. Needs the host permission for the link's site (asked when the user saves it).
 */
export async function captureLink(url: string, title: string): Promise<SavedItem> {
  const page = await fetchPage(url);
  const capture = await captureFetchedHtml(page.html, page.url);
  const item = await savePage(
    { url, title: capture.title || title, bundledArticleId: getArticleByUrl(url)?.id },
    capture,
  );
  await keepCopyImages(item.id, capture.html);
  return item;
}
