import type { OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import { fragmentlessPageItemId } from '@/lib/db/ids';
import { mergeItem, mergeSamePage, newerCopy, newerRecord, sameValue } from '@/lib/db/merge';
import { assertEpoch, getEpoch, startNewEpoch } from '@/lib/db/meta';
import { withNotesAfterRemoval } from '@/lib/db/notes-after-removal';
import { forgetRemovals } from '@/lib/db/removals';
import type { CaptureRecord, Highlight, ReadingProgress, SavedItem } from '@/lib/db/schema';

/** The database's part of a backup: every saved item, its progress and its readable copy. */
export interface BackupRecords {
  items: SavedItem[];
  progress: ReadingProgress[];
  captures: CaptureRecord[];
  /** What Shelf learned from the blog about its catalog. */
  catalogOverlay: OverlayRecord[];
  highlights: Highlight[];
}

export async function readBackupRecords(db: ShelfDatabase = getDatabase()): Promise<BackupRecords> {
  return db.transaction('r', [db.items, db.progress, db.captures, db.catalogOverlay, db.highlights], async () => {
    const items = await db.items.orderBy('id').toArray();
    const saved = new Set(items.map((item) => item.id));
    return {
      items,
      // Not the progress an unsaved item keeps for when it is saved again: a backup holds saved items.
      progress: (await db.progress.orderBy('itemId').toArray()).filter((record) => saved.has(record.itemId)),
      captures: await db.captures.orderBy('itemId').toArray(),
      catalogOverlay: await db.catalogOverlay.orderBy('id').toArray(),
      highlights: await db.highlights.orderBy('id').toArray(),
    };
  });
}

/** Counts of saved items (not of records: an item's progress and copy count with it). */
export interface RestoreCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Items that were here before a "replace" (all deleted first). */
  removed: number;
  /** Highlights of the file a merge left out (one whose id this browser holds on another item), and why. */
  skipped: SkippedHighlight[];
}

/** A record of the file left out, where it is and why (as imports list theirs). */
export interface SkippedHighlight {
  where: string;
  reason: string;
}

export interface WriteBackupOptions {
  db?: ShelfDatabase;
  /**
   * The epoch when the restore began (`getEpoch`), read before any slow preparation: "Delete
   * everything" (or another restore's "replace") meanwhile stops it. Read now when absent.
   */
  epoch?: string;
  /** Items per transaction when merging: each lands whole, and the page can show progress between. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** When a replace happens (recorded for sync: see `restoredAt` in lib/db/schema.ts). */
  now?: number;
}

/**
 * Writes a validated backup's records. "merge" keeps what is here and takes each field from the
 * backup only where it changed later (so restoring the same file twice changes nothing), in
 * chunks with progress; "replace" makes the saved items equal to the backup's in one transaction
 * (all or nothing). Everything deleted during a merge stops it (`DataDeletedError`).
 */
