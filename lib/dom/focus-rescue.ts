/**
 * Keeps the keyboard focus inside a page's root when the focused control goes away: a view replaced
 * (a result chosen, Back), a removed tag or highlight, a row unsaved, a dialog's button gone. The
 * browser then puts the focus on the body, where a keyboard user starts again from the top of the
 * page and a screen reader says nothing. It goes instead to the nearest part of the page still
 * there: its first control, or, where the whole view changed, the view's heading.
 */

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const HEADINGS = 'h1, h2, h3';

/** Focuses `element`, making it focusable from script only if it is not focusable at all. */
export function focusElement(element: HTMLElement): void {
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

/** The root's first heading outside its header (the view's own), or null. */
function viewHeading(root: HTMLElement): HTMLElement | null {
  for (const heading of root.querySelectorAll<HTMLElement>(HEADINGS)) if (!heading.closest('header')) return heading;
  return null;
}

/**
 * Where the focus goes once the focused element left the page, from its ancestors as they were
 * (nearest first): the first control of the nearest one still there that holds one; the view's
 * heading when only the root, the page's header, or the part holding it is left.
 */
export function rescueTarget(root: HTMLElement, ancestors: readonly HTMLElement[]): HTMLElement {
  for (const ancestor of ancestors) {
    // At the level of the page's header the whole view was replaced: its heading, not the header's Back.
    // The header itself too: Back, gone with the view it left, gave the focus to the header's first
    // button ("All articles", QA pass).
    if (ancestor === root || ancestor.localName === 'header' || ancestor.querySelector('header')) break;
    if (!ancestor.isConnected || !root.contains(ancestor)) continue;
    const control = ancestor.querySelector<HTMLElement>(FOCUSABLE);
    if (control) return control;
  }
  return viewHeading(root) ?? root;
}

/**
 * Watches `root` until `signal` aborts: when the focused element inside it is removed and the focus
 * fell to the body, focuses `rescueTarget`. Focus moved anywhere else on purpose is left alone.
 */
export function keepFocusInside(root: HTMLElement, signal: AbortSignal): void {
  const doc = root.ownerDocument;
  let focused: HTMLElement | null = null;
  let ancestors: HTMLElement[] = [];
  const onFocusIn = (event: FocusEvent) => {
    focused = event.target instanceof HTMLElement ? event.target : null;
    ancestors = [];
    for (let at = focused?.parentElement; at && at !== root.parentElement; at = at.parentElement) ancestors.push(at);
  };
  root.addEventListener('focusin', onFocusIn, { signal });
  // Focus left on purpose (a click on the page's background, another window): nothing to rescue.
  // Decided a moment later, for a browser that reports a removed element's blur while it is removing it.
  root.addEventListener(
    'focusout',
    (event) => {
      const left = event.target;
      queueMicrotask(() => {
        if (focused !== null && focused === left && focused.isConnected) focused = null;
      });
    },
    { signal },
  );
  const observer = new MutationObserver(() => {
    if (!focused || focused.isConnected) return;
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) return;
    const target = rescueTarget(root, ancestors);
    focused = null;
    focusElement(target);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * Whether the focus is on nothing more specific than the page around `element`: the body, or an
 * element holding it (where the row or result that opened the reader, gone with its view, left it).
 */
export function focusIsNowhereAround(element: Element): boolean {
  const active = element.ownerDocument.activeElement;
  return !active || active === element.ownerDocument.body || active.contains(element);
}

/** Focuses `element` (`focusElement`) when the focus is on nothing more specific (`focusIsNowhereAround`). */
export function focusIfNowhereAround(element: HTMLElement): void {
  if (focusIsNowhereAround(element)) focusElement(element);
}
