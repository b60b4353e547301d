import { useState } from 'react';
import { describeBulkTagChange } from '@/lib/annotations/tags';
import { changeTagForUndo, restoreRemoved, setStatus, undoStatusChange, undoTagChange } from '@/lib/db/items';
import type { ItemStatus } from '@/lib/db/schema';
import { unsaveItems } from '@/lib/db/unsave';

export interface Undo {
  message: string;
  undo: () => Promise<unknown>;
  /** What it concerns, when it is offered only there (an article's card: not on the next card shown). */
  about?: string;
}

const count = (n: number) => (n === 1 ? '1 item' : `${n.toLocaleString('en')} items`);

/** The last action that can be undone, until the next one: offered, and run once. */
export function useUndo() {
  const [undo, setUndo] = useState<Undo | null>(null);
  return {
    undo,
    offer: setUndo,
    /** Undoes the last action; resolves once it is undone. */
    async runUndo() {
      setUndo(null);
      await undo?.undo();
    },
  };
}

export type UndoState = ReturnType<typeof useUndo>;

/**
 * Status changes, tag changes and unsaving (which keeps reading progress for a later save), each offered for
 * undo until the next one. `kept`: an undo held by the caller, above a view that may unmount (the
 * side panel's reading list): unsaving removes the copy, highlights and notes, which only Undo
 * brings back, so leaving the view must not drop it.
 */
export function useUndoableActions(kept?: UndoState) {
  const own = useUndo();
  const { undo, offer: setUndo, runUndo } = kept ?? own;
  return {
    undo,
    async setStatusOf(ids: readonly string[], status: ItemStatus) {
      if (ids.length === 0) return;
      const change = await setStatus(ids, status);
      setUndo({ message: `Marked ${count(ids.length)} as ${status}.`, undo: () => undoStatusChange(change) });
    },
    async unsave(ids: readonly string[]) {
      if (ids.length === 0) return;
      const snapshot = await unsaveItems(ids);
      setUndo({ message: `Unsaved ${count(ids.length)}.`, undo: () => restoreRemoved(snapshot) });
    },
    /**
     * Adds `tag` to, or removes it from, items (`tag` as the tag rules let it be added or removed).
     * Returns what to say when no item changed (nothing to undo); otherwise the Undo line says it.
     */
    async changeTag(ids: readonly string[], tag: string, change: 'add' | 'remove'): Promise<string | null> {
      const result = await changeTagForUndo(ids, tag, change);
      const message = describeBulkTagChange(tag, change, ids.length, result.changed, result.full);
      if (result.changed === 0) return message;
      setUndo({ message, undo: () => undoTagChange(result) });
      return null;
    },
    runUndo,
  };
}
