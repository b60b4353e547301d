import { browser } from 'wxt/browser';
import { type Envelope, offscreenRequestSchema } from '@/lib/messaging/protocol';
import { captureHtml } from '@/lib/offscreen/capture-html';

/**
 * The offscreen document's one job: capture the HTML the background fetched. It answers only
 * requests addressed to it, from the extension's own background (never from a tab), validated.
 */
export function registerOffscreenHandlers(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    if ((message as { target?: unknown } | null)?.target !== 'offscreen') return undefined;
    let reply: Envelope<unknown>;
    const parsed = offscreenRequestSchema.safeParse(message);
    if (sender.id !== browser.runtime.id || sender.tab)
      reply = { ok: false, error: 'refused: not from Shelf’s background' };
    else if (!parsed.success) reply = { ok: false, error: 'invalid message' };
    else {
      try {
        reply = { ok: true, value: captureHtml(parsed.data.html, parsed.data.url) };
      } catch (error) {
        reply = { ok: false, error: (error as Error).message };
      }
    }
    sendResponse(reply);
    return true;
  });
}
