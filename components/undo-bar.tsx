import type { UndoLine } from '@/components/hooks/use-undoable-actions';

/** What was just done, with Undo: a live line that is always there, so that what appears in it is said. */
export function UndoBar({ undo, onUndo }: { undo: UndoLine | null; onUndo: () => void }) {
  return (
    <div className="undo-bar" role="status">
      {undo && (
        <>
          {/* A new node for each action: the same words again (a second "Marked 1 item as done.") were not said. */}
          <span key={undo.serial}>
            {undo.undone ? (undo.notUndone ?? undo.undoneMessage ?? `Undone: ${undo.message}`) : undo.message}
          </span>
          {!undo.undone && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={onUndo}>
                Undo
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
