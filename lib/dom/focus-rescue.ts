/**
 * Keeps the keyboard focus inside a page's root when the focused control goes away: a view replaced
 * (a result chosen, Back), a removed tag or highlight, a row unsaved, a dialog's button gone. The
 * browser then puts the focus on the body, where a keyboard user starts again from the top of the
 * page and a screen reader says nothing. It goes instead to the next control from where the removed
 * one was (what replaced it, the list's next entry, the Undo after the list), or, where the whole
 * view changed, the view's heading.
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
 * Where the removed element was: after `previous` (its sibling before, still there), or at the start
 * of `parent`. Null when unknown (then the nearest part's first control is taken).
 */
export interface RemovedPlace {
  previous: Node | null;
  parent: Node | null;
}

/** Whether `control` comes after `place` in the page: after `previous` and all it holds, or in or after `parent`. */
function follows(control: HTMLElement, place: RemovedPlace): boolean {
  const from = place.previous ?? place.parent;
  if (!from) return false;
  const position = from.compareDocumentPosition(control);
  if (place.previous) return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !from.contains(control);
  return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * Where the focus goes once the focused element left the page, from its ancestors as they were
 * (nearest first) and the place it was removed from: the next control from that place, within the
 * part of the page around it (Tab would have gone there; the first control of the part, QA found,
 * could be above what was read last, with the Undo below); with none after it, the last one before
 * it. The view's heading when only the root, the page's header, or the part holding it is left.
 */
export function rescueTarget(
  root: HTMLElement,
  ancestors: readonly HTMLElement[],
  place: RemovedPlace | null = null,
): HTMLElement {
  const around: HTMLElement[] = [];
  for (const ancestor of ancestors) {
    // At the level of the page's header the whole view was replaced: its heading, not the header's Back.
    // The header itself too: Back, gone with the view it left, gave the focus to the header's first
    // button ("All articles", QA pass).
    if (ancestor === root || ancestor.localName === 'header' || ancestor.querySelector('header')) break;
    if (ancestor.isConnected && root.contains(ancestor)) around.push(ancestor);
  }
  for (const ancestor of around) {
    const controls = Array.from(ancestor.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (!place) {
      if (controls[0]) return controls[0];
      continue;
    }
    const next = controls.find((control) => follows(control, place));
    if (next) return next;
  }
  if (place)
    for (const ancestor of around) {
      const before = Array.from(ancestor.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((c) => !follows(c, place));
      const last = before.at(-1);
      if (last) return last;
    }
  return viewHeading(root) ?? root;
}

/**
 * The place `focused` was removed from, read from the mutations that removed it: after its sibling
 * before, or at the start of its parent; one of those removed in the same change too, the place
 * that one was removed from.
 */
export function removedPlace(records: readonly MutationRecord[], focused: Node): RemovedPlace | null {
  const removedFrom = new Map<Node, RemovedPlace>();
  let place: RemovedPlace | undefined;
  for (const record of records)
    for (const node of record.removedNodes) {
      const at = { previous: record.previousSibling, parent: record.target };
      removedFrom.set(node, at);
      if (node === focused || node.contains(focused)) place = at;
    }
  for (let steps = removedFrom.size; place && steps >= 0; steps--) {
    const { previous, parent } = place;
    if (previous?.isConnected || (!previous && parent?.isConnected)) return place;
    if (previous) place = removedFrom.get(previous) ?? { previous: null, parent };
    else place = parent ? removedFrom.get(parent) : undefined;
  }
  return null;
}

/** The first control inside `element`, or null. */
export function firstControlIn(element: HTMLElement): HTMLElement | null {
  return element.querySelector<HTMLElement>(FOCUSABLE);
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
  const observer = new MutationObserver((records) => {
    if (!focused || focused.isConnected) return;
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) return;
    const target = rescueTarget(root, ancestors, removedPlace(records, focused));
    focused = null;
    focusElement(target);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Elements the page itself gave the focus to, while they keep it (see `placeFocus`). */
const placedByPage = new WeakSet<Element>();

/**
 * Focuses `element` (`focusElement`) as the page's own doing, not the user's: while it keeps the
 * focus, `focusIsNowhereAround` counts it as nowhere (QA pass: the paragraph the reader focused on
 * restoring the place read to kept the focus from the passage a search then opened it at).
 */
export function placeFocus(element: HTMLElement): void {
  focusElement(element);
  if (element.ownerDocument.activeElement !== element) return;
  placedByPage.add(element);
  element.addEventListener('blur', () => placedByPage.delete(element), { once: true });
}

/**
 * Whether the focus is on nothing more specific than the page around `element`: the body, an
 * element holding it (where the row or result that opened the reader, gone with its view, left it),
 * or a place to read from that the page itself put it on (`placeFocus`): a control is the user's,
 * once in it, whoever put the focus there.
 */
export function focusIsNowhereAround(element: Element): boolean {
  const active = element.ownerDocument.activeElement;
  if (!active || active === element.ownerDocument.body || active.contains(element)) return true;
  return placedByPage.has(active) && !active.matches(FOCUSABLE);
}

/** Focuses `element` (`placeFocus`) when the focus is on nothing more specific (`focusIsNowhereAround`). */
export function focusIfNowhereAround(element: HTMLElement): void {
  if (focusIsNowhereAround(element)) placeFocus(element);
}
