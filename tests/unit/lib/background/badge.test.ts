import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getBadgeText, watchBadge } from '@/lib/background/badge';
import { ShelfDatabase } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/repository';

describe('badge text', () => {
  it('shows the unread count, nothing at zero or when turned off, and caps long numbers', () => {
    expect(getBadgeText(3, true)).toBe('3');
    expect(getBadgeText(0, true)).toBe('');
    expect(getBadgeText(3, false)).toBe('');
    expect(getBadgeText(12_345, true)).toBe('999+');
  });
});

describe('watchBadge', () => {
  it('sets the badge through browserAction where there is no action (Firefox’s Manifest V2 build)', async () => {
    const db = new ShelfDatabase(`badge-${Math.random()}`);
    await saveArticle({ id: 'a1', title: 'One', url: null }, { db });
    const browserAction = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) };
    const api = browser as unknown as Record<string, unknown>;
    const action = api.action;
    api.action = undefined;
    api.browserAction = browserAction;
    try {
      const stop = watchBadge(db);
      await vi.waitFor(() => expect(browserAction.setBadgeText).toHaveBeenCalledWith({ text: '1' }));
      stop();
    } finally {
      api.action = action;
      delete api.browserAction;
      db.close();
    }
  });
});
