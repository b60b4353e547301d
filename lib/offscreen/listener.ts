import { browser } from 'wxt/browser';
import { readableCopy, storedCopyText } from '@/lib/capture/copy-text';
import { type Envelope, type OffscreenRequest, offscreenRequestSchema } from '@/lib/messaging/protocol';
import { captureHtml } from '@/lib/offscreen/capture-html';

/**
 * The offscreen document's jobs: capture the HTML the background fetched, read a stored copy's
 * text as the reader does (copies saved by an earlier version), and sanitize again a copy a tab made. It answers only
 * requests addressed to it, from the extension's own background (never from a tab), validated.
 */
function answer(request: OffscreenRequest): unknown {
  if (request.type === 'capture-html') return captureHtml(request.html, request.url);
  if (request.type === 'copy-text') return storedCopyText(request.html);
  return readableCopy(request.html);
}

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
        reply = { ok: true, value: answer(request) };
      } catch (error) {
        reply = { ok: false, error: (error as Error).message };
      }
    }
    sendResponse(reply);
    return true;
  });
}
