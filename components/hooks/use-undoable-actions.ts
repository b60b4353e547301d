import { useState } from 'react';
import { removeItems, restoreRemoved, setStatus, undoStatusChange } from '@/lib/db/items';
import type { ItemStatus } from '@/lib/db/schema';

export interface Undo {
  message: string;
  undo: () => Promise<unknown>;
}

/** Status changes and unsaving, each offered for undo until the next one. */
export function useUndoableActions() {
  const [undo, setUndo] = useState<Undo | null>(null);
  return {
    undo,
    async setStatusOf(ids: readonly string[], status: ItemStatus) {
      if (ids.length === 0) return;
      const change = await setStatus(ids, status);
      setUndo({ message: `Marked ${ids.length} as ${status}.`, undo: () => undoStatusChange(change) });
    },
    async unsave(ids: readonly string[]) {
      if (ids.length === 0) return;
      const snapshot = await removeItems(ids);
      setUndo({ message: `Removed ${ids.length} from the reading list.`, undo: () => restoreRemoved(snapshot) });
    },
    /** Undoes the last action (the bar goes at once; the undo finishes in the background). */
    runUndo() {
      if (undo) void undo.undo();
      setUndo(null);
    },
  };
}
