import { isQuotaError, writeFailureReason } from '@/lib/db/errors';

/**
 * Actions started from a click and left to finish on their own (a status changed, a tag added, a
 * setting saved) reject into the void when they fail: the disk is full, the data was deleted in
 * another window. The page hears of each here, so the user is told instead of losing it unseen.
 */

/** What the user reads about an action that did not finish. */
export function describeUnfinishedAction(error: unknown): string {
  const reason = writeFailureReason(error);
  if (isQuotaError(error)) return reason;
  return `Shelf could not finish that: ${reason || 'an unknown error'}. Try again; nothing else was changed.`;
}

/** Calls `onFailure` with the words for each promise of the page that failed with nobody to hear it. */
export function watchUnfinishedActions(win: Window, onFailure: (text: string) => void, signal: AbortSignal): void {
  win.addEventListener(
    'unhandledrejection',
    (event: PromiseRejectionEvent) => onFailure(describeUnfinishedAction(event.reason)),
    { signal },
  );
}
