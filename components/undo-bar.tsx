import type { Undo } from '@/components/hooks/use-undoable-actions';

/** What was just done, with Undo: a live line that is always there, so that what appears in it is said. */
export function UndoBar({ undo, onUndo }: { undo: Undo | null; onUndo: () => void }) {
  return (
    <div className="undo-bar" role="status">
      {undo && (
        <>
          {undo.message}{' '}
          <button type="button" className="link-button" onClick={onUndo}>
            Undo
          </button>
        </>
      )}
    </div>
  );
}
