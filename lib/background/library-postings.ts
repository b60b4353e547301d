import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { COPY_TEXT_RULE, getCopyTextProgress } from '@/lib/db/copies';
import { DATABASE_NAME, getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { analysisStillHolds, getLibraryDocuments, getLibraryFingerprints } from '@/lib/db/library-documents';
import { getPostingsStamps, getStoredPostingsOf, postingsStamp, storePostings } from '@/lib/db/library-postings';
import {
  fingerprintsDigest,
  getLibrarySnapshot,
  getLibrarySnapshotDigest,
  putLibrarySnapshot,
} from '@/lib/db/library-snapshot';
import { getEpoch } from '@/lib/db/meta';
import { analyzeLibraryDocument, createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { librarySource } from '@/lib/search/library-live';
import { syncLibraryIndex } from '@/lib/search/library-sync';

/** Items analyzed and stored per transaction: a worker stopped half-way keeps what it stored. */
const BATCH = 25;

/**
 * Brings the stored library analyses in step with the data: analyses of items that are gone are
 * dropped, items new or changed since their analysis (or analyzed by an older version) are analyzed
 * and stored, batch by batch. Nothing needs repair after an interruption: the next run compares
 * again and finishes the work. Returns how many records it wrote and dropped.
 */
export async function updateLibraryPostings(
  db: ShelfDatabase = getDatabase(),
  { onBatch }: { onBatch?: (analyzed: number) => void } = {},
): Promise<{ analyzed: number; removed: number }> {
  const [fingerprints, stamps] = await Promise.all([getLibraryFingerprints(db), getPostingsStamps(db)]);
  const gone = [...stamps.keys()].filter((id) => !fingerprints.has(id));
  const stale = [...fingerprints].filter(([id, fingerprint]) => stamps.get(id) !== postingsStamp(fingerprint));
  if (gone.length > 0) await storePostings([], gone, db);
  let analyzed = 0;
  for (let at = 0; at < stale.length; at += BATCH) {
    const ids = stale.slice(at, at + BATCH).map(([id]) => id);
    const [documents, stored] = await Promise.all([getLibraryDocuments(ids, db), getStoredPostingsOf(ids, db)]);
    const storedOf = new Map(stored.map((analysis) => [analysis.document.id, analysis]));
    // An analysis whose item only got a new fingerprint is kept, stamped again: not made again.
    const analyses = documents.map((document) => {
      const kept = storedOf.get(document.id);
      return kept && analysisStillHolds(kept.document, document)
        ? { ...kept, document: { ...kept.document, fingerprint: document.fingerprint } }
        : analyzeLibraryDocument(document);
    });
    await storePostings(analyses, [], db);
    analyzed += documents.length;
    onBatch?.(analyzed);
  }
  return { analyzed, removed: gone.length };
}

/**
 * Brings the library index stored whole in step with the data, from the stored per-item analyses
 * (run after `updateLibraryPostings`). When the stored digest of fingerprints equals the data's, the
 * stored index is current and is not even read (a worker waking for a message reads a few kB, not the
 * index). Else the index this worker kept (or the stored one, restored) is synced item by item and
 * stored again, unless "Delete everything" happened meanwhile. Returns the index to keep, if any.
 */
export async function updateLibrarySnapshot(
  db: ShelfDatabase = getDatabase(),
  kept?: LibraryIndex,
): Promise<{ index: LibraryIndex | undefined; stored: boolean }> {
  const epoch = await getEpoch(db);
  const [fingerprints, storedDigest] = await Promise.all([getLibraryFingerprints(db), getLibrarySnapshotDigest(db)]);
  if (storedDigest === fingerprintsDigest(fingerprints)) return { index: kept, stored: false };
  let index = kept;
  if (!index) {
    index = createLibraryIndex();
    const snapshot = await getLibrarySnapshot(db);
    if (snapshot) index.restore(snapshot);
  }
  await syncLibraryIndex(index, librarySource(db));
  await putLibrarySnapshot(index.snapshot(), { db, epoch });
  return { index, stored: true };
}

async function copiesAreCurrent(): Promise<boolean> {
  return (await getCopyTextProgress(getDatabase())).rule >= COPY_TEXT_RULE;
}

let running = false;
let again = false;
/** The index stored whole, as this worker last stored it. */
let workerIndex: LibraryIndex | undefined;

/** Starts a run of `updateLibraryPostings` and `updateLibrarySnapshot`, or one more after the current one (changes came during it). */
export function requestLibraryPostingsUpdate(): void {
  if (running) {
    again = true;
    return;
  }
  running = true;
  void updateLibraryPostings()
    .then(async () =>
      // While copies saved by an earlier version are read again (lib/background/copy-texts.ts), each
      // batch of them would store the whole index again: it is stored once they are all read (that
      // last batch is a change too). Pages meanwhile sync from the per-item analyses.
      (await copiesAreCurrent()) ? updateLibrarySnapshot(getDatabase(), workerIndex) : { index: workerIndex },
    )
    .then(({ index }) => {
      workerIndex = index;
    })
    .catch((error: unknown) => {
      // The kept index may be ahead of what was stored: the next run starts again from what was.
      workerIndex = undefined;
      console.warn('Shelf: could not update the library search index', error);
    })
    .finally(() => {
      running = false;
      if (again) {
        again = false;
        requestLibraryPostingsUpdate();
      }
    });
}

/**
 * Keeps the stored analyses up to date from the start of the service worker and after every
 * database change (its own, and other contexts' while it is awake; pages also send `data-changed`,
 * which wakes it). Returns a stop.
 */
export function keepLibraryPostingsInStep(): () => void {
  requestLibraryPostingsUpdate();
  return watchDatabaseChanges(DATABASE_NAME, requestLibraryPostingsUpdate, 500);
}
