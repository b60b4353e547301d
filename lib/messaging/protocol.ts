import { type Browser, browser } from 'wxt/browser';
import { quoteBlocksSchema, selectorSetSchema } from '@/lib/annotations/selectors';
import { pageMetadataSchema } from '@/lib/catalog-updates/learn-from-page';
import type { HighlightColor, ItemStatus } from '@/lib/db/schema';
import type { SyncStatus } from '@/lib/sync/sync-status';
import { z } from '@/lib/zod/classic';

/**
 * The one message contract between Shelf's contexts. Every request is parsed with Zod where it
 * arrives (it may come from a content script running on a hostile page); replies are typed per request.
 */
const MAX_URL_LENGTH = 4096;

export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page-state'), url: z.string().max(MAX_URL_LENGTH) }),
  z.strictObject({ type: z.literal('open-article-card'), articleId: z.string().min(1).max(200) }),
  z.strictObject({
    type: z.literal('related-for-page'),
    title: z.string().max(1000),
    text: z.string().max(60_000),
  }),
  z.strictObject({
    type: z.literal('record-progress'),
    articleId: z.string().min(1).max(200),
    fraction: z.number().min(0).max(1),
    scrollFraction: z.number().min(0).max(1),
    scrollY: z.number().nonnegative().max(10_000_000),
  }),
  // From the blog box ("Save to Shelf") on the article's own page, or Shelf's pages: save a bundled article.
  z.strictObject({ type: z.literal('save-article'), articleId: z.string().min(1).max(200) }),
  // From Shelf's own pages only: the database changed (the badge is the background's to update);
  // `highlights`: highlights among what changed (web pages showing them are told).
  z.strictObject({ type: z.literal('data-changed'), highlights: z.literal(true).optional() }),
  // From Shelf's own pages (the popup asks): capture and save this tab's page (the background
  // finishes it even when the popup closes).
  z.strictObject({ type: z.literal('save-tab'), tabId: z.number().int().nonnegative() }),
  // From Shelf's pages only ("Capture now" on a saved link): fetch the item's page and keep a copy.
  z.strictObject({ type: z.literal('capture-item'), itemId: z.string().min(1).max(300) }),
  // From the content script on the blog: what the page says about itself (learning while reading).
  z.strictObject({ type: z.literal('learn-from-page'), metadata: pageMetadataSchema }),
  // From Shelf's pages only ("Update articles from the blog"): read the blog's feed, sitemap and pages.
  z.strictObject({ type: z.literal('update-catalog') }),
  // From Shelf's pages only ("Sync now" in Settings): sync with the browser's account now.
  z.strictObject({ type: z.literal('sync-now') }),
  // From the side panel as it opens: wakes a stopped service worker, which then says what an earlier
  // one left unfinished (lib/background/saves-under-way.ts).
  z.strictObject({ type: z.literal('report-unfinished-saves') }),
  // From Shelf's pages only, as one closes with a note typed and not yet saved: the page's own write
  // would not outlive it.
  z.strictObject({
    type: z.literal('save-note'),
    target: z.enum(['item', 'highlight']),
    id: z.string().min(1).max(300),
    note: z.string().max(20_000),
    // The note the edit began from: an edit another window saved meanwhile is joined, not replaced.
    base: z.string().max(20_000).optional(),
    // The text the page's own save was writing as it closed, which may have landed or not.
    underWay: z.string().max(20_000).optional(),
  }),
  // From the content script on the page it runs in: highlight this passage (saving the page first).
  // With `articleId`, the blog's article page naming its article; without it, any page Shelf runs
  // on (the every-site script), identified by the address the browser gives for the sender alone.
  z.strictObject({
    type: z.literal('add-page-highlight'),
    articleId: z.string().min(1).max(200).optional(),
    selectors: selectorSetSchema,
    quoteBlocks: quoteBlocksSchema.optional(),
    // The page's highlights it takes in whole and replaces (only that page's item's are touched).
    joining: z.array(z.string().min(1).max(64)).max(5000).optional(),
  }),
  // From the content script on the page it runs in (named as above): which of its highlights it shows.
  z.strictObject({
    type: z.literal('report-page-highlights'),
    articleId: z.string().min(1).max(200).optional(),
    found: z.array(z.string().min(1).max(64)).max(5000),
    notFound: z.array(z.string().min(1).max(64)).max(5000),
  }),
  // From the every-site script: the stored highlights of the sender's own page, to draw (the blog's
  // article pages get theirs with `page-state`). No address: the browser's for the sender is used.
  // With `articleId`: the blog's article page, drawing its highlights anew after they changed.
  z.strictObject({ type: z.literal('page-highlights'), articleId: z.string().min(1).max(200).optional() }),
]);

