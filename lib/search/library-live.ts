import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { DATABASE_NAME, getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { getLibraryDocuments, getLibraryFingerprints, getSnippetSources } from '@/lib/db/library-documents';
import { getStoredPostings, getStoredPostingsOf } from '@/lib/db/library-postings';
import { getLibrarySnapshot } from '@/lib/db/library-snapshot';
import { pauseForPage } from '@/lib/dom/time-slices';
import { createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { type LibrarySource, restoreLibraryIndex, syncLibraryIndex } from '@/lib/search/library-sync';

export { getSnippetSources };

/**
 * The library index of this page (popup, side panel): restored from the index the background stored
 * whole when the page opens (else loaded from its per-item analyses), then brought up to date from
 * the data (items changed since are taken from those analyses, or analyzed here), and again after
 * each change (in any context): only the items that changed are read again. `onUpdate` is called
 * after each sync that changed the index. Returns a stop.
 */
export function watchLibraryIndex(
  onUpdate: (index: LibraryIndex) => void,
  onError: (error: unknown) => void,
): () => void {
  const index = createLibraryIndex();
  const source = librarySource();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let first = true;

  const sync = () => {
    if (running) {
      again = true;
      return;
    }
    // At the first sync, what the background indexed ahead is loaded, not indexed again (once, even if that sync fails).
    const restored = first
      ? loadStoredLibraryIndex(index).then(
          (from) => {
            // For tests and `npm run bench`: where this page's index came from.
            performance.mark(`shelf:library-loaded-from-${from}`);
          },
          // Not the end of it: the sync below indexes the items themselves.
          (error: unknown) => console.warn('Shelf: could not read the stored library index', error),
        )
      : Promise.resolve();
    const wasFirst = first;
    first = false;
    running = restored
      .then(() => syncLibraryIndex(index, source, { pause: pauseForPage }))
      .then(({ indexed, removed }) => {
        if (!stopped && (wasFirst || indexed + removed > 0)) onUpdate(index);
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

/** The library as the index reads it: the data, and the analyses the background made ahead. */
export function librarySource(db: ShelfDatabase = getDatabase()): LibrarySource {
  return {
    fingerprints: () => getLibraryFingerprints(db),
    documents: (ids) => getLibraryDocuments(ids, db),
    analyzed: (ids) => getStoredPostingsOf(ids, db),
  };
}

/**
 * Fills an empty index with what the background stored: the index whole when there is one (a few
 * array copies), else its per-item analyses. Says which it was.
 */
export async function loadStoredLibraryIndex(
  index: LibraryIndex,
  db: ShelfDatabase = getDatabase(),
): Promise<'snapshot' | 'analyses'> {
  const snapshot = await getLibrarySnapshot(db);
  if (snapshot) {
    try {
      index.restore(snapshot);
      return 'snapshot';
    } catch (error) {
      // A record that passed the checks and still could not be read: the per-item analyses instead.
      console.warn('Shelf: could not load the stored library index', error);
    }
  }
  await restoreLibraryIndex(index, () => getStoredPostings(db), { pause: pauseForPage });
  return 'analyses';
}
