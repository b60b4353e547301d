import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { DATABASE_NAME } from '@/lib/db/database';
import { getCapturedTexts, getLibraryDocuments, getLibraryFingerprints } from '@/lib/db/library-documents';
import { pauseForPage } from '@/lib/dom/time-slices';
import { createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { syncLibraryIndex } from '@/lib/search/library-sync';

export { getCapturedTexts };

/**
 * The library index of this page (popup, side panel), built from the database when the page opens
 * and brought up to date after each change to it (in any context): only the items that changed are
 * read again. `onUpdate` is called after each sync that changed the index. Returns a stop.
 */
export function watchLibraryIndex(
  onUpdate: (index: LibraryIndex) => void,
  onError: (error: unknown) => void,
): () => void {
  const index = createLibraryIndex();
  const source = { fingerprints: () => getLibraryFingerprints(), documents: getLibraryDocuments };
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let first = true;

  const sync = () => {
    if (running) {
      again = true;
      return;
    }
    running = syncLibraryIndex(index, source, { pause: pauseForPage })
      .then(({ indexed, removed }) => {
        if (!stopped && (first || indexed + removed > 0)) onUpdate(index);
        first = false;
      }, onError)
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          sync();
        }
      });
  };
  const stopWatching = watchDatabaseChanges(DATABASE_NAME, sync, 50);
  sync();
  return () => {
    stopped = true;
    stopWatching();
  };
}
