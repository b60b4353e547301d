import { browser } from 'wxt/browser';
import type { Envelope, OffscreenRequest } from '@/lib/messaging/protocol';
import { z } from '@/lib/zod/classic';

const OFFSCREEN_URL = '/offscreen.html';

type OffscreenApi = {
  offscreen?: {
    hasDocument?: () => Promise<boolean>;
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
};

/**
 * No DOM to work in: this browser has no offscreen documents, one could not be opened, or it did not
 * answer. Unlike a page the DOM could not read, nothing else would fare better now.
 */
export class NoDomError extends Error {
  override name = 'NoDomError';
}

/** The offscreen document, opened once (opening it twice at once throws, so the promise is shared). */
let opening: Promise<void> | undefined;
async function ensureOffscreenDocument(): Promise<void> {
  const { offscreen } = browser as unknown as OffscreenApi;
  if (!offscreen) throw new NoDomError('This browser cannot read pages in the background.');
  if (await offscreen.hasDocument?.()) return;
  opening ??= offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['DOM_PARSER'],
      justification: 'Read pages the user saved, to keep and search their readable copies.',
    })
    .finally(() => {
      opening = undefined;
    });
  try {
    await opening;
  } catch (error) {
    throw new NoDomError(`The offscreen document could not be opened (${(error as Error).message}).`);
  }
}

/**
 * Work that needs a DOM, done where there is one: here (Firefox's background page), else in
 * Chrome's offscreen document, whose answer is validated like any message.
 */
export async function withDom<T>(
  here: () => T,
  request: OffscreenRequest,
  answer: z.ZodType<T>,
  what: string,
): Promise<T> {
  if (typeof DOMParser !== 'undefined' && typeof document !== 'undefined') return here();
  await ensureOffscreenDocument();
  const reply = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!reply) throw new NoDomError(`${what} (the offscreen document did not answer).`);
  if (!reply.ok) throw new Error(`${what} (${reply.error}).`);
  const parsed = answer.safeParse(reply.value);
  if (!parsed.success) throw new Error(`${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
