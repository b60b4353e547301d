/**
 * The reader's toolbar is sticky, and its open panels make it taller: the browser, scrolling a focused
 * link or a heading into view, put it at the very top, under the toolbar (WCAG 2.4.11). The root's
 * `--reader-toolbar-height` follows the toolbar's height, and reader.css gives everything but the
 * toolbar that much scroll margin. Not scroll-padding: it would count the toolbar itself as out of
 * view, so that focusing its buttons scrolled the page.
 */

/** Sets the height now: before a scroll that must not wait for the observer. */
export function measureToolbar(toolbar: HTMLElement): void {
  const height = Math.ceil(toolbar.getBoundingClientRect().height);
  toolbar.ownerDocument.documentElement.style.setProperty('--reader-toolbar-height', `${height}px`);
}

/** Keeps the height up to date as the toolbar changes; the returned function stops and removes it. */
export function keepMeasuringToolbar(toolbar: HTMLElement): () => void {
  measureToolbar(toolbar);
  // Measured once where there is no ResizeObserver (jsdom, in the component tests).
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => measureToolbar(toolbar));
  observer?.observe(toolbar);
  return () => {
    observer?.disconnect();
    toolbar.ownerDocument.documentElement.style.removeProperty('--reader-toolbar-height');
  };
}
