import { placeFocus } from '@/lib/dom/focus-rescue';

/**
 * Keeps the passage at the top of the view where it is while the article reflows: a new text size
 * or width, an image arriving above. The browser's own scroll anchoring stands down when an
 * ancestor's width changes, which the reader's column does at every text size (its measure is in
 * characters), so the reader jumped paragraphs away. Stops when `signal` aborts.
 */
export function keepPlaceWhileReflowing(win: Window, article: Element, signal: AbortSignal): void {
  // A DOM without layout (jsdom) has nothing to keep.
  if (typeof ResizeObserver === 'undefined' || typeof win.document.elementFromPoint !== 'function') return;
  let anchor: { element: Element; top: number; scrollY: number } | null = null;
  let height = -1;
  let width = -1;
  const pick = () => {
    const element = passageAtTop(win, article);
    anchor = element ? { element, top: element.getBoundingClientRect().top, scrollY: win.scrollY } : null;
  };
  // Called once layout has settled after a resize or a scroll. A reflow may reach it from either: a
  // layout forced between frames (shrinking the page under the view) has its scroll event, and the
  // pick after it, come before the ResizeObserver's report, which must then find the anchor unmoved.
  const settle = () => {
    const box = article.getBoundingClientRect();
    const reflowed = height >= 0 && (box.height !== height || box.width !== width);
    [height, width] = [box.height, box.width];
    // Only a reflow moves the anchor; a scroll whose event has not come yet (restoring a position
    // in the same frame) moved the view, not the text. A page grown shorter than where the view was
    // moves the view up to its end itself: that is the reflow's doing too.
    if (reflowed && anchor?.element.isConnected && (anchor.scrollY === win.scrollY || clampedAtEnd(win, anchor))) {
      const moved = anchor.element.getBoundingClientRect().top - anchor.top;
      if (Math.abs(moved) >= 1) win.scrollBy({ top: moved, behavior: 'instant' });
    }
    pick();
  };
  // At most once a frame: finding the passage reads layout, and scroll events come faster.
  let frame = 0;
  const settleSoon = () => {
    frame ||= win.requestAnimationFrame(() => {
      frame = 0;
      settle();
    });
  };
  win.addEventListener('scroll', settleSoon, { passive: true, signal });
  const observer = new ResizeObserver(settle);
  observer.observe(article);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.cancelAnimationFrame(frame);
  });
  settle();
}

/** Whether the view moved up from where the anchor was picked to the end of a page now shorter. */
function clampedAtEnd(win: Window, anchor: { scrollY: number }): boolean {
  const end = win.document.documentElement.scrollHeight - win.innerHeight;
  return win.scrollY < anchor.scrollY && win.scrollY >= end - 1;
}

/**
 * Once the place read to is restored, the focus goes from the reader's title, out of view then, to the
 * passage at the top of the view: a screen reader reads on from there, and Tab goes on from there
 * (QA pass: it went to "Open original" beside the title, which scrolled the view back to the top and
 * recorded that as the place). Left where it is when it is not on the title, or the title is in view.
 */
export function focusPassageAtTop(win: Window, body: Element, title: HTMLElement | null): void {
  if (!title || win.document.activeElement !== title || title.getBoundingClientRect().bottom > 0) return;
  if (typeof win.document.elementFromPoint !== 'function') return; // a DOM without layout (jsdom)
  // The block it is in, not a link or highlight there (review): a screen reader reads on from the block,
  // and Enter on a focused link would leave the reader.
  const passage = passageAtTop(win, body);
  const block = passage?.closest('p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, td, th, dd, dt');
  const target = block && body.contains(block) ? block : passage;
  if (target instanceof HTMLElement) placeFocus(target);
}

/**
 * The first element of `article` with text of its own down the middle of the view: a paragraph, a
 * heading, a list item. (A point between two paragraphs hits their container, which moves less than
 * they do when the text grows; a sticky toolbar outside the article may cover the top.)
 */
function passageAtTop(win: Window, article: Element): Element | null {
  const box = article.getBoundingClientRect();
  const x = box.left + box.width / 2;
  for (let y = Math.max(box.top, 0) + 4; y < Math.min(box.bottom, win.innerHeight); y += 8) {
    const element = win.document.elementFromPoint(x, y);
    if (element && article.contains(element) && hasOwnText(element)) return element;
  }
  return null;
}

function hasOwnText(element: Element): boolean {
  for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
  return false;
}
