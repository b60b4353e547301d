import { type CaptureRecord, chosenAt, type ItemField, type ReadingProgress, type SavedItem } from '@/lib/db/schema';

const FIELDS: readonly ItemField[] = ['status', 'title', 'tags', 'note'];

/** Whether two values of an item's field are the same (tags in the same order). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges two versions of the same item field by field: each field the user edits comes from the
 * side that chose it last (`chosenAt`: ties keep `local`), the earliest "added" date is kept. Returns null
 * when the result equals `local`, which makes merging the same data twice change nothing.
 */
export function mergeItem(local: SavedItem, incoming: SavedItem): SavedItem | null {
  const merged: SavedItem = { ...local, changedAt: { ...local.changedAt } };
  let changed = false;
  for (const field of FIELDS) {
    if (chosenAt(incoming, field) <= chosenAt(local, field) || sameValue(incoming[field], local[field])) continue;
    Object.assign(merged, { [field]: incoming[field] });
    merged.changedAt[field] = incoming.changedAt[field];
    changed = true;
  }
  if (incoming.addedAt < local.addedAt) {
    merged.addedAt = incoming.addedAt;
    changed = true;
  }
  if (!changed) return null;
  merged.updatedAt = Math.max(local.updatedAt, incoming.updatedAt);
  return merged;
}

/** The newer of two progress records (ties keep `local`); null when `local` stays. */
export function newerRecord(local: ReadingProgress | undefined, incoming: ReadingProgress): ReadingProgress | null {
  if (!local) return incoming;
  return incoming.updatedAt > local.updatedAt ? incoming : null;
}

/**
 * The newer of two copies of a page: the one captured later (ties keep `local`); null when `local`
 * stays. Not the later `updatedAt`: a copy whose text Shelf read again by a newer rule changed
 * later without being a newer capture of the page.
 */
export function newerCopy(local: CaptureRecord | undefined, incoming: CaptureRecord): CaptureRecord | null {
  if (!local) return incoming;
  return incoming.capturedAt > local.capturedAt ? incoming : null;
}
