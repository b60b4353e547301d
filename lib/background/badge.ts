import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { countUnread, getSettings } from '@/lib/db/repository';

export function getBadgeText(unread: number, showBadge: boolean): string {
  if (!showBadge || unread === 0) return '';
  return unread > 999 ? '999+' : String(unread);
}

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
function getToolbarButton(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/**
 * Keeps the toolbar badge equal to the number of unread saved items. Runs in the service worker
 * and in every open extension page: a sleeping service worker is not woken by database changes,
 * so whichever context makes a change also updates the badge.
 */
export function watchBadge(db: ShelfDatabase = getDatabase()): () => void {
  const subscription = liveQuery(async () =>
    getBadgeText(await countUnread(db), (await getSettings(db)).showBadge),
  ).subscribe({
    next: (text) => {
      const button = getToolbarButton();
      void button.setBadgeText({ text });
      void button.setBadgeBackgroundColor({ color: '#2459d6' });
    },
    error: (error: unknown) => console.warn('Shelf: badge not updated', error),
  });
  return () => subscription.unsubscribe();
}
