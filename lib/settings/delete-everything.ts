import { browser } from 'wxt/browser';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';

/**
 * Deletes everything Shelf keeps: saved items, progress, captured pages and settings in the
 * database, and the preferences and view state in extension storage. One transaction for the
 * database, so it is all or nothing there.
 */
export async function deleteEverything(db: ShelfDatabase = getDatabase()): Promise<void> {
  await db.transaction('rw', db.items, db.progress, db.captures, db.settings, async () => {
    await Promise.all([db.items.clear(), db.progress.clear(), db.captures.clear(), db.settings.clear()]);
  });
  await browser.storage.local.clear();
  await browser.storage.session?.clear();
}
