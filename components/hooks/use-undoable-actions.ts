import { useRef, useState } from 'react';
import { describeBulkTagChange } from '@/lib/annotations/tags';
import { changeTagForUndo, countSavedItems, setStatus, undoStatusChange, undoTagChange } from '@/lib/db/items';
import type { ItemStatus } from '@/lib/db/schema';
import { unsaveOfferingUndo, whatEndedLibrary } from '@/lib/reading-list/saved-state';
import { describeNotUndone, type PartlyUndone, REMOVED_SINCE } from '@/lib/reading-list/undo-results';

export interface Undo {
  message: string;
  undo: () => Promise<unknown>;
  /** What it concerns, when it is offered only there (an article's card: not on the next card shown). */
  about?: string;
  /** Said once undone, where "Undone: " and `message` would not read right. */
  undoneMessage?: string;
}

const count = (n: number) => (n === 1 ? '1 item' : `${n.toLocaleString('en')} items`);

/**
 * What the Undo line says: the last action, offered for undo, or once Undo ran (`undone`) that it was
 * undone. `serial` tells each apart from the one before, said in the same words.
 */
export interface UndoLine extends Undo {
  serial: number;
  undone: boolean;
  /** Once Undo ran and put nothing back, or failed: what to say instead of "Undone: …". */
  notUndone?: string;
}

/**
 * Undoes a status or tag change of the items it changed (`changed`: `undo` answers how many it put
 * back). Putting back nothing because every item was removed since (Unsave or "Delete everything" in
 * another window) is told apart from their having changed again (QA: both said "changed again since"),
 * and putting back only some from putting back all.
 */
async function undoChangeOf(
  { previous: changed, epoch }: { previous: ReadonlyMap<string, unknown>; epoch: string },
  undo: () => Promise<number>,
): Promise<number | PartlyUndone | symbol> {
  const restored = await undo();
  if (restored === 0) {
    // QA pass: after a backup's "Replace everything", Undo of "Mark done" made the restored item unread.
    const ended = await whatEndedLibrary(epoch);
    if (ended) return ended;
    return (await countSavedItems([...changed.keys()])) === 0 ? REMOVED_SINCE : 0;
  }
  return restored < changed.size ? { restored, of: changed.size } : restored;
}

/** Said beside the Undo line without replacing it: an action that changed nothing. */
export interface UndoNote {
  text: string;
  serial: number;
}

/** The last action that can be undone, until the next one: offered, and run once. */
export function useUndo() {
  const [undo, setUndo] = useState<UndoLine | null>(null);
  const [note, setNote] = useState<UndoNote | null>(null);
  const serial = useRef(0);
  const say = (line: Undo | null, undone = false, notUndone?: string) => {
    serial.current += 1;
    setNote(null);
    setUndo(line && { ...line, serial: serial.current, undone, ...(notUndone && { notUndone }) });
  };
  return {
    undo,
    note,
    offer: (line: Undo | null) => say(line),
    /**
     * Says that an action changed nothing, keeping the last one's Undo: pressed again, Archive on archived
     * rows said nothing at all (QA pass), and an Undo of nothing would replace the real one.
     */
    tell(text: string) {
      serial.current += 1;
      setNote({ text, serial: serial.current });
    },
    /**
     * Undoes the last action; resolves once it ran, with whether it was undone. The line says what was
     * undone, or that nothing was.
     */
    async runUndo(): Promise<boolean> {
      if (!undo || undo.undone) return false;
      say(undo, true); // at once: a second press finds nothing to undo
      const result = await undo.undo().catch((error: unknown) => error);
      const notUndone =
        result instanceof Error ? `Could not undo: ${result.message}` : describeNotUndone(undo.message, result);
      if (notUndone) say(undo, true, notUndone);
      return !notUndone;
    },
  };
}

export type UndoState = ReturnType<typeof useUndo>;

/**
 * Status changes, tag changes and unsaving (which keeps reading progress for a later save), each offered for
 * undo until the next one. `kept`: an undo held by the caller, above a view that may unmount (the
 * side panel's reading list): unsaving removes the copy, highlights and notes, which only Undo
 * brings back, so leaving the view must not drop it.
 */
export function useUndoableActions(kept?: UndoState) {
  const own = useUndo();
  const { undo, note, offer: setUndo, tell, runUndo } = kept ?? own;
  return {
    undo,
    note,
    async setStatusOf(ids: readonly string[], status: ItemStatus) {
      if (ids.length === 0) return;
      const change = await setStatus(ids, status);
      // How many it changed: one selected may have been unsaved in another window meanwhile (review), and an
      // Undo of none would replace the last one, as for Unsave.
      if (change.previous.size === 0) {
        const saved = await countSavedItems(ids);
        tell(
          saved === 0
            ? 'Nothing changed: removed in another window since.'
            : `Nothing changed: ${saved === 1 ? 'it was' : `all ${saved} were`} already marked as ${status}.`,
        );
        return;
      }
      setUndo({
        message: `Marked ${count(change.previous.size)} as ${status}.`,
        undo: () => undoChangeOf(change, () => undoStatusChange(change)),
      });
    },
    async unsave(ids: readonly string[]) {
      if (ids.length === 0) return;
      // How many it removed: one selected may have been unsaved in another window meanwhile (review).
      await unsaveOfferingUndo(ids, (undo, removed) => setUndo({ message: `Unsaved ${count(removed)}.`, undo }));
    },
    /**
     * Adds `tag` to, or removes it from, items (`tag` as the tag rules let it be added or removed).
     * Returns what to say when no item changed (nothing to undo); otherwise the Undo line says it.
     */
    async changeTag(ids: readonly string[], tag: string, change: 'add' | 'remove'): Promise<string | null> {
      const result = await changeTagForUndo(ids, tag, change);
      // Of the items still saved: one checked may have been unsaved in another window meanwhile (review).
      const message = describeBulkTagChange(tag, change, result.found, result.changed, result.full);
      if (result.changed === 0) return message;
      setUndo({
        message,
        undo: () => undoChangeOf(result, () => undoTagChange(result)),
      });
      return null;
    },
    runUndo,
  };
}
