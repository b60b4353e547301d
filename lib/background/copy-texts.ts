import { z } from 'zod';
import { withDom } from '@/lib/background/offscreen';
import { storedCopyText } from '@/lib/capture/sanitize';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import {
  COPY_TEXT_RULE,
  type CopyTextUpdate,
  getCopiesAfter,
  getCopyTextProgress,
  storeCopyTexts,
} from '@/lib/db/copies';
import { DATABASE_NAME, getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { CaptureRecord } from '@/lib/db/schema';
import { shownLine } from '@/lib/search/shown-line';

/** Copies read per transaction: a worker stopped half-way keeps what it stored. */
const BATCH = 10;

/** A copy's text as the reader's passage finder reads it, where there is a DOM (Chrome: the offscreen document). */
export function readCopyText(html: string): Promise<string> {
  return withDom(
    () => storedCopyText(html),
    { target: 'offscreen', type: 'copy-text', html },
    z.string(),
    'A saved copy could not be read',
  );
}

/** What reading a copy again by the current rule changes in it (nothing, for a copy saved under it). */
function changesOf(copy: CaptureRecord, text: string): CopyTextUpdate['changes'] {
  const changes: CopyTextUpdate['changes'] = {};
  // A copy whose markup reads as nothing (none is saved that way) keeps the text it has.
  if (text && text !== copy.text) changes.text = text;
  const title = shownLine(copy.title).slice(0, 1000);
  if (title && title !== copy.title) changes.title = title;
  for (const field of ['byline', 'siteName', 'excerpt'] as const) {
    const value = copy[field];
    if (value !== null && shownLine(value) !== value) changes[field] = shownLine(value) || null;
  }
  return changes;
}

/**
 * Reads every stored copy's searched text again by the current rule (`COPY_TEXT_RULE`) when the
 * copies were saved under an older one, or restored from a backup: a copy saved by an earlier version
 * ran adjacent blocks together ("interviewMr"), so words after a heading or a paragraph's end found
 * nothing and a search could show a passage the reader cannot mark. Batch by batch, going on from
 * where a stopped worker left off. Returns how many copies changed.
 */
export async function refreshCopyTexts({
  db = getDatabase(),
  read = readCopyText,
}: {
  db?: ShelfDatabase;
  read?: (html: string) => Promise<string>;
} = {}): Promise<number> {
  let changed = 0;
  for (;;) {
    const { rule, after: from } = await getCopyTextProgress(db);
    if (rule >= COPY_TEXT_RULE) return changed;
    const copies = await getCopiesAfter(from, BATCH, db);
    const updates: CopyTextUpdate[] = [];
    for (const copy of copies) {
      const changes = changesOf(copy, await read(copy.html));
      if (Object.keys(changes).length > 0) updates.push({ itemId: copy.itemId, updatedAt: copy.updatedAt, changes });
    }
    const to = copies.length < BATCH ? null : (copies.at(-1)?.itemId ?? null);
    changed += (await storeCopyTexts(updates, { from, to }, { db })).changed;
  }
}

let running = false;
let again = false;

/** Starts a run of `refreshCopyTexts`, or one more after the current one (a backup restored meanwhile). */
export function requestCopyTextRefresh(): void {
  if (running) {
    again = true;
    return;
  }
  running = true;
  void refreshCopyTexts()
    .catch((error: unknown) => console.warn('Shelf: could not read saved copies again', error))
    .finally(() => {
      running = false;
      if (again) {
        again = false;
        requestCopyTextRefresh();
      }
    });
}

/** From the start of the service worker, and after database changes (a restored backup). Returns a stop. */
export function keepCopyTextsCurrent(): () => void {
  requestCopyTextRefresh();
  return watchDatabaseChanges(DATABASE_NAME, requestCopyTextRefresh, 500);
}
