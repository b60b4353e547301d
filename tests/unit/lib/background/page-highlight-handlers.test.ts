import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { RELATED_ANYWHERE_SCRIPT_ID } from '@/lib/background/related-anywhere';
import { requestHandlers } from '@/lib/background/request-handlers';
import { getCopy } from '@/lib/db/copies';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';
import { addHighlight, getHighlights, updateHighlight } from '@/lib/db/highlights';
import { pageItemId } from '@/lib/db/ids';
import { saveArticle } from '@/lib/db/items';
import { getAllItems, getItem } from '@/lib/db/queries';
import { dispatchRequest } from '@/lib/messaging/protocol';
import { capturedPage } from '@/tests/unit/helpers/captured-page';
import { fakePermissionsAndScripting } from '@/tests/unit/helpers/fake-permissions';

/**
 * Highlights on any site (the every-site script): `add-page-highlight`, `report-page-highlights`
 * without an article, and `page-highlights`. The page is the address the browser gives for the
 * sender; a page not saved yet is saved first, as "Save this page" saves that tab.
 */
let scripting: ReturnType<typeof fakePermissionsAndScripting>;
// The every-site script runs (the user turned "related articles on every site" on).
beforeEach(() => {
  scripting = fakePermissionsAndScripting();
  scripting.registered.set(RELATED_ANYWHERE_SCRIPT_ID, { id: RELATED_ANYWHERE_SCRIPT_ID, matches: ['<all_urls>'] });
});

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

const PAGE = 'https://a.test/posts/backpressure';
const OTHER = 'https://b.test/private/notes';
const SENTENCE = 'Queues fill up fast.';
const selectors = { quote: { type: 'TextQuoteSelector', exact: SENTENCE } };

/** A content script in the top frame of a tab showing `url`, as Chrome describes it. */
const scriptIn = (url: string, extra: Record<string, unknown> = {}) =>
  ({
    id: browser.runtime.id,
    url,
    frameId: 0,
    tab: { id: 3, windowId: 1, url, title: 'Backpressure' },
    ...extra,
  }) as never;
const send = (message: unknown, sender: never) => dispatchRequest(requestHandlers, message, sender);

/** What `capture.js` answers from the tab showing `url` (the page "Save this page" would keep). */
function tabCaptures(url = PAGE) {
  const capture = capturedPage(url, 'Backpressure', SENTENCE, {
    dir: 'ltr',
    html: `<article><p>${SENTENCE}</p></article>`,
  });
  return vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: capture }] as never);
}