export type ShelfRequest = z.infer<typeof requestSchema>;
export type RequestType = ShelfRequest['type'];

export interface PageState {
  /** The bundled article this page is, if any. */
  article: { id: string; title: string } | null;
  saved: boolean;
  progress: { fraction: number; scrollFraction: number; scrollY: number } | null;
  /** The library's articles most related to this one. */
  related: Array<{ id: string; title: string }>;
  /** Where the saved article's highlights are, to draw on the page (never their notes). */
  highlights: PageHighlight[];
}

/** What a web page's script gets of a highlight: enough to find and draw it, nothing the user wrote. */
export interface PageHighlight {
  id: string;
  selectors: z.infer<typeof selectorSetSchema>;
  color: HighlightColor;
}

export interface ReplyMap {
  'page-state': PageState;
  'open-article-card': { opened: boolean };
  'record-progress': { recorded: boolean };
  'save-article': { saved: boolean };
  'related-for-page': { matched: boolean; results: Array<{ id: string; title: string }> };
  'data-changed': { refreshed: true };
  /** `again`: the page was saved before (its status kept, its copy made anew). */
  'save-tab': { title: string; itemId: string; again: boolean; status: ItemStatus };
  'capture-item': { title: string };
  'learn-from-page': { learned: number };
  'update-catalog': { report: string[] };
  'sync-now': { status: SyncStatus };
  'report-unfinished-saves': { reported: boolean };
  'save-note': { saved: true };
  /** The highlight made (null when it could not be kept), and whether the article was saved by it. */
  'add-page-highlight': { highlight: PageHighlight | null; savedNow: boolean };
  'report-page-highlights': { recorded: number };
  'page-highlights': { highlights: PageHighlight[] };
}

export type Reply<T extends RequestType> = ReplyMap[T];
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export type RequestHandlers = {
  [T in RequestType]: (
    request: Extract<ShelfRequest, { type: T }>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<Reply<T>> | Reply<T>;
};

/** Parses an incoming message and runs its handler; never throws, always answers with an envelope. */
export async function dispatchRequest(
  handlers: RequestHandlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<Envelope<unknown>> {
  // onMessage only hears Shelf's own pages and content scripts; anything else is refused outright.
  if (sender.id !== undefined && sender.id !== browser.runtime.id) {
    return { ok: false, error: 'message from another extension' };
  }
  // Addressed to the offscreen document, which answers it itself.
  if ((message as { target?: unknown } | null)?.target === 'offscreen')
    return { ok: false, error: 'not for the background' };
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `invalid message: ${z.prettifyError(parsed.error)}` };
  }
  const request = parsed.data;
  try {
    const handler = handlers[request.type] as (r: ShelfRequest, s: Browser.runtime.MessageSender) => unknown;
    return { ok: true, value: await handler(request, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Answers through `sendResponse` and returns `true`: the one form that works with Chrome,
 * webextension-polyfill and WXT's fake browser alike (the fake ignores returned promises).
 */
export function registerRequestHandlers(handlers: RequestHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    void dispatchRequest(handlers, message, sender).then(sendResponse);
    return true;
  });
}

/**
 * The requests the background sends to its offscreen document (Chrome's DOM for the service
 * worker): capture a fetched page's HTML; read a stored copy's text as the reader does. Only the
 * offscreen document answers them; every other context ignores messages addressed to it.
 */
export const offscreenRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    target: z.literal('offscreen'),
    type: z.literal('capture-html'),
    url: z.string().max(MAX_URL_LENGTH),
    html: z.string().max(12_000_000),
  }),
  z.strictObject({
    target: z.literal('offscreen'),
    type: z.literal('copy-text'),
    html: z.string().max(12_000_000),
  }),
  z.strictObject({
    target: z.literal('offscreen'),
    type: z.literal('readable-copy'),
    html: z.string().max(12_000_000),
  }),
]);
export type OffscreenRequest = z.infer<typeof offscreenRequestSchema>;

// The background's one command to the page script ("Highlight with Shelf"), in its own module: that
// script checks it with Zod Mini and must not bundle the full Zod this file uses.
export { type PageCommand, pageCommandSchema } from '@/lib/messaging/page-command';
