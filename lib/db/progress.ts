import { getDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import { touch, type WriteOptions } from '@/lib/db/items';
import { chosenAt, type ReadingProgress, STATUS_SET_BY_READING } from '@/lib/db/schema';

/** Progress past this marks an unread item as being read. */
const STARTED_READING = 0.05;

/**
 * Records how far the user has read a saved item. Ignored for items that are not saved (Shelf
 * tracks only what the user asked it to keep). Returns whether it was recorded.
 */
export function setProgress(
  itemId: string,
  progress: Pick<ReadingProgress, 'fraction' | 'anchor'>,
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<boolean> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.items, db.progress, async () => {
      const item = await db.items.get(itemId);
      if (!item) return false;
      await db.progress.put({ itemId, fraction: progress.fraction, anchor: progress.anchor, updatedAt: now });
      if (item.status === 'unread' && progress.fraction >= STARTED_READING) {
        // Not the user's choice: "done" chosen on another browser, not yet synced, outvotes it.
        const chosen = chosenAt(item, 'status');
        item.status = 'reading';
        touch(item, ['status'], now);
        item.changedAt.status = chosen || STATUS_SET_BY_READING;
        await db.items.put(item);
      }
      return true;
    }),
  );
}
