/**
 * What an undo that put nothing back answers, and what it says: no database code here, so the popup
 * reads them before its first paint without loading it.
 */

/** What undoing an Unsave answers once "Delete everything" ran since (another window, or an Undo kept above the views). */
export const EVERYTHING_DELETED_SINCE = Symbol('everything deleted since');

/** What undoing an Unsave answers once a backup's "Replace everything" ran since (another window). */
export const LIBRARY_REPLACED_SINCE = Symbol('library replaced since');

/** What undoing a status or tag change answers when none of its items is saved any more. */
export const REMOVED_SINCE = Symbol('removed since');

/**
 * What an undo's result says: nothing put back (a change undone on no item answers 0 or false), else
 * null. Review: the line said "Undone" whatever happened. An Unsave tells "Delete everything" and a backup's
 * "Replace everything" since apart (`undoUnsave`), a status or tag change items removed since (`undoChangeOf`).
 */
export function describeNotUndone(message: string, result: unknown): string | null {
  if (result === EVERYTHING_DELETED_SINCE) return `Not undone: everything was deleted since (${message})`;
  if (result === LIBRARY_REPLACED_SINCE)
    return `Not undone: the library was replaced by a restored backup since (${message})`;
  if (result === REMOVED_SINCE) return `Not undone: removed since (${message})`;
  if (result === false || result === 0) return `Not undone: changed again since (${message})`;
  return null;
}
