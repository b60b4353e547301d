import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { savePageFromTab, savePageListedUnderWay, shownPageStatus } from '@/lib/background/save-page';
import type { CapturedPage } from '@/lib/capture/schema';
import { getCopy } from '@/lib/db/copies';
import { getDatabase } from '@/lib/db/database';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';

const URL = 'https://a.test/posts/backpressure';

/** What `capture.js` answers from the tab: here, as a tab whose renderer the page took over would. */
function tabAnswers(html: string, url = URL) {
  const capture: CapturedPage = {
    url,
    title: 'Backpressure',
    byline: null,
    siteName: null,
    excerpt: null,
    lang: 'en',
    dir: 'ltr',
    wordCount: 4,
    readMinutes: 1,
    html,
    text: 'Queues fill up fast.',
    notice: null,
  };
  vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: capture }] as never);
  return capture;
}

// A review found the copy sanitized only in the page's own tab, and stored as that tab answered.
describe('saving an open page', () => {
  it('sanitizes the tab’s copy again before storing it, and reads its text from what is kept', async () => {
    tabAnswers(
      '<article><p>Queues fill up fast.</p><img src="x" onerror="alert(1)"><script>alert(2)</script>' +
        '<a href="javascript:alert(3)">more</a><p>Then they drop work.</p></article>',
    );
    const item = await savePageFromTab({ id: 3, url: URL, title: 'Backpressure' });
    const copy = await getCopy(item.id);
    expect(copy?.html).toContain('Queues fill up fast.');
    expect(copy?.html).not.toMatch(/onerror|<script|javascript:/i);
    // The text searched is the kept copy's, not what the tab said it was.
    expect(copy?.text).toContain('Then they drop work.');
  });

  it('says the page is stored, with its copy, before it fetches the copy’s images', async () => {
    tabAnswers('<article><p>Queues fill up fast.</p></article>');
    let storedBefore: unknown;
    const item = await savePageFromTab(
      { id: 3, url: URL, title: 'Backpressure' },
      {
        onSaved: async () => {
          storedBefore = (await getDatabase().captures.toArray()).map((copy) => copy.text);
        },
      },
    );
    expect(storedBefore).toEqual([(await getCopy(item.id))?.text]);
  });

  // A worker stopped after the page was stored, before it was marked so, said "it was not saved" of it.
  it('is listed, while it runs, under the id its page is stored under and when it began', async () => {
    const capture = tabAnswers('<article><p>Queues fill up fast.</p></article>');
    let listed: unknown;
    vi.mocked(browser.scripting.executeScript).mockImplementation(async () => {
      listed = (await getPreference(PREFERENCES.savesUnderWay))[0];
      return [{ frameId: 0, result: capture }] as never;
    });
    const began = Date.now();
    const item = await savePageListedUnderWay({ id: 3, url: URL, title: 'Backpressure' });
    expect(listed).toMatchObject({ pageItemId: item.id });
    expect((listed as { startedAt: number }).startedAt).toBeGreaterThanOrEqual(began);
    expect((listed as { startedAt: number }).startedAt).toBeLessThanOrEqual((await getCopy(item.id))?.capturedAt ?? 0);
  });

  // Red team: a page asks for a highlight (which saves it first), then sends the tab to another site
  // before the copy is made; that site's page (a signed-in inbox) was kept as the first page's copy.
  it('keeps no copy of another site than the one it saves, where the tab moved meanwhile', async () => {
    tabAnswers('<article><p>Your inbox: 3 messages from the bank.</p></article>', 'https://mail.victim.test/inbox');
    const before = await getDatabase().items.count();
    await expect(savePageFromTab({ id: 3, url: URL, title: 'Backpressure' })).rejects.toThrow(
      'The tab moved to another site while Shelf saved it, so nothing was saved. Save it again.',
    );
    expect(await getDatabase().items.count()).toBe(before);
    // The same site at another address (a single-page app moved on) is still the page saved.
    tabAnswers('<article><p>Queues fill up fast.</p></article>', 'https://a.test/posts/next');
    await expect(savePageFromTab({ id: 3, url: URL, title: 'Backpressure' })).resolves.toMatchObject({ url: URL });
  });

  // QA pass: on Chrome's page for a site that did not answer, the popup said "The browser did not let
  // Shelf read this page (Frame with ID 0 is showing error page)".
  it('on a page that did not load, says so in plain words', async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Frame with ID 0 is showing error page'));
    await expect(savePageFromTab({ id: 3, url: URL, title: 'a.test' })).rejects.toThrow(
      'This page did not load, so there is nothing to save. Reload it, then save it.',
    );
  });

  // QA pass: a tab showing a site's "404 not found" page was saved as an article ("2 words", titled by
  // its address), and the popup said "Saved … for offline reading".
  it('refuses a page the site answered with an error status, saving nothing', async () => {
    const inject = vi.spyOn(browser.scripting, 'executeScript');
    const before = await getDatabase().items.count();
    inject.mockResolvedValueOnce([{ frameId: 0, result: 404 }] as never);
    await expect(savePageFromTab({ id: 3, url: `${URL}/gone`, title: 'a.test' })).rejects.toThrow(
      'This page is the site’s error page (it answered 404), so there is nothing to save.',
    );
    expect(inject).toHaveBeenCalledTimes(1); // never captured
    expect(await getDatabase().items.count()).toBe(before);
    // A status the page does not give, or gives oddly, saves as before.
    for (const status of [200, 0, undefined, 'teapot']) {
      inject.mockReset();
      tabAnswers('<article><p>Queues fill up fast.</p></article>');
      inject.mockResolvedValueOnce([{ frameId: 0, result: status }] as never);
      await expect(savePageFromTab({ id: 3, url: URL, title: 'Backpressure' })).resolves.toMatchObject({ url: URL });
    }
  });

  // Review: a single-page site answering 404 for a broken link, then moved to an article without a
  // reload, still reports that 404 for its first document.
  it('reads the tab’s status only while it shows the address it loaded', () => {
    const loaded = { name: `${location.href.split('#')[0]}#top`, responseStatus: 404 };
    const entries = vi.spyOn(performance, 'getEntriesByType').mockReturnValue([loaded] as never);
    try {
      expect(shownPageStatus()).toBe(404);
      history.pushState({}, '', '/another-article');
      expect(shownPageStatus()).toBe(0);
      entries.mockReturnValue([] as never);
      expect(shownPageStatus()).toBe(0);
    } finally {
      history.back();
      entries.mockRestore();
    }
  });
});
