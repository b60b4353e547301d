import type { RestoredPopup } from '@/lib/popup/popup-state';

/**
 * The popup's two scripts share one storage read: the first-paint script (a classic script that
 * runs first) starts it and leaves the promise on the page's window for the app (a module loaded
 * after the first paint). Only Shelf's own popup page has this window.
 */
interface PopupWindow {
  shelfRestoredPopup?: Promise<RestoredPopup | null>;
}

export function handOverRestoredPopup(restored: Promise<RestoredPopup | null>): void {
  (window as PopupWindow).shelfRestoredPopup = restored;
}

/** The read the first-paint script started, or undefined when it did not run. */
export function takeRestoredPopup(): Promise<RestoredPopup | null> | undefined {
  return (window as PopupWindow).shelfRestoredPopup;
}
