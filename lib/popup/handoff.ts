import type { TypingRecord } from '@/lib/popup/early-typing';
import type { RestoredPopup } from '@/lib/popup/popup-state';

/**
 * What the popup's first-paint script (a classic script that runs first) hands to the app (a
 * module loaded after the first paint): the storage read it started, so the app does not read
 * again, and what the user typed meanwhile. It travels on the page's window; only Shelf's own
 * popup page has this window.
 */
export interface PopupHandoff {
  restored: Promise<RestoredPopup | null>;
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
