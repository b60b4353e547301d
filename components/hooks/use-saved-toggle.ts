import { useState } from 'react';
import type { Article } from '@/lib/corpus/article';
import type { RemovedSnapshot } from '@/lib/db/items';
import type { SavedMarker } from '@/lib/db/queries';
import { describeSavedToggle, type SaveNotice } from '@/lib/popup/popup-results';
import { toggleSavedLater, undoUnsaveLater } from '@/lib/reading-list/saved-state-loader';
import { describeNotUndone } from '@/lib/reading-list/undo-results';

/**
 * Saving or unsaving a bundled article from the popup, and what it did: said aloud (Alt+S changes
 * nothing else a screen reader would read), and shown when it failed. An unsave is offered for Undo
 * until the next toggle has done something: the item's tags, note and highlights go with it (QA pass: one Alt+S on a
 * saved article lost them for good).
 */
export function useSavedToggle(markers: ReadonlyMap<string, SavedMarker>) {
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [removed, setRemoved] = useState<RemovedSnapshot | null>(null);
  const toggle = (article: Article) => {
    const marker = markers.get(article.id);
    toggleSavedLater(article, marker).then(
      (snapshot) => {
        // Pressed again before the list showed the first press (Alt+S held, a double click): it found
        // nothing left to remove, and the first press's Undo stays (red-team pass: its empty one
        // replaced it, and the tags and note were lost for good).
        if (snapshot?.items.length === 0) return;
        setRemoved(snapshot);
        setNotice(describeSavedToggle(article.title, Boolean(marker)));
      },
      (error: unknown) => setNotice(describeSavedToggle(article.title, Boolean(marker), error)),
    );
  };
  const undo = (snapshot: RemovedSnapshot, message: string) => {
    setRemoved(null); // once: a second press finds nothing to undo
    undoUnsaveLater(snapshot).then(
      (result) => setNotice({ ok: true, text: describeNotUndone(message, result) ?? `Undone: ${message}` }),
      (error: unknown) => setNotice({ ok: false, text: `Could not undo: ${(error as Error).message}` }),
    );
  };
  const undoable = removed && notice?.ok ? { snapshot: removed, message: notice.text } : null;
  return { notice, toggle, undo: undoable && (() => undo(undoable.snapshot, undoable.message)) };
}
