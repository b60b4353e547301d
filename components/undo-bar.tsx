import type { UndoLine, UndoNote } from '@/components/hooks/use-undoable-actions';

interface UndoBarProps {
  undo: UndoLine | null;
  /** That the latest action changed nothing, said before the last one's line, which stays undoable. */
  note?: UndoNote | null;
  onUndo: () => void;
}

/** What was just done, with Undo: a live line that is always there, so that what appears in it is said. */
export function UndoBar({ undo, note, onUndo }: UndoBarProps) {
  return (
    <div className="undo-bar" role="status">
      {note && <span key={note.serial}>{note.text} </span>}
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
