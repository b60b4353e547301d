import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getBadgeText, refreshBadge } from '@/lib/background/badge';
import { DATABASE_NAME, getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

describe('badge text', () => {
  it('shows the unread count, nothing at zero or when turned off, and caps long numbers', () => {
    expect(getBadgeText(3, true)).toBe('3');
    expect(getBadgeText(0, true)).toBe('');
    expect(getBadgeText(3, false)).toBe('');
    expect(getBadgeText(12_345, true)).toBe('999+');
  });
});

describe('refreshBadge', () => {
  it('sets the badge through browserAction where there is no action (Firefox’s Manifest V2 build)', async () => {
    await saveArticle({ id: 'a1', title: 'One', url: null }, { db: getDatabase() });
    const browserAction = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) };
    const api = browser as unknown as Record<string, unknown>;
    const action = api.action;
    api.action = undefined;
    api.browserAction = browserAction;
    try {
      await refreshBadge();
      expect(browserAction.setBadgeText).toHaveBeenCalledWith({ text: '1' });
    } finally {
      api.action = action;
      delete api.browserAction;
    }
  });
});
