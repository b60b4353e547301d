import type { CatalogOverlayStore, OverlayRecord, UpdateCursor } from '@/lib/catalog-updates/overlay-schema';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';

/** Every record of the catalog overlay (what Shelf learned from the blog), by id. */
export function getCatalogOverlay(db: ShelfDatabase = getDatabase()): Promise<OverlayRecord[]> {
  return db.catalogOverlay.orderBy('id').toArray();
}

/**
 * The overlay's store for the updater and for learning while reading: changes land in one
 * transaction, and the update's cursor (where it stopped) lives beside them.
 */
export function createCatalogOverlayStore(db: ShelfDatabase = getDatabase()): CatalogOverlayStore {
  return {
    loadOverlay: () => getCatalogOverlay(db),
    saveOverlayChanges: ({ put, remove }) =>
      reportingFullStorage(() =>
        db.transaction('rw', db.catalogOverlay, async () => {
          await db.catalogOverlay.bulkDelete(remove);
          await db.catalogOverlay.bulkPut(put);
        }),
      ),
    loadCursor: async () => {
      const record = await db.meta.get('catalogUpdateCursor');
      return record?.key === 'catalogUpdateCursor' ? record.value : null;
    },
    saveCursor: async (cursor: UpdateCursor | null) => {
      if (cursor) await db.meta.put({ key: 'catalogUpdateCursor', value: cursor });
      else await db.meta.delete('catalogUpdateCursor');
    },
  };
}
