import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { BACKGROUND_STOPPED, SHELF_RELOADED, sendRequest } from '@/lib/messaging/client';

afterEach(() => vi.restoreAllMocks());

const rejectWith = (message: string) =>
  vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error(message) as never);

describe('sendRequest', () => {
  // QA: the worker stopped during "Save this page", and the popup showed Chrome's own wording.
  it('a background that stopped before answering is said in words a user can act on', async () => {
    for (const chromeSays of [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'Could not establish connection. Receiving end does not exist.',
    ]) {
      rejectWith(chromeSays);
      await expect(sendRequest({ type: 'save-tab', tabId: 1 })).rejects.toThrow(BACKGROUND_STOPPED);
    }
  });

  it('a page left behind by an update of Shelf is told to reload, not to try again (it would never work)', async () => {
    rejectWith('Extension context invalidated.');
    await expect(sendRequest({ type: 'save-tab', tabId: 1 })).rejects.toThrow(SHELF_RELOADED);
  });

  it('any other failure, and the background’s own errors, are passed on as they are', async () => {
    rejectWith('Something else');
    await expect(sendRequest({ type: 'save-tab', tabId: 1 })).rejects.toThrow('Something else');
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: 'This page cannot be saved.',
    } as never);
    await expect(sendRequest({ type: 'save-tab', tabId: 1 })).rejects.toThrow('This page cannot be saved.');
  });
});