export async function writeBackupRecords(
  records: BackupRecords,
  mode: 'merge' | 'replace',
  { db = getDatabase(), chunkSize = 1000, onProgress, epoch: begunAt, now = Date.now() }: WriteBackupOptions = {},
): Promise<RestoreCounts> {
  const epoch = begunAt ?? (await getEpoch(db));
  const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0, removed: 0, skipped: [] };
  const progressOf = groupByItem(records.progress);
  const highlightsOf = new Map<string, Highlight[]>();
  for (const highlight of records.highlights) {
    highlightsOf.set(highlight.itemId, [...(highlightsOf.get(highlight.itemId) ?? []), highlight]);
  }
  const capturesOf = groupByItem(records.captures);
  const total = records.items.length;
  onProgress?.(0, total);
  if (mode === 'replace') {
    await reportingFullStorage(() =>
      db.transaction(
        'rw',
        [db.items, db.progress, db.captures, db.catalogOverlay, db.highlights, db.meta],
        async () => {
          await assertEpoch(db, epoch);
          counts.removed = await db.items.count();
          await Promise.all(
            [db.items, db.progress, db.captures, db.catalogOverlay, db.highlights].map((table) => table.clear()),
          );
          await startNewEpoch(db);
          // Notes typed on removed items (or highlights) the backup holds: joined while their removals are known.
          const back = await withNotesAfterRemoval(db, records.items, records.highlights);
          // A new library: what was removed from the old one is no removal to send to other browsers,
          // and what it holds was chosen now, after any removal another browser made before.
          await forgetRemovals(db);
          await db.meta.put({ key: 'restoredAt', value: now });
          await db.items.bulkPut(back.items);
          await db.progress.bulkPut(records.progress);
          await db.captures.bulkPut(records.captures);
          await db.catalogOverlay.bulkPut(records.catalogOverlay);
          await db.highlights.bulkPut(back.highlights);
        },
      ),
    );
    counts.added = total;
    onProgress?.(total, total);
    return counts;
  }
  // Learned facts about the blog: records this browser does not have yet are added; its own stay.
  await reportingFullStorage(() =>
    db.transaction('rw', db.catalogOverlay, db.meta, async () => {
      await assertEpoch(db, epoch);
      const known = new Set(await db.catalogOverlay.toCollection().primaryKeys());
      await db.catalogOverlay.bulkAdd(records.catalogOverlay.filter((record) => !known.has(record.id)));
    }),
  );
  for (let start = 0; start < total; start += chunkSize) {
    const chunk = records.items.slice(start, start + chunkSize);
    const ids = chunk.map((item) => item.id);
    await reportingFullStorage(() =>
      db.transaction('rw', [db.items, db.progress, db.captures, db.highlights, db.meta], async () => {
        await assertEpoch(db, epoch);
        const incomingHighlights = chunk.flatMap((item) => highlightsOf.get(item.id) ?? []);
        const [items, progress, captures, localHighlights] = await Promise.all([
          db.items.bulkGet(ids),
          db.progress.bulkGet(ids),
          db.captures.bulkGet(ids),
          db.highlights.bulkGet(incomingHighlights.map((highlight) => highlight.id)),
        ]);
        // A highlight is new, or newer than this browser's copy of it: taken; else this browser's stays.
        // A highlight never moves to another item: one whose id this browser has on another is skipped,
        // and listed as skipped (review: left out unsaid).
        const highlightWrites = incomingHighlights.filter((highlight, i) => {
          const local = localHighlights[i];
          if (local && local.itemId !== highlight.itemId) counts.skipped.push(skippedHighlight(highlight, chunk));
          return !local || (local.itemId === highlight.itemId && highlight.updatedAt > local.updatedAt);
        });
        const highlightChanged = new Set(highlightWrites.map((highlight) => highlight.itemId));
        const writes: Pick<BackupRecords, 'items' | 'progress' | 'captures'> = {
          items: [],
          progress: [],
          captures: [],
        };
        chunk.forEach((incoming, i) => {
          const local = items[i];
          const merged = local ? mergedFromBackup(local, incoming) : incoming;
          const newProgress = progressOf.get(incoming.id);
          const newCapture = capturesOf.get(incoming.id);
          const progressWrite = newProgress ? newerRecord(progress[i], newProgress) : null;
          const captureWrite = newCapture ? newerCopy(captures[i], newCapture) : null;
          if (merged) writes.items.push(merged);
          if (progressWrite) writes.progress.push(progressWrite);
          if (captureWrite) writes.captures.push(captureWrite);
          if (!local) counts.added++;
          else if (merged || progressWrite || captureWrite || highlightChanged.has(incoming.id)) counts.updated++;
          else counts.unchanged++;
        });
        // Items and highlights not here, back from the backup: with the notes typed on them since they were removed.
        const absent = new Set(ids.filter((_, i) => !items[i]));
        const here = new Set(localHighlights.flatMap((highlight) => (highlight ? [highlight.id] : [])));
        const isBack = (highlight: Highlight) => !here.has(highlight.id);
        const back = await withNotesAfterRemoval(
          db,
          writes.items.filter((item) => absent.has(item.id)),
          highlightWrites.filter(isBack),
        );
        await db.items.bulkPut([...writes.items.filter((item) => !absent.has(item.id)), ...back.items]);
        await db.progress.bulkPut(writes.progress);
        await db.captures.bulkPut(writes.captures);
        await db.highlights.bulkPut([...highlightWrites.filter((highlight) => !isBack(highlight)), ...back.highlights]);
      }),
    );
    onProgress?.(Math.min(start + chunkSize, total), total);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return counts;
}

/** A highlight of the file whose id this browser holds on another item, as the restore's report lists it. */
function skippedHighlight(highlight: Highlight, chunk: readonly SavedItem[]): SkippedHighlight {
  const title = chunk.find((item) => item.id === highlight.itemId)?.title ?? highlight.itemId;
  return {
    where: `a highlight of "${title.slice(0, 80)}" ("${highlight.selectors.quote.exact.slice(0, 80)}")`,
    reason: 'this browser has a highlight with its id on another item, kept there (a highlight never moves)',
  };
}

function groupByItem<T extends { itemId: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.itemId, record]));
}

/**
 * An item of a backup merged into this browser's: field by field (`mergeItem`), the later edit kept. One
 * saved under an address of the page that versions before 12 gave another id (a newsletter's link,
 * `?utm_source=…`, beside the page's own address) was another item: its tags and note join this one's
 * (`mergeSamePage`), as the version-12 migration joins them. Null when nothing changes.
 */
function mergedFromBackup(local: SavedItem, incoming: SavedItem): SavedItem | null {
  const merged = mergeItem(local, incoming);
  // The same item before version 12 too (the same address, or another #fragment): the later edit wins.
  if (!local.url || !incoming.url || fragmentlessPageItemId(local.url) === fragmentlessPageItemId(incoming.url))
    return merged;
  const both = mergeSamePage(local, incoming);
  return merged || !sameValue(both.tags, local.tags) || both.note !== local.note ? both : null;
}
