import { useState } from 'react';
import type { Article } from '@/lib/corpus/article';
import type { SavedMarker } from '@/lib/db/queries';
import { describeSavedToggle, type SaveNotice } from '@/lib/popup/popup-results';
import type { UndoUnsave } from '@/lib/reading-list/saved-state';
import { toggleSavedLater } from '@/lib/reading-list/saved-state-loader';
import { describeNotUndone } from '@/lib/reading-list/undo-results';

/**
 * Saving or unsaving a bundled article from the popup, and what it did: said aloud (Alt+S changes
 * nothing else a screen reader would read), and shown when it failed. An unsave is offered for Undo
 * until the next toggle has done something: the item's tags, note and highlights go with it (QA pass: one Alt+S on a
 * saved article lost them for good).
 */
export function useSavedToggle(markers: ReadonlyMap<string, SavedMarker>) {
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [removed, setRemoved] = useState<{ undo: UndoUnsave } | null>(null);
  const toggle = (article: Article) => {
    const marker = markers.get(article.id);
    // Told only when it did something: a second press that removed nothing keeps the first's Undo.
    toggleSavedLater(article, marker, (undo) => {
      setRemoved(undo && { undo });
      setNotice(describeSavedToggle(article.title, Boolean(marker)));
    }).catch((error: unknown) => setNotice(describeSavedToggle(article.title, Boolean(marker), error)));
  };
  const undo = (undoUnsave: UndoUnsave, message: string) => {
    setRemoved(null); // once: a second press finds nothing to undo
    undoUnsave().then(
      (result) => setNotice({ ok: true, text: describeNotUndone(message, result) ?? `Undone: ${message}` }),
      (error: unknown) => setNotice({ ok: false, text: `Could not undo: ${(error as Error).message}` }),
    );
  };
  const undoable = removed && notice?.ok ? { ...removed, message: notice.text } : null;
  return { notice, toggle, undo: undoable && (() => undo(undoable.undo, undoable.message)) };
}
