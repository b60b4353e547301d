import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import type { StoredImage } from '@/lib/db/schema';

interface Options {
  db?: ShelfDatabase;
  now?: number;
}

/**
 * Keeps the images of an item's copy, replacing those of an earlier copy, in one transaction.
 * Images of items that no longer have a copy (removed, and not brought back by undo before this
 * next save) are deleted on the way.
 */
export function storeItemImages(
  itemId: string,
  images: ReadonlyArray<{ url: string; blob: Blob }>,
  { db = getDatabase(), now = Date.now() }: Options = {},
): Promise<number> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.images, db.captures, async () => {
      const owners = (await db.images.orderBy('itemId').uniqueKeys()) as string[];
      const copies = await db.captures.bulkGet(owners);
      const orphans = owners.filter((owner, i) => copies[i] === undefined || owner === itemId);
      await db.images.where('itemId').anyOf(orphans).delete();
      await db.images.bulkPut(
        images.map((image) => ({ itemId, url: image.url, blob: image.blob, bytes: image.blob.size, storedAt: now })),
      );
      return images.length;
    }),
  );
}

/** The stored images of an item's copy (what the reader shows instead of fetching). */
export function getItemImages(itemId: string, db: ShelfDatabase = getDatabase()): Promise<StoredImage[]> {
  return db.images.where('itemId').equals(itemId).toArray();
}
