import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerOffscreenHandlers } from '@/lib/offscreen/listener';

/** What the offscreen document answers a message, as its sender would receive it. */
async function answer(message: unknown, sender: Record<string, unknown>): Promise<unknown> {
  let reply: unknown;
  await fakeBrowser.runtime.onMessage.trigger(message, sender as never, (value: unknown) => {
    reply = value;
  });
  return reply;
}

const BACKGROUND = { id: browser.runtime.id };

describe('the offscreen document (lib/offscreen/listener)', () => {
  it("reads a stored copy's text as the reader does: blocks apart, nothing of a script or a drawing's HTML", async () => {
    registerOffscreenHandlers();
    const html =
      '<p>his interview</p><p>Mr Obama</p><script>steal()</script><svg><foreignObject><p>drawn</p></foreignObject></svg>';
    expect(await answer({ target: 'offscreen', type: 'copy-text', html }, BACKGROUND)).toEqual({
      ok: true,
      value: 'his interview Mr Obama',
    });
  });

  it("answers only Shelf's own background, and only valid requests addressed to it", async () => {
    registerOffscreenHandlers();
    const request = { target: 'offscreen', type: 'copy-text', html: '<p>words</p>' };
    expect(await answer(request, { id: browser.runtime.id, tab: { id: 3 } })).toMatchObject({ ok: false });
    expect(await answer(request, { id: 'another-extension' })).toMatchObject({ ok: false });
    expect(await answer({ ...request, html: 7 }, BACKGROUND)).toEqual({ ok: false, error: 'invalid message' });
    expect(await answer({ ...request, extra: 1 }, BACKGROUND)).toEqual({ ok: false, error: 'invalid message' });
    // Messages for other contexts are not its to answer.
    expect(await answer({ type: 'data-changed' }, BACKGROUND)).toBeUndefined();
  });
});
