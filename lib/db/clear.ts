import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { startNewEpoch } from '@/lib/db/meta';

/**
 * Deletes every record of every table in one transaction (all or nothing), and starts a new epoch
 * so that a long write under way (an import) stops instead of bringing data back.
 */
export async function clearAll(db: ShelfDatabase = getDatabase()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    await startNewEpoch(db);
  });
}
