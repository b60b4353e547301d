import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { DATABASE_NAME } from '@/lib/db/database';
import { getCapturedTexts, getLibraryDocuments, getLibraryFingerprints } from '@/lib/db/library-documents';
import { getStoredPostings } from '@/lib/db/library-postings';
import { pauseForPage } from '@/lib/dom/time-slices';
import { createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { restoreLibraryIndex, syncLibraryIndex } from '@/lib/search/library-sync';

export { getCapturedTexts };

/**
 * The library index of this page (popup, side panel), loaded from the analyses the background
 * stored when the page opens (items it has not analyzed yet are analyzed here) and brought up to date
 * after each change to it (in any context): only the items that changed are read again. `onUpdate` is called after each sync that changed the index. Returns a stop.
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
    // At the first sync, the items the background analyzed ahead are loaded, not analyzed again.
    const restored = first
      ? restoreLibraryIndex(index, () => getStoredPostings(), { pause: pauseForPage }).catch(onError)
      : Promise.resolve();
    running = restored
      .then(() => syncLibraryIndex(index, source, { pause: pauseForPage }))
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
