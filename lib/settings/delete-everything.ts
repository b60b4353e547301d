import { clearAll } from '@/lib/db/clear';
import type { ShelfDatabase } from '@/lib/db/database';
import { clearPreferences } from '@/lib/settings/preferences';

/**
 * Deletes everything Shelf keeps: every record in the database (one transaction: all or nothing;
 * an import under way stops) and every preference. The background sees the placement go back to
 * its default and gives back the "every site" permission.
 */
export async function deleteEverything(db?: ShelfDatabase): Promise<void> {
  await clearAll(db);
  await clearPreferences();
}
