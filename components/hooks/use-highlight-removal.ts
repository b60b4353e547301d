import { useCallback, useRef } from 'react';
import { useUndo } from '@/components/hooks/use-undoable-actions';
import { deleteHighlight, restoreHighlight } from '@/lib/db/highlights';
import { firstControlIn, focusElement } from '@/lib/dom/focus-rescue';

/** Removing a highlight, and its note with it: offered for undo until the next removal. */
export function useHighlightRemoval() {
  const { undo, offer, runUndo } = useUndo();
  const restored = useRef<string | null>(null);
  return {
    undo,
    /** Removes the highlight; `quote` names it in the message. */
    async remove(id: string, quote: string) {
      const removed = await deleteHighlight(id);
      if (!removed) return;
      const what = removed.note.trim() ? `the highlight “${quote}” and its note` : `the highlight “${quote}”`;
      offer({
        message: `Removed ${what}.`,
        undo: () => {
          restored.current = id;
          return restoreHighlight(removed);
        },
      });
    },
    runUndo,
    /**
     * A highlight's entry, as it is drawn: the one Undo brought back takes the focus (its first
     * control), which Undo, gone, left elsewhere; the user is back where the highlight was removed.
     */
    entryRef: useCallback(
      (id: string) => (entry: HTMLElement | null) => {
        if (!entry || restored.current !== id) return;
        restored.current = null;
        focusElement(firstControlIn(entry) ?? entry);
      },
      [],
    ),
  };
}
