import { useLiveQuery } from 'dexie-react-hooks';
import { getNoteAfterRemoval } from '@/lib/db/notes-after-removal';

/**
 * Where an item's note editor was, once another window removed the item: the note typed here after
 * that, which Shelf kept for the removal's Undo, shown with why (QA pass: the text typed vanished
 * with the editor, and Undo put the item back without it). Nothing when no such note was typed.
 */
export function NoteAfterRemoval({ itemId }: { itemId: string }) {
  const note = useLiveQuery(() => getNoteAfterRemoval(itemId), [itemId]);
  if (note === undefined) return null;
  return (
    <section className="note-after-removal" aria-label="Note typed after removal">
      <p className="notice small" role="status">
        Removed from your reading list elsewhere while you wrote its note. Your note is kept: undoing that removal, or
        saving the item again, puts it back with the item. It reads:
      </p>
      <blockquote dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {note}
      </blockquote>
    </section>
  );
}
