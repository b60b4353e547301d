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

/** Checks that a snapshot can be restored without reading outside its arrays: lengths, ends and largest entries. */
function isUsable(snapshot: LibraryIndexSnapshot): boolean {
  if (snapshot?.version !== LIBRARY_ANALYSIS_VERSION || !Array.isArray(snapshot.documents)) return false;
  const { postingStarts, postingDocs, postingWeights, docTermStarts, docTerms, wordCounts, docWordStarts, docWords } =
    snapshot;
  const grams = snapshot.grams;
  const arrays = [postingStarts, postingDocs, docTermStarts, docTerms, wordCounts, docWordStarts, docWords];
  if (typeof grams !== 'object' || grams === null) return false;
  arrays.push(grams.lengths, grams.starts, grams.ids);
  if (!arrays.every((array) => isArrayOf(array, 'Int32Array')) || !isArrayOf(postingWeights, 'Float64Array'))
    return false;
  if (typeof snapshot.terms !== 'string' || typeof snapshot.words !== 'string' || typeof grams.pairs !== 'string')
    return false;
  const termCount = lineCount(snapshot.terms);
  const wordCount = lineCount(snapshot.words);
  const groupCount = lineCount(grams.pairs);
  const documentCount = snapshot.documents.length;
  return (
    postingStarts.length === termCount + 1 &&
    postingStarts[termCount] === postingDocs.length &&
    postingWeights.length === postingDocs.length &&
    wordCount === wordCounts.length &&
    docTermStarts.length === documentCount + 1 &&
    docTermStarts[documentCount] === docTerms.length &&
    docWordStarts.length === documentCount + 1 &&
    docWordStarts[documentCount] === docWords.length &&
    grams.lengths.length === groupCount &&
    grams.starts.length === groupCount + 1 &&
    grams.starts[groupCount] === grams.ids.length &&
    isIncreasing(postingStarts) &&
    isIncreasing(docTermStarts) &&
    isIncreasing(docWordStarts) &&
    isIncreasing(grams.starts) &&
    allBelow(postingDocs, documentCount) &&
    allBelow(docTerms, termCount) &&
    allBelow(docWords, wordCount) &&
    allBelow(grams.ids, wordCount)
  );
}

function lineCount(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function isIncreasing(starts: Int32Array): boolean {
  if (starts[0] !== 0) return false;
  for (let at = 1; at < starts.length; at++) if ((starts[at] as number) < (starts[at - 1] as number)) return false;
  return true;
}

function allBelow(values: Int32Array, limit: number): boolean {
  for (let at = 0; at < values.length; at++)
    if ((values[at] as number) < 0 || (values[at] as number) >= limit) return false;
  return true;
}

/** By its tag, not `instanceof`: an array read from IndexedDB may come from another realm (a test's, a worker's). */
function isArrayOf(value: unknown, kind: 'Int32Array' | 'Float64Array'): boolean {
  return Object.prototype.toString.call(value) === `[object ${kind}]`;
}
