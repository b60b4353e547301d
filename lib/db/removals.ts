import type { ShelfDatabase } from '@/lib/db/database';

/**
 * When the user removed items in this browser. Sync reads it (`readSyncLibrary`) to date each
 * removal when it was made, not when sync noticed it: an edit made on another browser after the
 * removal keeps the item, one made before does not, and an item saved and removed between two
 * syncs is removed from a browser that saved it earlier too. Only what sync uses is kept: the
 * newest few thousand, for as long as sync still sends such a removal first (older ones it dates
 * when it notices them, as it ranks them with the oldest, lib/sync/priority.ts).
 */
export const RECENT_REMOVAL_MS = 30 * 86_400_000;
const KEEP_COUNT = 5_000;

/** Inside a transaction that includes `meta`: records `ids` as removed at `at`. */
export async function recordRemovals(db: ShelfDatabase, ids: readonly string[], at: number): Promise<void> {
  const removedAt = { ...(await getRemovals(db)) };
  for (const id of ids) removedAt[id] = at;
  const kept = Object.entries(removedAt)
    .filter(([, time]) => time > at - RECENT_REMOVAL_MS)
    .sort(([, a], [, b]) => b - a)
    .slice(0, KEEP_COUNT);
  await db.meta.put({ key: 'removedAt', value: Object.fromEntries(kept) });
}

/** Inside a transaction that includes `meta`: when items were removed here, by id. */
export async function getRemovals(db: ShelfDatabase): Promise<Record<string, number>> {
  const record = await db.meta.get('removedAt');
  return record?.key === 'removedAt' ? record.value : {};
}

/** Inside a transaction that includes `meta`: forgets them ("Replace everything": a new library). */
export async function forgetRemovals(db: ShelfDatabase): Promise<void> {
  await db.meta.delete('removedAt');
}
