import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { LibraryPostingsRecord } from '@/lib/db/schema';
import { type AnalyzedLibraryDocument, LIBRARY_ANALYSIS_VERSION } from '@/lib/search/library-index';

/**
 * The library search index's analysis of each saved item, kept by the background so that a page
 * opening (the popup) loads the index instead of analyzing every saved page again. Derived data:
 * each record says which analysis and which fingerprint of its item it was made from, so a record
 * of an older analysis, of an item changed since, or left by a worker stopped half-way is simply
 * made again; a missing one too.
 */

/** The stamp a record of an item with this fingerprint carries when it is up to date. */
export function postingsStamp(fingerprint: string): string {
  return `${LIBRARY_ANALYSIS_VERSION}|${fingerprint}`;
}

/** Each stored record's stamp, by item id (read from the index: no record is loaded). */
export async function getPostingsStamps(db: ShelfDatabase = getDatabase()): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  await db.libraryPostings.orderBy('stamp').eachKey((stamp, cursor) => {
    stamps.set(String(cursor.primaryKey), String(stamp));
  });
  return stamps;
}

/** The stored analyses of the current version (others are left for the background to make again). */
export async function getStoredPostings(db: ShelfDatabase = getDatabase()): Promise<AnalyzedLibraryDocument[]> {
  return currentAnalyses(await db.libraryPostings.toArray());
}

/** The stored analyses of these items, where one of the current version exists. */
export async function getStoredPostingsOf(
  ids: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<AnalyzedLibraryDocument[]> {
  return currentAnalyses(await db.libraryPostings.bulkGet([...ids]));
}

function currentAnalyses(records: readonly (LibraryPostingsRecord | undefined)[]): AnalyzedLibraryDocument[] {
  return records.flatMap((record) =>
    // A record of the current stamp without one segment mask a term (only one written by hand: each is put
    // whole) is not used; the page analyzes its item itself, and the background, going by stamps, leaves it.
    record &&
    record.stamp === postingsStamp(record.document.fingerprint) &&
    record.segments?.length === record.weights.length
      ? [
          {
            document: record.document,
            terms: record.terms === '' ? [] : record.terms.split('\n'),
            weights: record.weights,
            segments: record.segments,
            words: record.words === '' ? [] : record.words.split('\n'),
          },
        ]
      : [],
  );
}

/** Stores analyses (replacing the items' earlier ones) and forgets those of `removedIds`, in one transaction. */
export function storePostings(
  analyzed: readonly AnalyzedLibraryDocument[],
  removedIds: readonly string[] = [],
  db: ShelfDatabase = getDatabase(),
): Promise<void> {
  const records: LibraryPostingsRecord[] = analyzed.map(({ document, terms, weights, segments, words }) => ({
    itemId: document.id,
    stamp: postingsStamp(document.fingerprint),
    document: { ...document, tags: [...document.tags], highlights: [...document.highlights] },
    terms: terms.join('\n'),
    weights: Float64Array.from(weights),
    segments: Int32Array.from(segments),
    words: words.join('\n'),
  }));
  return db.transaction('rw', db.libraryPostings, async () => {
    if (removedIds.length > 0) await db.libraryPostings.bulkDelete([...removedIds]);
    if (records.length > 0) await db.libraryPostings.bulkPut(records);
  });
}