describe('highlights on any site', () => {
  it('refuses every request once the every-site script is off (a tab that still has it asks in vain)', async () => {
    const captured = tabCaptures();
    scripting.registered.clear();
    for (const message of [
      { type: 'add-page-highlight', selectors },
      { type: 'report-page-highlights', found: [], notFound: [] },
      { type: 'page-highlights' },
    ])
      expect(await send(message, scriptIn(PAGE))).toEqual({
        ok: false,
        error: expect.stringMatching(/highlights on other sites are off/),
      });
    expect(captured).not.toHaveBeenCalled();
    expect((await getAllItems()).items).toEqual([]);
  });

  it('saves the sender’s page first (as "Save this page"), highlights it, and gives it back to draw without notes', async () => {
    const captured = tabCaptures();
    const made = await send({ type: 'add-page-highlight', selectors }, scriptIn(PAGE));
    expect(made).toMatchObject({ ok: true, value: { savedNow: true, highlight: { selectors, color: 'yellow' } } });
    expect(captured).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/capture.js'] });

    const itemId = pageItemId(PAGE);
    expect(await getItem(itemId)).toMatchObject({ kind: 'page', url: PAGE, title: 'Backpressure' });
    expect((await getCopy(itemId))?.text).toContain(SENTENCE);
    const [stored] = await getHighlights(itemId);
    expect(stored).toMatchObject({ selectors });

    // Saved now: the next highlight does not capture the page again. The #fragment is the same page.
    captured.mockClear();
    const again = await send({ type: 'add-page-highlight', selectors }, scriptIn(`${PAGE}#part-2`));
    expect(again).toMatchObject({ ok: true, value: { savedNow: false } });
    expect(captured).not.toHaveBeenCalled();
    expect(await getHighlights(itemId)).toHaveLength(2);

    // Opened again: its highlights to draw, never a note.
    await updateHighlight(stored!.id, { note: 'private thought' });
    const drawn = await send({ type: 'page-highlights' }, scriptIn(PAGE));
    expect(drawn).toMatchObject({ ok: true, value: { highlights: [{ id: stored!.id, selectors }, { selectors }] } });
    expect(JSON.stringify(drawn)).not.toContain('private thought');
    // Another page has none of them.
    expect(await send({ type: 'page-highlights' }, scriptIn(OTHER))).toEqual({ ok: true, value: { highlights: [] } });

    // What the page did not find is recorded on its item (the card lists it); another page's report changes nothing.
    const report = { type: 'report-page-highlights', found: [], notFound: [stored!.id] };
    expect(await send(report, scriptIn(OTHER))).toEqual({ ok: true, value: { recorded: 0 } });
    expect(await send(report, scriptIn(PAGE))).toEqual({ ok: true, value: { recorded: 1 } });
    expect((await getHighlights(itemId))[0]).toMatchObject({ pageAnchor: 'not-found', note: 'private thought' });
  });

  // Red-team pass: a page at the blog article's path over http (anyone on the network) got its highlights.
  it('gives the blog article’s highlights only to the blog itself (https, its own port)', async () => {
    const article = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';
    await saveArticle({ id: 'cold-start-latency', title: 'Cold Start Latency', url: article });
    await addHighlight('article:cold-start-latency', { quote: { type: 'TextQuoteSelector', exact: SENTENCE } });
    const drawn = (url: string) =>
      send({ type: 'page-highlights' }, scriptIn(url)).then((reply) => JSON.stringify(reply));
    expect(await drawn(article)).toContain(SENTENCE);
    expect(await drawn(article.replace('https:', 'http:'))).not.toContain(SENTENCE);
    expect(await drawn(article.replace('webcoderspeed.com', 'webcoderspeed.com:8443'))).not.toContain(SENTENCE);
    // Review: a highlight made there saved that page first — as the article, its copy replaced.
    for (const url of [
      article.replace('https:', 'http:'),
      article.replace('webcoderspeed.com', 'webcoderspeed.com:8443'),
    ]) {
      tabCaptures(url);
      expect(await send({ type: 'add-page-highlight', selectors }, scriptIn(url))).toMatchObject({ ok: true });
      expect(await getItem(pageItemId(url))).toMatchObject({ kind: 'page' });
    }
    expect(await getHighlights('article:cold-start-latency')).toHaveLength(1);
    expect(await getCopy('article:cold-start-latency')).toBeUndefined();
  });

  // Drawn anew after a change in the side panel; the blog's script runs with the every-site script off too.
  it('gives the blog article’s page its highlights by the article it names, and no other page', async () => {
    scripting.registered.clear();
    const article = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';
    await saveArticle({ id: 'cold-start-latency', title: 'Cold Start Latency', url: article });
    await addHighlight('article:cold-start-latency', { quote: { type: 'TextQuoteSelector', exact: SENTENCE } });
    const asked = { type: 'page-highlights', articleId: 'cold-start-latency' };
    expect(await send(asked, scriptIn(article))).toMatchObject({
      ok: true,
      value: { highlights: [{ selectors: { quote: { exact: SENTENCE } }, color: 'yellow' }] },
    });
    expect(await send(asked, scriptIn(PAGE))).toMatchObject({ ok: false, error: /not about the sender’s own page/ });
  });

  it('goes by the sender’s address only: a message naming another address is refused, nothing written', async () => {
    const captured = tabCaptures();
    for (const forged of [
      { type: 'add-page-highlight', url: OTHER, selectors },
      { type: 'add-page-highlight', pageUrl: OTHER, selectors },
      { type: 'page-highlights', url: OTHER },
      { type: 'report-page-highlights', url: OTHER, found: [], notFound: [] },
    ]) {
      expect(await send(forged, scriptIn(PAGE))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^invalid message/),
      });
    }
    // Naming a blog article from another site is refused as before (the article is not the sender's page).
    const named = { type: 'add-page-highlight', articleId: 'cold-start-latency', selectors };
    expect(await send(named, scriptIn(PAGE))).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(captured).not.toHaveBeenCalled();
    expect((await getAllItems()).items).toEqual([]);
    // The one way to say which page: be a script in it. The highlight goes to the sender's page.
    await send({ type: 'add-page-highlight', selectors }, scriptIn(PAGE));
    expect((await getAllItems()).items.map((item) => item.url)).toEqual([PAGE]);
    expect(await getHighlights(pageItemId(PAGE))).toHaveLength(1);
    expect(await getHighlights(pageItemId(OTHER))).toEqual([]);
  });

  it('refuses senders that are not a web page’s tab (Shelf’s pages, no tab, a frame, a mismatched tab)', async () => {
    const captured = tabCaptures();
    const senders = [
      ['Shelf’s popup', { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }],
      ['Shelf’s reader in a tab', scriptIn(browser.runtime.getURL('/sidepanel.html?reader=x'))],
      ['no tab', { id: browser.runtime.id, url: PAGE }],
      ['no sender at all', {}],
      ['a frame inside the page', scriptIn(OTHER, { frameId: 2, tab: { id: 3, url: PAGE } })],
      ['a tab showing another page', scriptIn(PAGE, { tab: { id: 3, url: OTHER } })],
      ['not a web page', scriptIn('file:///home/me/notes.html')],
    ] as const;
    for (const [name, sender] of senders) {
      for (const message of [
        { type: 'add-page-highlight', selectors },
        { type: 'page-highlights' },
        { type: 'report-page-highlights', found: [], notFound: [] },
      ]) {
        const reply = await send(message, sender as never);
        expect(reply, `${name}: ${message.type}`).toMatchObject({
          ok: false,
          error: expect.stringMatching(/^refused/),
        });
      }
    }
    expect(captured).not.toHaveBeenCalled();
    expect((await getAllItems()).items).toEqual([]);
  });

  it('a page that cannot be captured: a clear error, nothing saved or highlighted', async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    const reply = await send({ type: 'add-page-highlight', selectors }, scriptIn(PAGE));
    expect(reply).toEqual({
      ok: false,
      error:
        'Not highlighted: Shelf could not save this page: The browser did not let Shelf read this page (Cannot access contents of the page).',
    });
    expect((await getAllItems()).items).toEqual([]);
    expect(await getHighlights(pageItemId(PAGE))).toEqual([]);
  });

  it('a single-page app that moved on (history.pushState): the tab’s address is the page, on the document’s site only', async () => {
    tabCaptures();
    // Chrome keeps the document's first address in sender.url; the tab's follows the app.
    const moved = `${new URL(PAGE).origin}/posts/retries`;
    const sender = scriptIn(PAGE, { tab: { id: 3, windowId: 1, url: moved, title: 'Retries' } });
    expect(await send({ type: 'add-page-highlight', selectors }, sender)).toMatchObject({ ok: true });
    expect(await getHighlights(pageItemId(moved))).toHaveLength(1);
    expect(await getHighlights(pageItemId(PAGE))).toEqual([]);
    expect(await send({ type: 'page-highlights' }, sender)).toMatchObject({ ok: true, value: { highlights: [{}] } });
    expect(await send({ type: 'page-highlights' }, scriptIn(PAGE))).toEqual({ ok: true, value: { highlights: [] } });
    // Not a document the tab shows (a page prerendered, or being left, in it): its own address, refused.
    for (const documentLifecycle of ['prerender', 'pending_deletion']) {
      const hidden = scriptIn(PAGE, { documentLifecycle, tab: { id: 3, windowId: 1, url: moved } });
      expect(await send({ type: 'page-highlights' }, hidden)).toMatchObject({ ok: false, error: /^refused/ });
    }
  });
});
