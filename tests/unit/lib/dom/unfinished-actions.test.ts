import { describe, expect, it } from 'vitest';
import { StorageFullError } from '@/lib/db/errors';
import { describeUnfinishedAction, watchUnfinishedActions } from '@/lib/dom/unfinished-actions';

/** What the browser dispatches for a promise that failed with no handler (a test cannot make one here). */
function unhandledRejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection'), { reason, promise: Promise.resolve() });
}

describe('actions that did not finish', () => {
  it('a full disk is said as Shelf says it everywhere, however Dexie wraps it', () => {
    const full = new StorageFullError().message;
    expect(describeUnfinishedAction(new StorageFullError())).toBe(full);
    expect(describeUnfinishedAction(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toBe(full);
    const aborted = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    expect(describeUnfinishedAction(aborted)).toBe(full);
  });

  it('any other failure names its reason', () => {
    expect(describeUnfinishedAction(new Error('Database has been closed'))).toBe(
      'Shelf could not finish that: Database has been closed. Try again; nothing else was changed.',
    );
    expect(describeUnfinishedAction('gone')).toContain('could not finish that: gone.');
    expect(describeUnfinishedAction(undefined)).toContain('could not finish that: an unknown error.');
  });

  it('hears each unhandled rejection of the page until stopped', () => {
    const heard: string[] = [];
    const stop = new AbortController();
    watchUnfinishedActions(window, (text) => heard.push(text), stop.signal);
    window.dispatchEvent(unhandledRejection(new Error('first')));
    window.dispatchEvent(unhandledRejection(new StorageFullError()));
    stop.abort();
    window.dispatchEvent(unhandledRejection(new Error('after')));
    expect(heard).toEqual([
      'Shelf could not finish that: first. Try again; nothing else was changed.',
      new StorageFullError().message,
    ]);
  });
});
