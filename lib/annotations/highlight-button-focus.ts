/**
 * Keyboard use of the reader's Highlight button, drawn beside the selection but after the whole
 * article in the DOM (QA: 289 Tabs away, and once pressed it went away with the focus, which fell
 * on an unrelated heading).
 */

const BLOCKS = 'p, li, blockquote, pre, td, th, dd, dt, figcaption, h1, h2, h3, h4, h5, h6';

/** The block of `root` where `range` starts: where the focus goes once the button is pressed. */
export function blockAt(range: Range, root: Element): HTMLElement | null {
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  if (!element || !root.contains(element)) return null;
  const block = element.closest<HTMLElement>(BLOCKS);
  if (block && root.contains(block)) return block;
  return element instanceof HTMLElement ? element : null;
}

/** Whether a key press is a plain Tab that should go to the shown button: the selection's next stop. */
export function tabsToButton(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>,
  button: Element | null,
): boolean {
  if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
  return button !== null && event.target !== button;
}
