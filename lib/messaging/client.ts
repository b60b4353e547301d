import { browser } from 'wxt/browser';
import type { Envelope, Reply, RequestType, ShelfRequest } from '@/lib/messaging/protocol';

// Type-only imports: content scripts send requests without bundling Zod; the background parses them.
/** Sends a request to the background and unwraps its reply; rejects with the background's error. */
export async function sendRequest<T extends RequestType>(
  request: Extract<ShelfRequest, { type: T }>,
): Promise<Reply<T>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<Reply<T>> | undefined;
  if (!envelope) throw new Error(`no reply to "${request.type}"`);
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}
