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

/** What undoing a status or tag change answers when it put back some of its items, not all. */
export interface PartlyUndone {
  readonly restored: number;
  readonly of: number;
}

function isPartlyUndone(result: unknown): result is PartlyUndone {
  return typeof result === 'object' && result !== null && 'restored' in result && 'of' in result;
}

const items = (n: number) => (n === 1 ? '1 item' : `${n.toLocaleString('en')} items`);

/**
 * What an undo's result says: nothing put back (a change undone on no item answers 0 or false), or
 * only some of it (`PartlyUndone`), else null. Review: the line said "Undone" whatever happened. An
 * Unsave tells "Delete everything" and a backup's "Replace everything" since apart (`undoUnsave`), a
 * status or tag change items removed since (`undoChangeOf`). QA pass: an undo that put back 1 of 2
 * items (another window had changed the other) said "Undone: Marked 2 items as archived."
 */
export function describeNotUndone(message: string, result: unknown): string | null {
  if (isPartlyUndone(result))
    return `Undone for ${result.restored.toLocaleString('en')} of ${items(result.of)}; ${result.of - result.restored === 1 ? 'the other changed again or was removed' : 'the others changed again or were removed'} since (${message})`;
  if (result === EVERYTHING_DELETED_SINCE) return `Not undone: everything was deleted since (${message})`;
  if (result === LIBRARY_REPLACED_SINCE)
    return `Not undone: the library was replaced by a restored backup since (${message})`;
  if (result === REMOVED_SINCE) return `Not undone: removed since (${message})`;
  if (result === false || result === 0) return `Not undone: changed again since (${message})`;
  return null;
}
