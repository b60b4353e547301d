import { cutToLength } from '@/lib/annotations/cut-text';
import { joinSavedEdit } from '@/lib/annotations/merge-text';
import { MAX_NOTE_LENGTH } from '@/lib/db/limits';
import {
  type CaptureRecord,
  chosenAt,
  type ItemField,
  type NoteAfterRemoval,
  type ReadingProgress,
  type SavedItem,
} from '@/lib/db/schema';
import { plainTitle } from '@/lib/search/shown-line';

const FIELDS: readonly ItemField[] = ['status', 'title', 'tags', 'note'];

/** Whether two values of an item's field are the same (tags in the same order). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a title is none at all: empty, or one of the addresses as Shelf titles an item that has
 * no title (`plainTitle`), which a list of addresses gives every item it adds.
 */
export function isAddressTitle(title: string, urls: readonly string[]): boolean {
  return title === '' || urls.some((url) => title === plainTitle('', url));
}

/** Whether `incoming`'s title is the one to keep: a real title over an address whatever its date, else the later. */
function takesTitle(local: SavedItem, incoming: SavedItem): boolean {
  const urls = [local.url, incoming.url].filter((url): url is string => url !== null);
  const localNone = isAddressTitle(local.title, urls);
  const incomingNone = isAddressTitle(incoming.title, urls);
  if (localNone !== incomingNone) return localNone;
  return chosenAt(incoming, 'title') > chosenAt(local, 'title');
}

/**
 * Merges two versions of the same item field by field: each field the user edits comes from the
 * side that chose it last (`chosenAt`: ties keep `local`), except that a real title fills an item
 * titled by its address and an address never replaces a real title (as imports merge); the earliest
 * "added" date is kept. Returns null when the result equals `local`, which makes merging the same
 * data twice change nothing.
 */
export function mergeItem(local: SavedItem, incoming: SavedItem): SavedItem | null {
  const merged: SavedItem = { ...local, changedAt: { ...local.changedAt } };
  let changed = false;
  for (const field of FIELDS) {
    const takes = field === 'title' ? takesTitle(local, incoming) : chosenAt(incoming, field) > chosenAt(local, field);
    if (!takes || sameValue(incoming[field], local[field])) continue;
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

/**
 * One item from two saved under addresses that name the same page (`normalizePageUrl`: one with a
 * tracking parameter, one without), with the id `local` has: each field as `mergeItem` chooses it,
 * except that nothing the user wrote is lost, as imports merge two records of one address: the tags
 * of both, and both notes, each once.
 */
export function mergeSamePage(local: SavedItem, other: SavedItem): SavedItem {
  const merged = mergeItem(local, other) ?? { ...local, changedAt: { ...local.changedAt } };
  const tags = [...new Set([...local.tags, ...other.tags])].slice(0, 50);
  if (!sameValue(tags, merged.tags)) {
    merged.tags = tags;
    merged.changedAt.tags = Math.max(local.changedAt.tags, other.changedAt.tags);
  }
  const note = bothNotes(local.note, other.note);
  if (note !== merged.note) {
    merged.note = note;
    merged.changedAt.note = Math.max(local.changedAt.note, other.changedAt.note);
  }
  merged.updatedAt = Math.max(local.updatedAt, other.updatedAt);
  return merged;
}

/** Two notes of one item as one: either, when it holds the other; else both, a blank line between. */
export function bothNotes(a: string, b: string): string {
  if (!b || a.includes(b)) return a;
  if (!a || b.includes(a)) return b;
  return cutToLength(`${a}\n\n${b}`, MAX_NOTE_LENGTH);
}

/** An item's note with the one typed on it after its removal, as one coming back joins them: from that note's base. */
export function joinedFromBase(note: string, kept: NoteAfterRemoval): string {
  return cutToLength(joinSavedEdit(note, kept.note, kept.base), MAX_NOTE_LENGTH);
}

/** `item` with the note typed on it after its removal joined to its own by `joinItemNote`, dated when it was typed. */
export function withKeptNote(
  item: SavedItem,
  kept: NoteAfterRemoval,
  joinItemNote: (note: string, kept: NoteAfterRemoval) => string,
): SavedItem {
  const note = joinItemNote(item.note, kept);
  const at = Math.max(kept.at, item.changedAt.note);
  return { ...item, note, updatedAt: Math.max(item.updatedAt, at), changedAt: { ...item.changedAt, note: at } };
}
