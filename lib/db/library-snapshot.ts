import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { assertEpoch } from '@/lib/db/meta';
import { LIBRARY_ANALYSIS_VERSION, type LibraryIndexSnapshot } from '@/lib/search/library-index';
import { z } from '@/lib/zod/classic';

/**
 * The library search index stored whole (one record of flat arrays), kept by the background after
 * the per-item analyses: a page opening restores it in a few array copies instead of building the
 * index from 2,000 analyses (seconds). Derived data: missing, of another analysis version or
 * inconsistent, it is not used, and pages fall back to the per-item analyses.
 */

const NAME = 'library';
const DIGEST = 'library-digest';
/**
 * How the snapshot itself is laid out, in its digest beside the analysis version: a stored index of
 * an older layout is stored again once (still restored meanwhile). 2: its words in order, so that a
 * page finds the words a prefix begins without sorting them (lib/search/words-in-order.ts).
 */
const SNAPSHOT_LAYOUT = 2;

/** The stored snapshot when it is of this analysis version and its arrays and documents are sound; else null. */
export async function getLibrarySnapshot(db: ShelfDatabase = getDatabase()): Promise<LibraryIndexSnapshot | null> {
  const record = await db.librarySnapshot.get(NAME);
  return record?.name === NAME && isUsable(record.snapshot) ? record.snapshot : null;
}

/** The digest stored with the snapshot (see `fingerprintsDigest`), without reading the snapshot. */
export async function getLibrarySnapshotDigest(db: ShelfDatabase = getDatabase()): Promise<string | null> {
  const record = await db.librarySnapshot.get(DIGEST);
  return record?.name === DIGEST ? record.digest : null;
}

/** One string for a set of item fingerprints (any order): equal digests, same items in the same state. */
export function fingerprintsDigest(fingerprints: ReadonlyMap<string, string>): string {
  const lines = [...fingerprints].map(([id, fingerprint]) => `${id}\t${fingerprint}`).sort();
  return `${LIBRARY_ANALYSIS_VERSION}.${SNAPSHOT_LAYOUT}:${bytesToHex(sha256(utf8ToBytes(lines.join('\n'))))}`;
}

/**
 * Stores the snapshot with the digest of its items' fingerprints, in one transaction; with `epoch`,
 * only if "Delete everything" has not happened since it was read (else `DataDeletedError`).
 */
export async function putLibrarySnapshot(
  snapshot: LibraryIndexSnapshot,
  { db = getDatabase(), epoch }: { db?: ShelfDatabase; epoch?: string } = {},
): Promise<void> {
  const digest = fingerprintsDigest(new Map(snapshot.documents.map((document) => [document.id, document.fingerprint])));
  await db.transaction('rw', db.meta, db.librarySnapshot, async () => {
    if (epoch !== undefined) await assertEpoch(db, epoch);
    await db.librarySnapshot.bulkPut([
      { name: NAME, snapshot },
      { name: DIGEST, digest },
    ]);
  });
}

const snapshotDocumentSchema = z.object({
  id: z.string(),
  articleId: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  siteName: z.string().nullable(),
  byline: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string(),
  highlights: z.array(z.string()),
  fingerprint: z.string(),
});
const snapshotDocumentsSchema = z
  .array(snapshotDocumentSchema)
  .refine((documents) => new Set(documents.map((document) => document.id)).size === documents.length);

/** Checks that a snapshot can be restored without reading outside its arrays: lengths, ends and largest entries. */
function isUsable(snapshot: LibraryIndexSnapshot): boolean {
  if (snapshot?.version !== LIBRARY_ANALYSIS_VERSION || !snapshotDocumentsSchema.safeParse(snapshot.documents).success)
    return false;
  const {
    postingStarts,
    postingDocs,
    postingWeights,
    postingSegments,
    docTermStarts,
    docTerms,
    wordCounts,
    docWordStarts,
    docWords,
  } = snapshot;
  const grams = snapshot.grams;
  const arrays = [
    postingStarts,
    postingDocs,
    postingSegments,
    docTermStarts,
    docTerms,
    wordCounts,
    docWordStarts,
    docWords,
  ];
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
    postingSegments.length === postingDocs.length &&
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
