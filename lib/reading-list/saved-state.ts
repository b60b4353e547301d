import { libraryEndedSince, type RemovedSnapshot, restoreRemoved, saveArticle } from '@/lib/db/items';
import { watchQuery } from '@/lib/db/live';
import { countUnread, getSavedMarkers, getSavedPages, type SavedMarker } from '@/lib/db/queries';
import type { SavedItem } from '@/lib/db/schema';
import { unsaveItems } from '@/lib/db/unsave';
import { EVERYTHING_DELETED_SINCE, LIBRARY_REPLACED_SINCE } from '@/lib/reading-list/undo-results';

/**
 * What the popup shows of the user's library (which bundled articles are saved, with status and
 * progress; the saved pages; how many are unread) and the popup's writes to it. The popup loads this module, and
 * the database code with it, only after its first paint (`saved-state-loader.ts`).
 */
export interface SavedState {
  markers: ReadonlyMap<string, SavedMarker>;
  savedPages: readonly SavedItem[];
  /** Unread items in the reading list. */
  unread: number;
}

/** Calls `onChange` with each part of the saved state now and whenever it changes. Returns a stop. */
export function watchSavedState(
  onChange: (part: Partial<SavedState>) => void,
  onError: (error: unknown) => void,
): () => void {
  const stops = [
    watchQuery(getSavedMarkers, (markers) => onChange({ markers }), onError),
    watchQuery(getSavedPages, (savedPages) => onChange({ savedPages }), onError),
    watchQuery(countUnread, (unread) => onChange({ unread }), onError),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** What undoing an unsave answers: true, or why nothing was put back. */
export type UnsaveUndone = true | typeof EVERYTHING_DELETED_SINCE | typeof LIBRARY_REPLACED_SINCE;

/** Undoes an unsave: `EVERYTHING_DELETED_SINCE` when everything was deleted since, `LIBRARY_REPLACED_SINCE` when a backup replaced it. */
export type UndoUnsave = () => Promise<UnsaveUndone>;

/**
 * Unsaves items (keeping their progress; their tags, note, highlights and copy go with them) and hands
 * `offer` the Undo that puts them back, with how many it removed (fewer than `ids` when some were
 * removed meanwhile, in another window), only when it removed some: pressed again before the view showed
 * the first press (a key held, a double click), it finds nothing left to remove, and an Undo of that
 * would replace the first press's, the one holding what was removed (red-team pass: it was lost for good).
 */
export async function unsaveOfferingUndo(
  ids: readonly string[],
  offer: (undo: UndoUnsave, removedCount: number) => void,
): Promise<void> {
  const removed = await unsaveItems(ids);
  if (removed.items.length > 0) offer(() => undoUnsave(removed), removed.items.length);
}

/**
 * Saves a bundled article, or unsaves it when `marker` says it is saved (`unsaveOfferingUndo`), and
 * then tells `toggled`: with the Undo of an unsave, or null once it saved; not at all when the unsave
 * removed nothing.
 */
export async function toggleSaved(
  article: { id: string; title: string; url: string | null },
  marker: SavedMarker | undefined,
  toggled: (undo: UndoUnsave | null) => void,
): Promise<void> {
  if (marker) return unsaveOfferingUndo([marker.itemId], toggled);
  await saveArticle(article);
  toggled(null);
}

/**
 * Puts back what an unsave removed (tags, note, highlights and copy too); else says what happened since:
 * everything deleted, or replaced by a backup (review: a replace was said as "everything was deleted").
 */
export async function undoUnsave(removed: RemovedSnapshot): Promise<UnsaveUndone> {
  if (await restoreRemoved(removed)) return true;
  return (await whatEndedLibrary(removed.epoch)) ?? EVERYTHING_DELETED_SINCE;
}

/** What an undo says ended the library its change was made in (`libraryEndedSince`), if anything did. */
export async function whatEndedLibrary(
  epoch: string,
): Promise<typeof LIBRARY_REPLACED_SINCE | typeof EVERYTHING_DELETED_SINCE | null> {
  const ended = await libraryEndedSince(epoch);
  return ended === 'replaced' ? LIBRARY_REPLACED_SINCE : ended === 'deleted' ? EVERYTHING_DELETED_SINCE : null;
}
