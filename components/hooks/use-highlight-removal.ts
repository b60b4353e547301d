import { useUndo } from '@/components/hooks/use-undoable-actions';
import { deleteHighlight, restoreHighlight } from '@/lib/db/highlights';

/** Removing a highlight, and its note with it: offered for undo until the next removal. */
export function useHighlightRemoval() {
  const { undo, offer, runUndo } = useUndo();
  return {
    undo,
    /** Removes the highlight; `quote` names it in the message. */
    async remove(id: string, quote: string) {
      const removed = await deleteHighlight(id);
      if (!removed) return;
      const what = removed.note.trim() ? `the highlight “${quote}” and its note` : `the highlight “${quote}”`;
      offer({ message: `Removed ${what}.`, undo: () => restoreHighlight(removed) });
    },
    runUndo,
  };
}
