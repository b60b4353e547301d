import type { ItemStatus } from '@/lib/db/schema';

interface ReaderEndProps {
  status: ItemStatus;
  /** Pressing "Mark as done" or "Archive" again takes the item back to the list (`reading`). */
  onSetStatus: (status: 'done' | 'archived' | 'reading') => void;
  onNext: () => void;
  /** What the last action did, or why it could not. */
  message: string | null;
}

/** At the end of the text: what to do with it now, and the next thing to read. */
export function ReaderEnd({ status, onSetStatus, onNext, message }: ReaderEndProps) {
  // Toggle buttons (aria-pressed): pressed again, they undo what they did.
  const toggle = (pressed: 'done' | 'archived') => onSetStatus(status === pressed ? 'reading' : pressed);
  return (
    <footer className="reader-end" dir="ltr" lang="en">
      <h2 className="visually-hidden">Finished?</h2>
      <p className="reader-end-actions">
        <button type="button" className="button" aria-pressed={status === 'done'} onClick={() => toggle('done')}>
          Mark as done
        </button>
        <button
          type="button"
          className="button secondary"
          aria-pressed={status === 'archived'}
          onClick={() => toggle('archived')}
        >
          Archive
        </button>
        <button type="button" className="button secondary" onClick={onNext}>
          Next in reading list <span aria-hidden="true">→</span>
        </button>
      </p>
      <p role="status" className="muted small">
        {message}
      </p>
    </footer>
  );
}
