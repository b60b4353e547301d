import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { CaptureRecord } from '@/lib/db/schema';

/** Reads about readable copies that do not load the copies' text. */

/** Which of `itemIds` have a readable copy (keys only: no copy's text is read). */
export async function getItemIdsWithCopies(
  itemIds: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  return new Set(
    await db.captures
      .where('itemId')
      .anyOf([...itemIds])
      .primaryKeys(),
  );
}

/** When the copies of `itemIds` captured at `since` or later were captured, by item id (keys only: no copy's text is read). */
export async function getCopiesCapturedSince(
  itemIds: readonly string[],
  since: number,
  db: ShelfDatabase = getDatabase(),
): Promise<Map<string, number>> {
  const wanted = new Set(itemIds);
  const captured = new Map<string, number>();
  if (wanted.size === 0) return captured;
  await db.captures
    .where('capturedAt')
    .aboveOrEqual(since)
    .eachKey((capturedAt, cursor) => {
      const id = String(cursor.primaryKey);
      if (wanted.has(id)) captured.set(id, Number(capturedAt));
    });
  return captured;
}

/** Whether the item has a readable copy (its key only: the copy's text is not read). */
export async function hasCopy(itemId: string, db: ShelfDatabase = getDatabase()): Promise<boolean> {
  return (await getItemIdsWithCopies([itemId], db)).has(itemId);
}

/** Reading time in minutes and site name of the copies of `itemIds` (a screenful of rows: each copy is read whole). */
export async function getCopyFacts(
  itemIds: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<Map<string, CopyFacts>> {
  const copies = await db.captures.bulkGet([...itemIds]);
  return new Map(
    copies.flatMap((copy) =>
      copy ? [[copy.itemId, { readMinutes: copy.readMinutes, siteName: copy.siteName }] as const] : [],
    ),
  );
}

/** What a reading-list row says of a saved copy: how long it takes to read, and its site's name. */
export interface CopyFacts {
  readMinutes: number;
  siteName: string | null;
}

/**
 * The rule stored copies' searched text and word count are read by: 1, a copy's `textContent`, with
 * adjacent blocks run together ("interviewMr"); 2, the reader's passage finder's text of the copy as the
 * reader shows it (`storedCopyText`), titles as plain lines; 3, the same text, its words counted as
 * search counts them (`countWords`: each character of Chinese, Japanese or Thai is one) and its reading
 * time by script (`readMinutesOf`), so a Chinese copy's are no longer those of its few runs between
 * spaces (a copy read by rule 2 is counted again from its text, without a DOM). Copies saved by an earlier version are read again by
 * the background (lib/background/copy-texts.ts); a restored backup's copies are read as they are
 * restored (lib/backup/restore.ts).
 */
export const COPY_TEXT_RULE = 3;

export interface CopyTextProgress {
  /** The rule every copy was read by, up to `after`. */
  rule: number;
  /** The last copy read again under the current rule (by item id), while that is under way. */
  after: string | null;
}

export async function getCopyTextProgress(db: ShelfDatabase = getDatabase()): Promise<CopyTextProgress> {
  const record = await db.meta.get('copyText');
  return record?.key === 'copyText' ? record.value : { rule: 1, after: null };
}

/** The ids of the next `limit` copies after `after`, by item id (keys only: no copy is loaded). */
export function getCopyIdsAfter(
  after: string | null,
  limit: number,
  db: ShelfDatabase = getDatabase(),
): Promise<string[]> {
  const copies = after === null ? db.captures.orderBy('itemId') : db.captures.where('itemId').above(after);
  return copies.limit(limit).primaryKeys();
}

export function getCopy(itemId: string, db: ShelfDatabase = getDatabase()): Promise<CaptureRecord | undefined> {
  return db.captures.get(itemId);
}

/**
 * Whether changes to a copy touch what the library index reads: all but its word count and reading
 * time. A copy whose count alone changed keeps when it last changed, so the index does not read it again.
 */
export function changesWhatSearchReads(changes: object): boolean {
  return Object.keys(changes).some((field) => field !== 'wordCount' && field !== 'readMinutes');
}

/** A copy's text and lines read again: which copy, as it was when read (`updatedAt`), and what changed. */
export interface CopyTextUpdate {
  itemId: string;
  updatedAt: number;
  changes: Partial<
    Pick<CaptureRecord, 'text' | 'wordCount' | 'readMinutes' | 'title' | 'byline' | 'siteName' | 'excerpt'>
  >;
}

/**
 * Stores copies' texts read again and how far that went (`to`: the last copy of the batch, null when
 * every copy is read by `COPY_TEXT_RULE`), in one transaction: a worker stopped half-way keeps what
 * it stored and goes on after it. A copy that changed since it was read (captured again meanwhile)
 * keeps its new text. A changed copy's `updatedAt` moves (the library index reads it again) unless only
 * its word count and reading time changed; when it was captured never does (`capturedAt`: what the
 * reader shows, and what merges compare). Nothing is
 * stored when the progress is no longer where this batch began (`from`: another run went on
 * meanwhile); `stale` says so.
 */
export async function storeCopyTexts(
  updates: readonly CopyTextUpdate[],
  { from, to }: { from: string | null; to: string | null },
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<{ changed: number; stale: boolean }> {
  return db.transaction('rw', db.captures, db.meta, async () => {
    const progress = await getCopyTextProgress(db);
    if (progress.rule >= COPY_TEXT_RULE || progress.after !== from) return { changed: 0, stale: true };
    let changed = 0;
    // One copy at a time: each may be megabytes.
    for (const update of updates) {
      const copy = await db.captures.get(update.itemId);
      if (!copy || copy.updatedAt !== update.updatedAt) continue;
      const updatedAt = changesWhatSearchReads(update.changes) ? Math.max(now, copy.updatedAt + 1) : copy.updatedAt;
      await db.captures.put({ ...copy, ...update.changes, updatedAt });
      changed++;
    }
    await db.meta.put({
      key: 'copyText',
      value: to === null ? { rule: COPY_TEXT_RULE, after: null } : { rule: progress.rule, after: to },
    });
    return { changed, stale: false };
  });
}

/**
 * Inside a transaction that includes `meta`: copies put back (undo of a removal) that the background's
 * reading under way has already passed are read too, the reading starting over (copies read already
 * change no more). A reading done is not started again: the undo window is seconds.
 */
export async function readCopiesAgainFromStart(itemIds: readonly string[], db: ShelfDatabase): Promise<void> {
  const { rule, after } = await getCopyTextProgress(db);
  if (rule >= COPY_TEXT_RULE || after === null || !itemIds.some((id) => id <= after)) return;
  await db.meta.put({ key: 'copyText', value: { rule, after: null } });
}
