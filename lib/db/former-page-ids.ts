import type { ShelfDatabase } from '@/lib/db/database';
import { newerRecord } from '@/lib/db/merge';
import type { ReadingProgress } from '@/lib/db/schema';

/**
 * Inside a transaction that includes `progress`: pages saved anew take the reading progress kept under
 * the ids versions 4 to 11 gave the addresses they come from (`fragmentlessPageItemId`: tracking
 * parameters kept), the newest, unless they have a newer one under their own id; the former records go.
 * A page unsaved before version 12 keeps its progress under that id (`unsaveItems`: saving it again
 * resumes), which the migration could not move: the item, with its address, was gone, and an id is a hash.
 */
export async function takeFormerProgress(
  db: ShelfDatabase,
  formerIdsOf: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const ids = [...formerIdsOf.keys()];
  const own = await db.progress.bulkGet(ids);
  for (const [i, id] of ids.entries()) {
    const formerIds = [...new Set(formerIdsOf.get(id))].filter((formerId) => formerId !== id);
    if (formerIds.length === 0) continue;
    const former = (await db.progress.bulkGet(formerIds)).filter(
      (record): record is ReadingProgress => record !== undefined,
    );
    const newest = former.reduce<ReadingProgress | undefined>(
      (kept, record) => (kept && kept.updatedAt >= record.updatedAt ? kept : record),
      undefined,
    );
    if (!newest) continue;
    await db.progress.bulkDelete(former.map((record) => record.itemId));
    const kept = newerRecord(own[i], newest);
    if (kept) await db.progress.put({ ...kept, itemId: id });
  }
}
