import { browser } from 'wxt/browser';
import type { Envelope, Reply, RequestType, ShelfRequest } from '@/lib/messaging/protocol';

/**
 * What the browser says when the background stopped (updated, crashed, reclaimed) before it
 * answered, or was not there to answer: internal wording a user can do nothing with.
 */
const BACKGROUND_GONE =
  /message channel closed before a response|Receiving end does not exist|Could not establish connection|Extension context invalidated/i;
export const BACKGROUND_STOPPED = 'Shelf stopped before it finished (the browser restarted its background): try again.';

// Type-only imports: content scripts send requests without bundling Zod; the background parses them.
/** Sends a request to the background and unwraps its reply; rejects with the background's error. */
export async function sendRequest<T extends RequestType>(
  request: Extract<ShelfRequest, { type: T }>,
): Promise<Reply<T>> {
  let envelope: Envelope<Reply<T>> | undefined;
  try {
    envelope = (await browser.runtime.sendMessage(request)) as Envelope<Reply<T>> | undefined;
  } catch (error) {
    if (BACKGROUND_GONE.test((error as Error)?.message ?? '')) throw new Error(BACKGROUND_STOPPED);
    throw error;
  }
  if (!envelope) throw new Error(`no reply to "${request.type}"`);
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}
