import { browser } from 'wxt/browser';
import type { Envelope, Reply, RequestType, ShelfRequest } from '@/lib/messaging/protocol';

/**
 * What the browser says when the background stopped (crashed, reclaimed) before it
 * answered, or was not there to answer: internal wording a user can do nothing with.
 */
const BACKGROUND_GONE =
  /message channel closed before a response|Receiving end does not exist|Could not establish connection/i;
export const BACKGROUND_STOPPED = 'Shelf stopped before it finished (the browser restarted its background): try again.';
/** A content script left behind by an update or reload of Shelf: only a reload of its page brings it back. */
const CONTEXT_GONE = /Extension context invalidated/i;
export const SHELF_RELOADED = 'Shelf was updated or reloaded since this page opened: reload the page, then try again.';

// Type-only imports: content scripts send requests without bundling Zod; the background parses them.
/** Sends a request to the background and unwraps its reply; rejects with the background's error. */
export async function sendRequest<T extends RequestType>(
  request: Extract<ShelfRequest, { type: T }>,
): Promise<Reply<T>> {
  let envelope: Envelope<Reply<T>> | undefined;
  try {
    envelope = (await browser.runtime.sendMessage(request)) as Envelope<Reply<T>> | undefined;
  } catch (error) {
    const message = (error as Error)?.message ?? '';
    if (BACKGROUND_GONE.test(message)) throw new Error(BACKGROUND_STOPPED);
    if (CONTEXT_GONE.test(message)) throw new Error(SHELF_RELOADED);
    throw error;
  }
  if (!envelope) throw new Error(`no reply to "${request.type}"`);
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}
