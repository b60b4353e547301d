import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestHandlers } from '@/lib/background/request-handlers';
import { sendRequest } from '@/lib/messaging/client';
import {
  dispatchRequest,
  type RequestHandlers,
  registerRequestHandlers,
  requestSchema,
} from '@/lib/messaging/protocol';

describe('message protocol', () => {
  it('answers a valid request through the registered handler', async () => {
    registerRequestHandlers(requestHandlers);
    const reply = await sendRequest({
      type: 'page-state',
      url: 'https://www.webcoderspeed.com/blog/scaling/cold-start-latency',
    });
    expect(reply).toMatchObject({
      article: { id: 'cold-start-latency', title: expect.any(String) },
      saved: false,
      progress: null,
    });
    expect(reply.related).toHaveLength(3);
    expect(reply.related.map((r) => r.id)).not.toContain('cold-start-latency');
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'drop-database' }],
    ['a missing field', { type: 'page-state' }],
    [
      'a progress out of range',
      { type: 'record-progress', articleId: 'x', fraction: 2, scrollFraction: 0, scrollY: 0 },
    ],
    ['an extra field', { type: 'page-state', url: 'https://x.test', evil: true }],
    ['an oversized field', { type: 'page-state', url: `https://x.test/${'a'.repeat(10_000)}` }],
  ])('rejects %s with a clear error and runs no handler', async (_case, message) => {
    const handler = vi.fn();
    const reply = await dispatchRequest(handlersAll(handler), message, {} as never);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message/) });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler error into an error reply instead of a crash', async () => {
    const fromTab = { tab: { id: 1, windowId: 1 } } as never;
    const reply = await dispatchRequest(requestHandlers, { type: 'open-article-card', articleId: 'nope' }, fromTab);
    expect(reply).toEqual({ ok: false, error: 'unknown article "nope"' });
  });

  it('stores the card to show when a content script asks to open it', async () => {
    // Without a user gesture the browser refuses to open the panel; the card must still be stored.
    vi.spyOn(browser.sidePanel, 'open').mockRejectedValue(new Error('needs a user gesture'));
    const fromTab = { id: browser.runtime.id, tab: { id: 1, windowId: 1 } } as never;
    const message = { type: 'open-article-card', articleId: 'cold-start-latency' };
    const reply = await dispatchRequest(requestHandlers, message, fromTab);
    expect(reply).toEqual({ ok: true, value: { opened: false } });
    const stored = await fakeBrowser.storage.session.get('sidePanelView');
    expect(stored.sidePanelView).toMatchObject({ view: { kind: 'article', articleId: 'cold-start-latency' } });
  });
});

/** The same handler for every request type the protocol has. */
function handlersAll(handler: (...args: never[]) => unknown): RequestHandlers {
  return Object.fromEntries(requestSchema.options.map((option) => [option.shape.type.value, handler])) as never;
}
