/**
 * Chrome shows a popup at most 800 × 600 device-independent pixels. Zoomed in (200 %: 400 × 300 CSS
 * px), the popup's 460 × 600 px layout no longer fits, and the whole document scrolls both ways: the
 * search box goes off the top and "Save this page" below the fold. So when the window is narrower or
 * shorter than that layout needs, the layout takes the window's size instead.
 *
 * Not CSS viewport units: Chrome sizes a popup to its content, starting from a window 25 px tall, so
 * `max-height: 100vh` would hold the popup at 25 px.
 */

/** The popup's size at 100 % zoom (popup.css's defaults). */
export const POPUP_WIDTH = 460;
export const POPUP_MAX_HEIGHT = 600;
/** Never less: a window measured before the browser sized it must not shrink the popup for good. */
const MIN_WIDTH = 160;
const MIN_HEIGHT = 120;

export interface PopupWindowSize {
  innerWidth: number;
  innerHeight: number;
  /** The document's height as laid out now. */
  scrollHeight: number;
}

export interface PopupFit {
  /** The body's width, or null for the normal 460 px. */
  width: number | null;
  /** The popup's greatest height, or null for the normal 600 px. */
  maxHeight: number | null;
}

/**
 * What the layout takes from the window: its width when narrower than the layout; its height when
 * the content is taller than it and it is below 600 px, i.e. the browser would not grow it further.
 */
export function fitPopup({ innerWidth, innerHeight, scrollHeight }: PopupWindowSize): PopupFit {
  const width = innerWidth < POPUP_WIDTH ? Math.max(MIN_WIDTH, Math.floor(innerWidth)) : null;
  const capped = innerHeight < POPUP_MAX_HEIGHT && scrollHeight > innerHeight;
  return { width, maxHeight: capped ? Math.max(MIN_HEIGHT, Math.floor(innerHeight)) : null };
}

/**
 * Keeps the popup's `--popup-width` and `--popup-max-height` in step with its window: once the
 * browser has sized it (the next frame), and whenever the window or the content changes size.
 */
export function keepPopupFitted(win: Window): void {
  const root = win.document.documentElement;
  const apply = () => {
    // Measured at the normal size: a height taken from an earlier fit would only keep itself.
    root.style.removeProperty('--popup-max-height');
    const { width, maxHeight } = fitPopup({
      innerWidth: win.innerWidth,
      innerHeight: win.innerHeight,
      scrollHeight: root.scrollHeight,
    });
    if (width === null) root.style.removeProperty('--popup-width');
    else root.style.setProperty('--popup-width', `${width}px`);
    if (maxHeight !== null) root.style.setProperty('--popup-max-height', `${maxHeight}px`);
  };
  win.requestAnimationFrame(() => {
    apply();
    // Results arriving grow the content under a window already at its greatest size.
    new ResizeObserver(apply).observe(win.document.body);
  });
  win.addEventListener('resize', apply);
}
