import { useId } from 'react';
import { type SaveState, useDebouncedSave } from '@/components/hooks/use-debounced-save';
import { type NoteTarget, saveNoteAsPageCloses } from '@/lib/annotations/note-on-close';
import { isQuotaError } from '@/lib/db/errors';

const STATE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  editing: 'Editing…',
  saving: 'Saving…',
  failed: 'Not saved: Shelf could not write it. Your text is still here; it is saved at your next pause in typing.',
};

/** A full disk, said as such: typing again will not help until there is room. */
const NO_ROOM =
  'Not saved: the browser has no room left for Shelf’s data. Your text is still here; free some space, then type to save it.';

interface NoteEditorProps {
  label: string;
  note: string;
  /** Writes the text; `base` is the text the edit began from. Answers the text written (joined with an edit made elsewhere). */
  onSave: (text: string, base: string) => Promise<unknown>;
  /** Whose note it is, so that text still unsaved as the page closes is handed to the background. */
  of: NoteTarget;
  rows?: number;
  maxLength?: number;
  /** What the empty box is for, seen: its label is only heard (QA pass: two bare boxes under "Add tag…"). */
  placeholder?: string;
}

/** A note saved as the user types (Markdown kept as text), with its saved state shown. */
export function NoteEditor({ label, note, onSave, of, rows = 4, maxLength = 10_000, placeholder }: NoteEditorProps) {
  const { text, state, failure, edit } = useDebouncedSave(note, onSave, {
    saveAsPageCloses: (value, base, underWay) => saveNoteAsPageCloses(of, value, base, underWay),
  });
  // The field stops at its limit, and a longer paste is cut there: said, or the cut goes unnoticed (QA
  // pass). Beside the status, not in it: read with the field, not again at each save.
  const limitId = useId();
  const atLimit = text.length >= maxLength;
  return (
    <div className="note-editor">
      <textarea
        dir="auto"
        aria-label={label}
        aria-describedby={atLimit ? limitId : undefined}
        rows={rows}
        placeholder={placeholder}
        maxLength={maxLength}
        value={text}
        onChange={(e) => edit(e.target.value)}
      />
      <span className={state === 'failed' ? 'notice small' : 'muted small'} role="status">
        {state === 'failed' && isQuotaError(failure) ? NO_ROOM : text || state !== 'saved' ? STATE_TEXT[state] : ''}
      </span>
      {atLimit && (
        <span id={limitId} className="notice small">
          {' '}
          This holds at most {maxLength.toLocaleString('en-US')} characters; text past that is not kept.
        </span>
      )}
    </div>
  );
}
