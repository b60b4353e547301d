/** What a copy holds that scrolls on its own when wider than the column (reader.css, copy-extras.css). */
const SCROLLING = 'pre, table, math[display="block"]';
/** Marks a tab stop Shelf added, so that only those are taken away again. */
const ADDED = 'data-shelf-scroll-stop';

/**
 * Code, tables and formulas wider than the column scroll on their own, and a keyboard user scrolls
 * one only once it has the focus: each that scrolls gets a tab stop (axe, QA pass:
 * "scrollable-region-focusable" on a wide table and four code blocks), taken away again when it no
 * longer scrolls (a wider column, a smaller text). Checked again whenever the copy's size changes;
 * stops when `signal` aborts.
 */
export function keepScrollingPartsFocusable(body: HTMLElement, signal: AbortSignal): void {
  const check = () => {
    for (const part of body.querySelectorAll<HTMLElement>(SCROLLING)) {
      const scrolls = part.scrollWidth > part.clientWidth + 1;
      if (scrolls && !part.hasAttribute('tabindex')) {
        part.setAttribute('tabindex', '0');
        part.setAttribute(ADDED, '');
      } else if (!scrolls && part.hasAttribute(ADDED)) {
        part.removeAttribute('tabindex');
        part.removeAttribute(ADDED);
      }
    }
  };
  check();
  // A DOM without layout (jsdom) has no resize to follow.
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(check);
  observer.observe(body);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
