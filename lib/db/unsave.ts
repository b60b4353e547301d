import { getDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import type { RemovedSnapshot, WriteOptions } from '@/lib/db/items';
import { recordRemovals } from '@/lib/db/removals';

const present = <T>(record: T | undefined): record is T => record !== undefined;

/**
 * Unsaves items: removes them with their readable copies and highlights (as `removeItems` does,
 * noting when, for sync), but keeps their reading progress, so that saving one again later resumes
 * where the user was.
 * Returns what was removed, for `restoreRemoved` (which puts each item, copy and highlight back
 * exactly; the progress never left).
 */
export function unsaveItems(
  ids: readonly string[],
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<RemovedSnapshot> {
  const keys = [...ids];
  // It writes too (when, for sync): a full disk says so plainly.
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.captures, db.highlights, db.meta], async () => {
      const snapshot: RemovedSnapshot = {
        items: (await db.items.bulkGet(keys)).filter(present),
        progress: [],
        captures: (await db.captures.bulkGet(keys)).filter(present),
        highlights: await db.highlights.where('itemId').anyOf(keys).toArray(),
      };
      await Promise.all([
        db.items.bulkDelete(keys),
        db.captures.bulkDelete(keys),
        db.highlights.where('itemId').anyOf(keys).delete(),
      ]);
      const removed = snapshot.items.map((item) => item.id);
      if (removed.length > 0) await recordRemovals(db, removed, now);
      return snapshot;
    }),
  );
}
