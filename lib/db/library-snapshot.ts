import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { LIBRARY_ANALYSIS_VERSION, type LibraryIndexSnapshot } from '@/lib/search/library-index';

/**
 * The library search index stored whole (one record of flat arrays), kept by the background after
 * the per-item analyses: a page opening restores it in a few array copies instead of building the
 * index from 2,000 analyses (seconds). Derived data: missing, of another analysis version or
 * inconsistent, it is not used, and pages fall back to the per-item analyses.
 */

const NAME = 'library';

/** The stored snapshot when it is of this analysis version and its arrays agree with each other; else null. */
export async function getLibrarySnapshot(db: ShelfDatabase = getDatabase()): Promise<LibraryIndexSnapshot | null> {
  const record = await db.librarySnapshot.get(NAME);
  return record && isUsable(record.snapshot) ? record.snapshot : null;
}

export async function putLibrarySnapshot(
  snapshot: LibraryIndexSnapshot,
  db: ShelfDatabase = getDatabase(),
): Promise<void> {
  await db.librarySnapshot.put({ name: NAME, snapshot });
}

/** Cheap checks (lengths and ends, not every entry) that a snapshot can be restored without reading outside its arrays. */
function isUsable(snapshot: LibraryIndexSnapshot): boolean {
  if (snapshot?.version !== LIBRARY_ANALYSIS_VERSION || !Array.isArray(snapshot.documents)) return false;
  const { postingStarts, postingDocs, postingWeights, docTermStarts, docTerms, wordCounts, docWordStarts, docWords } =
    snapshot;
  const arrays = [postingStarts, postingDocs, docTermStarts, docTerms, wordCounts, docWordStarts, docWords];
  if (!arrays.every((array) => isArrayOf(array, 'Int32Array')) || !isArrayOf(postingWeights, 'Float64Array'))
    return false;
  if (typeof snapshot.terms !== 'string' || typeof snapshot.words !== 'string') return false;
  const termCount = snapshot.terms === '' ? 0 : snapshot.terms.split('\n', postingStarts.length + 1).length;
  const wordCount = snapshot.words === '' ? 0 : snapshot.words.split('\n', wordCounts.length + 1).length;
  const documentCount = snapshot.documents.length;
  return (
    postingStarts.length === termCount + 1 &&
    postingStarts[termCount] === postingDocs.length &&
    postingWeights.length === postingDocs.length &&
    wordCount === wordCounts.length &&
    docTermStarts.length === documentCount + 1 &&
    docTermStarts[documentCount] === docTerms.length &&
    docWordStarts.length === documentCount + 1 &&
    docWordStarts[documentCount] === docWords.length
  );
}

/** By its tag, not `instanceof`: an array read from IndexedDB may come from another realm (a test's, a worker's). */
function isArrayOf(value: unknown, kind: 'Int32Array' | 'Float64Array'): boolean {
  return Object.prototype.toString.call(value) === `[object ${kind}]`;
}
