import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Envelope, OffscreenRequest } from '@/lib/messaging/protocol';

const OFFSCREEN_URL = '/offscreen.html';

type OffscreenApi = {
  offscreen?: {
    hasDocument?: () => Promise<boolean>;
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument?: () => Promise<void>;
  };
};

/**
 * How long the offscreen document stays open with nothing to read: it is a renderer process of its
 * own (tens of MB) that would otherwise stay until the browser closes. Below the 30 s after which
 * Chrome stops an idle service worker, so the timer still runs.
 */
export const OFFSCREEN_IDLE_MS = 15_000;

/**
 * No DOM to work in: this browser has no offscreen documents, one could not be opened, or it did not
 * answer. Unlike a page the DOM could not read, nothing else would fare better now.
 */
export class NoDomError extends Error {
  override name = 'NoDomError';
}

/** The offscreen document, opened once (opening it twice at once throws, so the promise is shared). */
let opening: Promise<void> | undefined;
/** Closing it after it sat idle: work that comes meanwhile waits, then opens a new one. */
let closing: Promise<void> | undefined;
/** Requests to it not yet answered: it is never closed under one. */
let inFlight = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function closeWhenIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const { offscreen } = browser as unknown as OffscreenApi;
    if (inFlight > 0 || opening || closing || !offscreen?.closeDocument) return;
    closing = offscreen
      .closeDocument()
      .catch(() => {}) // already closed (by the browser, or never opened): nothing to do
      .finally(() => {
        closing = undefined;
      });
  }, OFFSCREEN_IDLE_MS);
}

async function ensureOffscreenDocument(): Promise<void> {
  const { offscreen } = browser as unknown as OffscreenApi;
  if (!offscreen) throw new NoDomError('This browser cannot read pages in the background.');
  if (closing) await closing;
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
 * Chrome's offscreen document, whose answer is validated like any message. The document closes once
 * nothing has asked it for `OFFSCREEN_IDLE_MS`.
 */
export async function withDom<T>(
  here: () => T,
  request: OffscreenRequest,
  answer: z.ZodType<T>,
  what: string,
): Promise<T> {
  if (typeof DOMParser !== 'undefined' && typeof document !== 'undefined') return here();
  inFlight++;
  clearTimeout(idleTimer);
  try {
    await ensureOffscreenDocument();
    const reply = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
    if (!reply) throw new NoDomError(`${what} (the offscreen document did not answer).`);
    if (!reply.ok) throw new Error(`${what} (${reply.error}).`);
    const parsed = answer.safeParse(reply.value);
    if (!parsed.success) throw new Error(`${what}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  } finally {
    inFlight--;
    if (inFlight === 0) closeWhenIdle();
  }
}
