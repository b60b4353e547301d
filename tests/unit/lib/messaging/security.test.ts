import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { requestHandlers } from '@/lib/background/request-handlers';
import { getHighlights, updateHighlight } from '@/lib/db/highlights';
import { removeItems, saveArticle } from '@/lib/db/items';
import { getAllItems } from '@/lib/db/queries';
import { dispatchRequest, type RequestHandlers, requestSchema } from '@/lib/messaging/protocol';

const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';
const contentScriptOn = (url: string) => ({ id: browser.runtime.id, url, tab: { id: 1, windowId: 1, url } }) as never;

const snapshot = () => getAllItems();

function spyHandlers(): RequestHandlers & { calls: () => number } {
  const handler = vi.fn();
  return {
    ...(Object.fromEntries(
      requestSchema.options.map((option) => [option.shape.type.value, handler]),
    ) as unknown as RequestHandlers),
    calls: () => handler.mock.calls.length,
  };
}

describe('messages between contexts: malformed, oversized, unknown and out-of-context are refused', () => {
  const hostile: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['an array', [{ type: 'page-state', url: ARTICLE_URL }]],
    ['an unknown type', { type: 'delete-everything' }],
    ['a type with the wrong case', { type: 'Record-Progress' }],
    [
      'a string where a number goes',
      { type: 'record-progress', articleId: 'cold-start-latency', fraction: '1', scrollFraction: 0, scrollY: 0 },
    ],
    [
      'NaN progress',
      { type: 'record-progress', articleId: 'cold-start-latency', fraction: Number.NaN, scrollFraction: 0, scrollY: 0 },
    ],
    [
      'negative scroll',
      { type: 'record-progress', articleId: 'cold-start-latency', fraction: 0.5, scrollFraction: 0.5, scrollY: -1 },
    ],
    ['a 5 MB page text', { type: 'related-for-page', title: 't', text: 'x'.repeat(5_000_000) }],
    ['a 2,000-character article id', { type: 'open-article-card', articleId: 'a'.repeat(2000) }],
    ['a __proto__ key', JSON.parse(`{"type":"page-state","url":"${ARTICLE_URL}","__proto__":{"polluted":true}}`)],
    ['a nested object where a string goes', { type: 'page-state', url: { toString: 'x' } }],
  ];

  it.each(hostile)('%s: an error reply, no handler runs, nothing is written', async (_name, message) => {
    await saveArticle({ id: 'cold-start-latency', title: 'Cold start', url: ARTICLE_URL });
    const before = await snapshot();
    const handlers = spyHandlers();
    const reply = await dispatchRequest(handlers, message, contentScriptOn(ARTICLE_URL));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message/) });
    expect(handlers.calls()).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses messages that claim to come from another extension', async () => {
    const handlers = spyHandlers();
    const reply = await dispatchRequest(handlers, { type: 'page-state', url: ARTICLE_URL }, {
      id: 'some-other-extension',
    } as never);
    expect(reply).toEqual({ ok: false, error: 'message from another extension' });
    expect(handlers.calls()).toBe(0);
  });

  it('a content script cannot record progress for an article other than its page’s', async () => {
    await saveArticle({ id: 'cold-start-latency', title: 'Cold start', url: ARTICLE_URL });
    const before = await snapshot();
    const request = {
      type: 'record-progress',
      articleId: 'cold-start-latency',
      fraction: 0.9,
      scrollFraction: 0.9,
      scrollY: 9000,
    };
    for (const sender of [
      contentScriptOn('https://evil.example/'),
      contentScriptOn('https://webcoderspeed.com/blog/scaling/other'),
      // Red-team pass: the article's path over http (anyone on the network) or on another port.
      contentScriptOn(ARTICLE_URL.replace('https:', 'http:')),
      contentScriptOn(ARTICLE_URL.replace('webcoderspeed.com', 'webcoderspeed.com:8443')),
      {},
    ]) {
      const reply = await dispatchRequest(requestHandlers, request, sender as never);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    }
    expect(await snapshot()).toEqual(before);
    // From its own page it is recorded.
    expect(await dispatchRequest(requestHandlers, request, contentScriptOn(ARTICLE_URL))).toEqual({
      ok: true,
      value: { recorded: true },
    });
  });

  it('only Shelf’s own pages may ask for unfinished saves to be reported (a page could set the side panel’s message)', async () => {
    for (const sender of [contentScriptOn('https://evil.example/'), contentScriptOn(ARTICLE_URL), {}]) {
      const reply = await dispatchRequest(requestHandlers, { type: 'report-unfinished-saves' }, sender as never);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    }
  });

  it('only Shelf’s own pages may save a note as they close (a content script, even on the article, may not)', async () => {
    await saveArticle({ id: 'cold-start-latency', title: 'Cold start', url: ARTICLE_URL });
    const before = await snapshot();
    const request = { type: 'save-note', target: 'item', id: 'article:cold-start-latency', note: 'mine' };
    for (const sender of [contentScriptOn('https://evil.example/'), contentScriptOn(ARTICLE_URL), {}]) {
      const reply = await dispatchRequest(requestHandlers, request, sender as never);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    }
    expect(await snapshot()).toEqual(before);
    const shelfPage = { id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') } as never;
    expect(await dispatchRequest(requestHandlers, request, shelfPage)).toEqual({ ok: true, value: { saved: true } });
    expect((await snapshot()).items.find((item) => item.id === 'article:cold-start-latency')?.note).toBe('mine');
  });

  it('a content script can save only the article of its own page', async () => {
    await removeItems(['article:cold-start-latency']);
    const before = await snapshot();
    const request = { type: 'save-article', articleId: 'cold-start-latency' };
    for (const sender of [
      contentScriptOn('https://evil.example/'),
      contentScriptOn('https://webcoderspeed.com/blog/scaling/other'),
      // Red-team pass: the article's path over http (anyone on the network) or on another port.
      contentScriptOn(ARTICLE_URL.replace('https:', 'http:')),
      contentScriptOn(ARTICLE_URL.replace('webcoderspeed.com', 'webcoderspeed.com:8443')),
      {},
    ]) {
      const reply = await dispatchRequest(requestHandlers, request, sender as never);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    }
    expect(await snapshot()).toEqual(before);
    expect(await dispatchRequest(requestHandlers, request, contentScriptOn(ARTICLE_URL))).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect((await snapshot()).items.map((item) => item.id)).toContain('article:cold-start-latency');
  });

  it('a content script highlights only its own page’s article, saving it first; the page gets no notes', async () => {
    await removeItems(['article:cold-start-latency']);
    const selectors = { quote: { type: 'TextQuoteSelector', exact: 'a cold start happens' } };
    const request = { type: 'add-page-highlight', articleId: 'cold-start-latency', selectors };
    for (const sender of [
      contentScriptOn('https://webcoderspeed.com/blog/scaling/other'),
      contentScriptOn(ARTICLE_URL.replace('https:', 'http:')),
      contentScriptOn(ARTICLE_URL.replace('webcoderspeed.com', 'webcoderspeed.com:8443')),
      {},
    ]) {
      const reply = await dispatchRequest(requestHandlers, request, sender as never);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    }
    expect(await getHighlights('article:cold-start-latency')).toEqual([]);
    const made = await dispatchRequest(requestHandlers, request, contentScriptOn(ARTICLE_URL));
    expect(made).toMatchObject({ ok: true, value: { savedNow: true, highlight: { selectors, color: 'yellow' } } });
    const { items } = await snapshot();
    const highlights = await getHighlights('article:cold-start-latency');
    expect(items.map((item) => item.id)).toContain('article:cold-start-latency');
    expect(highlights).toHaveLength(1);
    await updateHighlight(highlights[0]!.id, { note: 'private thought' });
    // Reloaded, the page gets the highlight back to draw, without its note.
    const state = await dispatchRequest(
      requestHandlers,
      { type: 'page-state', url: ARTICLE_URL },
      contentScriptOn(ARTICLE_URL),
    );
    expect(state).toMatchObject({
      ok: true,
      value: { saved: true, highlights: [{ id: highlights[0]!.id, selectors }] },
    });
    expect(JSON.stringify(state)).not.toContain('private thought');
    // What the page found is recorded; another page cannot say so.
    const report = {
      type: 'report-page-highlights',
      articleId: 'cold-start-latency',
      found: [],
      notFound: [highlights[0]!.id],
    };
    const refused = await dispatchRequest(requestHandlers, report, contentScriptOn('https://evil.example/'));
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(await dispatchRequest(requestHandlers, report, contentScriptOn(ARTICLE_URL))).toEqual({
      ok: true,
      value: { recorded: 1 },
    });
    expect((await getHighlights('article:cold-start-latency'))[0]).toMatchObject({
      pageAnchor: 'not-found',
      note: 'private thought',
    });
  });

  it('a content script cannot ask about another page’s saved state', async () => {
    for (const page of ['https://evil.example/', ARTICLE_URL.replace('https:', 'http:')]) {
      const reply = await dispatchRequest(
        requestHandlers,
        { type: 'page-state', url: ARTICLE_URL },
        contentScriptOn(page),
      );
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    }
  });

  // A review found any of Shelf's contexts could open a card; it shows in the asking tab's panel.
  it('only a script in a tab may open an article card (in that tab)', async () => {
    const message = { type: 'open-article-card', articleId: 'cold-start-latency' };
    const fromPage = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') } as never;
    expect(await dispatchRequest(requestHandlers, message, fromPage)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^refused/),
    });
    expect(await dispatchRequest(requestHandlers, message, contentScriptOn('https://example.com/'))).toMatchObject({
      ok: true,
    });
  });

  it('property: any JSON value gets an envelope, and a handler runs only for what the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc
            .record(
              { type: fc.constantFrom('page-state', 'open-article-card', 'record-progress', 'related-for-page') },
              { requiredKeys: [] },
            )
            .chain((base) =>
              fc
                .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
                .map((rest) => ({ ...rest, ...base })),
            ),
        ),
        async (message) => {
          const handlers = spyHandlers();
          const reply = await dispatchRequest(handlers, message, contentScriptOn(ARTICLE_URL));
          expect(typeof reply.ok).toBe('boolean');
          expect(handlers.calls()).toBe(requestSchema.safeParse(message).success ? 1 : 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
