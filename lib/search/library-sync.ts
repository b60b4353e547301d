import type { AnalyzedLibraryDocument, LibraryDocument, LibraryIndex } from '@/lib/search/library-index';

/** Where the index reads the library from (lib/db, or a folder of pages in the CLI). */
export interface LibrarySource {
  fingerprints(): Promise<Map<string, string>>;
  documents(ids: readonly string[]): Promise<LibraryDocument[]>;
  /** Items analyzed ahead (by the background), where their analysis is current: not analyzed again. */
  analyzed?(ids: readonly string[]): Promise<AnalyzedLibraryDocument[]>;
}

/** Items read per batch: a few captured copies at a time, however large the library. */
const BATCH = 50;

/**
 * Brings the index in step with the data: items that are gone are forgotten, items whose
 * fingerprint changed (or that are new) are read again and re-indexed; nothing else is touched.
 * The data is the only truth, so an interrupted sync (a closed page, a stopped worker) leaves
 * nothing to repair: the next one finishes the work. Returns how many items it changed.
 */
export async function syncLibraryIndex(
  index: LibraryIndex,
  source: LibrarySource,
  {
    pause,
    sliceMs = 8,
    now = () => performance.now(),
  }: { pause?: () => Promise<void>; sliceMs?: number; now?: () => number } = {},
): Promise<{ indexed: number; removed: number }> {
  const wanted = await source.fingerprints();
  const known = index.fingerprints();
  let removed = 0;
  for (const id of known.keys()) if (!wanted.has(id) && index.remove(id)) removed++;
  const stale = [...wanted].filter(([id, fingerprint]) => known.get(id) !== fingerprint).map(([id]) => id);
  let indexed = 0;
  let sliceStart = now();
  for (let at = 0; at < stale.length; at += BATCH) {
    const batch = stale.slice(at, at + BATCH);
    const ahead = ((await source.analyzed?.(batch)) ?? []).filter(
      ({ document }) => document.fingerprint === wanted.get(document.id),
    );
    const aheadIds = new Set(ahead.map(({ document }) => document.id));
    const rest = batch.filter((id) => !aheadIds.has(id));
    const documents = rest.length > 0 ? await source.documents(rest) : [];
    for (const document of [...ahead, ...documents]) {
      if ('terms' in document) index.putAnalyzed(document);
      else index.put(document);
      indexed++;
      // In a page, indexing many items gives way to the user's typing and painting between items.
      if (pause && now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = now();
      }
    }
  }
  return { indexed, removed };
}

/**
 * Fills an index with items analyzed ahead (by the background: lib/db/library-postings.ts), without
 * analyzing anything: a sync afterwards re-reads only items changed since. Returns how many it added.
 */
export async function restoreLibraryIndex(
  index: LibraryIndex,
  stored: () => Promise<AnalyzedLibraryDocument[]>,
  {
    pause,
    sliceMs = 8,
    now = () => performance.now(),
  }: { pause?: () => Promise<void>; sliceMs?: number; now?: () => number } = {},
): Promise<number> {
  let restored = 0;
  let sliceStart = now();
  for (const analyzed of await stored()) {
    index.putAnalyzed(analyzed);
    restored++;
    if (pause && now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
  return restored;
}
