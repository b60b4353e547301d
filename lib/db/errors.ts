/** What Shelf says of a full disk, wherever a write fails for it. */
export const STORAGE_FULL_MESSAGE =
  'The browser has no room left for Shelf’s data, so nothing was saved. Remove captured pages you no longer need, or free disk space.';

/** A write the browser refused for lack of space; nothing of it was kept (the transaction aborted). */
export class StorageFullError extends Error {
  constructor() {
    super(STORAGE_FULL_MESSAGE);
    this.name = 'StorageFullError';
  }
}

/**
 * What Shelf says when a selection runs into highlights whose comments, joined, would be longer than
 * a comment may be: nothing is kept (neither joined nor drawn over them), and no comment is cut.
 */
export const COMMENTS_TOO_LONG_TO_JOIN =
  'Not highlighted: the comments of the highlights it runs into are too long together. Shorten one, or select apart from them.';

/** A highlight refused for that (`addHighlight`'s `joining`); nothing was written. */
export class CommentsTooLongToJoinError extends Error {
  constructor() {
    super(COMMENTS_TOO_LONG_TO_JOIN);
    this.name = 'CommentsTooLongToJoinError';
  }
}

/** Why a write failed, for the user: a full disk as Shelf says it everywhere, else the error's own words ('' for none). */
export function writeFailureReason(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
  return error instanceof Error ? error.message : error == null ? '' : String(error);
}

/** Whether an error passed on as text (the background's reply to a content script) is a full disk. */
export function isStorageFullMessage(text: string): boolean {
  return text.includes(STORAGE_FULL_MESSAGE);
}

/**
 * Dexie may report a full disk directly, as the `inner` error of an aborted transaction, or among the
 * `failures` of a bulk write or `modify` (`BulkError`, `ModifyError`: the browser refused a stored record).
 */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string }; failures?: unknown } | null;
  return (
    e instanceof StorageFullError ||
    e?.name === 'QuotaExceededError' ||
    e?.inner?.name === 'QuotaExceededError' ||
    (Array.isArray(e?.failures) && e.failures.some(isQuotaError))
  );
}

/** Runs a write, turning the browser's quota error into a `StorageFullError` with a clear message. */
export async function reportingFullStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError() : error;
  }
}

/** Everything was deleted while a long write (an import, a restore) was under way: it stopped. */
export class DataDeletedError extends Error {
  constructor() {
    super('Everything Shelf kept was deleted while this ran, so it stopped; nothing more was written.');
    this.name = 'DataDeletedError';
  }
}
