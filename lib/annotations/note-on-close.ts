import { sendRequest } from '@/lib/messaging/client';

/** Whose note: a saved item's, or a highlight's. */
export interface NoteTarget {
  target: 'item' | 'highlight';
  id: string;
}

/**
 * Hands a note typed and not yet saved to the background as its page closes (a tab or side panel
 * closed): a database write the page starts then is cut off with it, a message sent is delivered.
 * Nobody is left to tell if it fails; the page's own save has run on every pause in typing before.
 */
export function saveNoteAsPageCloses(
  { target, id }: NoteTarget,
  note: string,
  base: string,
  underWay: string | null,
): void {
  // With the text the edit began from: another window's edit saved meanwhile is joined, not overwritten;
  // and the page's own save under way, which, landed, is no other window's edit.
  sendRequest({ type: 'save-note', target, id, note, base, ...(underWay === null ? {} : { underWay }) }).catch(
    () => {},
  );
}
