import type Dexie from 'dexie';
import { getDatabase } from '@/lib/db/database';

/**
 * Whether Shelf's database can be used in this page, and if not, what to tell the user. Firefox
 * refuses IndexedDB to extension pages in private windows (InvalidStateError); Dexie's live
 * queries then never settle, so a page waiting on them would say "Loading…" for ever.
 */
export async function checkDatabase(
  db: Dexie = getDatabase(),
  { privateWindow }: { privateWindow: boolean },
): Promise<string | null> {
  try {
    await db.open();
    return null;
  } catch (error) {
    if (privateWindow) {
      return (
        'Your reading list, saved pages and settings are not available in a private window: the browser gives ' +
        'extensions no storage there. Open Shelf in a normal window for them; searching and browsing articles work here.'
      );
    }
    const inner = (error as { inner?: Error }).inner ?? (error as Error);
    return `Shelf could not open its storage (${inner.name}: ${inner.message}). Searching and browsing articles still work.`;
  }
}
