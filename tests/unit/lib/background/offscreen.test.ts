import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { OFFSCREEN_IDLE_MS, withDom } from '@/lib/background/offscreen';

/**
 * Chrome's offscreen document (lib/background/offscreen.ts): opened for work that needs a DOM, and
 * closed once it sat idle, never under a request, and opened again for the next one.
 */
function fakeOffscreen() {
  const calls: string[] = [];
  let open = false;
  let closeGate: Promise<void> = Promise.resolve();
  const offscreen = {
    hasDocument: vi.fn(async () => open),
    createDocument: vi.fn(async () => {
      if (open) throw new Error('Only a single offscreen document may be created.');
      calls.push('create');
      open = true;
    }),
    closeDocument: vi.fn(async () => {
      calls.push('close');
      await closeGate;
      if (!open) throw new Error('No current offscreen document.');
      open = false;
    }),
  };
  Object.assign(browser, { offscreen });
  return {
    calls,
    isOpen: () => open,
    holdClosing(gate: Promise<void>) {
      closeGate = gate;
    },
  };
}

const request = { target: 'offscreen', type: 'copy-text', html: '<p>x</p>' } as const;
const read = () => withDom(() => 'here', request, z.string(), 'Reading a copy failed');

describe('the offscreen document', () => {
  let answer: (value: unknown) => void;
  beforeEach(() => {
    vi.useFakeTimers();
    // A service worker: no DOM here.
    vi.stubGlobal('DOMParser', undefined);
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(
      () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    );
  });
  afterEach(async () => {
    await vi.runAllTimersAsync();
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.restoreAllMocks();
    Reflect.deleteProperty(browser, 'offscreen');
  });

  /** Lets the request reach the document (a few awaits), then answers it. */
  const answered = async (pending: Promise<string>) => {
    const sent = vi.mocked(browser.runtime.sendMessage).mock.calls.length;
    await sentMessages(sent + 1);
    answer({ ok: true, value: 'read' });
    return pending;
  };
  const sentMessages = async (count: number) => {
    for (let turn = 0; turn < 100 && vi.mocked(browser.runtime.sendMessage).mock.calls.length < count; turn++)
      await Promise.resolve();
    expect(browser.runtime.sendMessage).toHaveBeenCalledTimes(count);
  };

  it('closes once nothing has asked it for a while, and opens again for the next request', async () => {
    const offscreen = fakeOffscreen();
    await expect(answered(read())).resolves.toBe('read');
    expect(offscreen.calls).toEqual(['create']);
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 1000);
    expect(offscreen.isOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(offscreen.calls).toEqual(['create', 'close']);
    expect(offscreen.isOpen()).toBe(false);
    await expect(answered(read())).resolves.toBe('read');
    expect(offscreen.calls).toEqual(['create', 'close', 'create']);
  });

  it('is never closed while a request waits for its answer', async () => {
    const offscreen = fakeOffscreen();
    await expect(answered(read())).resolves.toBe('read');
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS / 2);
    // A long read starts before the idle time is up and outlasts it.
    const long = read();
    await sentMessages(2);
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS * 3);
    expect(offscreen.calls).toEqual(['create']);
    answer({ ok: true, value: 'late' });
    await expect(long).resolves.toBe('late');
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS);
    expect(offscreen.calls).toEqual(['create', 'close']);
  });

  it('a request that comes while it is closing waits, then opens a new one', async () => {
    const offscreen = fakeOffscreen();
    await expect(answered(read())).resolves.toBe('read');
    let finishClosing = () => {};
    offscreen.holdClosing(
      new Promise((resolve) => {
        finishClosing = resolve;
      }),
    );
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS);
    expect(offscreen.calls).toEqual(['create', 'close']);
    const next = read();
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.runtime.sendMessage).toHaveBeenCalledTimes(1); // not sent to the closing document
    finishClosing();
    await expect(answered(next)).resolves.toBe('read');
    expect(offscreen.calls).toEqual(['create', 'close', 'create']);
    expect(offscreen.isOpen()).toBe(true);
  });
});
