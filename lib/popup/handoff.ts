import type { TypingRecord } from '@/lib/popup/early-typing';
import type { StoredForFirstPaint } from '@/lib/popup/first-paint-read';

/**
 * What the popup's first-paint script (a classic script that runs first) hands to the app (a
 * module loaded after the first paint): the storage read it started, so the app does not read
 * again, and what the user typed meanwhile. It travels on the page's window; only Shelf's own
 * popup page has this window.
 */
export interface PopupHandoff {
  /** Settled once the picture, if any, is in the page; null when storage could not be read. */
  stored: Promise<StoredForFirstPaint | null>;
  typing: TypingRecord;
}

interface PopupWindow {
  shelfPopupHandoff?: PopupHandoff;
}

export function handOverToApp(handoff: PopupHandoff): void {
  (window as PopupWindow).shelfPopupHandoff = handoff;
}

/** What the first-paint script handed over, or undefined when it did not run. */
export function takeHandoff(): PopupHandoff | undefined {
  return (window as PopupWindow).shelfPopupHandoff;
}
