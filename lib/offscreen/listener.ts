import { browser } from 'wxt/browser';
import { storedCopyText } from '@/lib/capture/copy-text';
import { type Envelope, offscreenRequestSchema } from '@/lib/messaging/protocol';
import { captureHtml } from '@/lib/offscreen/capture-html';

/**
 * The offscreen document's jobs: capture the HTML the background fetched, and read a stored copy's
 * text as the reader does (copies saved by an earlier version). It answers only
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
        const request = parsed.data;
        reply = {
          ok: true,
          value:
            request.type === 'capture-html' ? captureHtml(request.html, request.url) : storedCopyText(request.html),
        };
      } catch (error) {
        reply = { ok: false, error: (error as Error).message };
      }
    }
    sendResponse(reply);
    return true;
  });
}
