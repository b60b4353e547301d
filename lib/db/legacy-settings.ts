import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { LegacySettingRecord } from '@/lib/db/schema';

/** The settings record versions 1–3 kept in the database, if it is still there. */
export async function readLegacySettings(
  db: ShelfDatabase = getDatabase(),
): Promise<LegacySettingRecord['value'] | null> {
  return (await db.settings.get('settings'))?.value ?? null;
}

/** Forgets that record, once its settings are kept as preferences. */
export async function deleteLegacySettings(db: ShelfDatabase = getDatabase()): Promise<void> {
  await db.settings.delete('settings');
}
