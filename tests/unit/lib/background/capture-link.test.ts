import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { captureLink } from '@/lib/background/capture-link';
import { requestHandlers } from '@/lib/background/request-handlers';
import { saveLink } from '@/lib/background/save-page';
import { getCopy } from '@/lib/db/copies';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';
import { removeItems } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';
import { dispatchRequest } from '@/lib/messaging/protocol';

afterEach(async () => {
  vi.restoreAllMocks();
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

const LINK = 'https://a.test/posts/backpressure';
const PAGE =
  '<html><head><title>Backpressure</title></head><body><article><p>Queues fill up fast, then they drop work.</p></article></body></html>';

/** The site answers only when `answer` is called: meanwhile the test acts as another window. */
function siteAnswersLater() {
  let answer = () => {};
  vi.spyOn(globalThis, 'fetch').mockImplementation(
    () =>
      new Promise<Response>((resolve) => {
        const response = new Response(PAGE, { headers: { 'content-type': 'text/html' } });
        Object.defineProperty(response, 'url', { value: LINK });
        answer = () => resolve(response);
      }),
  );
  return () => answer();
}

// QA pass (two windows): a link saved unopened was removed in one window while its page was being
// fetched ("Capture now", or the menu's "Save to Shelf" on a link): the copy, once read, saved the
// item again, a new unread item without its tags or note: the removed item came back.
describe('a link’s page fetched while the item is removed elsewhere', () => {
  it('does not bring the removed item back, and says why nothing was kept', async () => {
    const item = await saveLink(LINK, 'Read more');
    const answer = siteAnswersLater();
    const capturing = captureLink(LINK, item.title, { savedAs: item.id });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await removeItems([item.id]);
    answer();
    await expect(capturing).rejects.toThrow('was removed from Shelf while its page was fetched');
    expect(await getItem(item.id)).toBeUndefined();
    expect(await getCopy(item.id)).toBeUndefined();
  });

  it('does not bring back one removed before its page was fetched (while the browser asked for the permission)', async () => {
    const item = await saveLink(LINK, 'Read more');
    const answer = siteAnswersLater();
    await removeItems([item.id]);
    const capturing = captureLink(LINK, item.title, { savedAs: item.id });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    answer();
    await expect(capturing).rejects.toThrow('was removed from Shelf while its page was fetched');
    expect(await getItem(item.id)).toBeUndefined();
  });

  it('"Capture now" says it in the window that asked', async () => {
    const item = await saveLink(LINK, 'Read more');
    const answer = siteAnswersLater();
    const sidePanel = { id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') } as never;
    const replying = dispatchRequest(requestHandlers, { type: 'capture-item', itemId: item.id }, sidePanel);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await removeItems([item.id]);
    answer();
    expect(await replying).toMatchObject({ ok: false, error: expect.stringContaining('was removed from Shelf') });
    expect(await getItem(item.id)).toBeUndefined();
  });

  it('keeps the copy of an item still saved', async () => {
    const item = await saveLink(LINK, 'Read more');
    const answer = siteAnswersLater();
    const capturing = captureLink(LINK, item.title, { provisionalTitle: 'Read more', savedAs: item.id });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    answer();
    expect(await capturing).toMatchObject({ id: item.id, title: 'Backpressure' });
    expect((await getCopy(item.id))?.text).toContain('Queues fill up fast');
  });
});
