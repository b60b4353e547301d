import { liveQuery } from 'dexie';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { SavedItem } from '@/lib/db/schema';

/** The saved pages, live (titles and addresses only: the captured copies stay in the database). */
export function watchSavedPages(onChange: (pages: SavedItem[]) => void, db: ShelfDatabase = getDatabase()): () => void {
  const subscription = liveQuery(() => db.items.where('kind').equals('page').reverse().sortBy('addedAt')).subscribe({
    next: onChange,
    error: (error: unknown) => console.warn('Shelf: could not read saved pages', error),
  });
  return () => subscription.unsubscribe();
}
