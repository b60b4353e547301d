import type { CatalogOverlayStore, OverlayRecord, UpdateCursor } from '@/lib/catalog-updates/overlay-schema';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import { assertEpoch, getEpoch } from '@/lib/db/meta';

/** Every record of the catalog overlay (what Shelf learned from the blog), by id. */
export function getCatalogOverlay(db: ShelfDatabase = getDatabase()): Promise<OverlayRecord[]> {
  return db.catalogOverlay.orderBy('id').toArray();
}

/**
 * The overlay's store for the updater and for learning while reading: changes land in one
 * transaction, and the update's cursor (where it stopped) lives beside them. The store keeps the
 * database's epoch from when the overlay was loaded: after "Delete everything" (an update reads
 * pages for minutes), every write is refused (`DataDeletedError`), so nothing learned comes back.
 */
export function createCatalogOverlayStore(db: ShelfDatabase = getDatabase()): CatalogOverlayStore {
  let epoch: string | null = null;
  const sameEpoch = async () => {
    if (epoch !== null) await assertEpoch(db, epoch);
  };
  return {
    loadOverlay: () =>
      db.transaction('r', db.catalogOverlay, db.meta, async () => {
        epoch = await getEpoch(db);
        return getCatalogOverlay(db);
      }),
    saveOverlayChanges: ({ put, remove }) =>
      reportingFullStorage(() =>
        db.transaction('rw', db.catalogOverlay, db.meta, async () => {
          await sameEpoch();
          await db.catalogOverlay.bulkDelete(remove);
          await db.catalogOverlay.bulkPut(put);
        }),
      ),
    loadCursor: async () => {
      const record = await db.meta.get('catalogUpdateCursor');
      return record?.key === 'catalogUpdateCursor' ? record.value : null;
    },
    saveCursor: (cursor: UpdateCursor | null) =>
      db.transaction('rw', db.meta, async () => {
        await sameEpoch();
        if (cursor) await db.meta.put({ key: 'catalogUpdateCursor', value: cursor });
        else await db.meta.delete('catalogUpdateCursor');
      }),
  };
}
