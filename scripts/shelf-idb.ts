/**
 * Reads Shelf's IndexedDB from outside, in an extension page or the service worker, through
 * Playwright's `evaluate` (benchmarks and e2e tests): plain IndexedDB, so reading starts nothing
 * of Shelf's own (a Dexie open in a page would). Self-contained, as `evaluate` sends its source.
 * With `key`, the stored record (undefined when absent); without, how many records the store has.
 */
export function readShelfStore({ store, key }: { store: string; key?: string }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('shelf');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const objects = db.transaction(store).objectStore(store);
      const read: IDBRequest = key === undefined ? objects.count() : objects.get(key);
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        db.close();
        resolve(read.result);
      };
    };
  });
}

/** How many documents the library index the background stored whole holds (0 when none is stored). */
export function snapshotDocumentCount(record: unknown): number {
  return (record as { snapshot?: { documents: unknown[] } } | undefined)?.snapshot?.documents.length ?? 0;
}
