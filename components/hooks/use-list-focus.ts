import { type FocusEvent, useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Where the reading list's keys are heard: the list (or, with no row shown, the line saying why,
 * else its section) has the focus when it is first shown, after a button acted (it may be disabled
 * now) and when Escape leaves the search box; from the page's body no key would be heard.
 * `settled`: the whole list is read, so that a view with no row is known to have none.
 */
export function useListFocus(hasRows: boolean, settled: boolean) {
  const listRef = useRef<HTMLUListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  /** What says why no row is shown: the empty view's line, or how to save when nothing is saved. */
  const empty = useRef<HTMLElement | null>(null);
  // A callback: the line is a paragraph or the how-to's box.
  const emptyRef = useCallback((element: HTMLElement | null) => {
    empty.current = element;
  }, []);
  const focused = useRef(false);
  /** The element in the view that last had the focus, and whether it said why no row was shown. */
  const lastFocused = useRef<{ element: Element; saidEmpty: boolean } | null>(null);
  const focusList = () => (listRef.current ?? empty.current ?? sectionRef.current)?.focus({ preventScroll: true });
  useEffect(() => {
    if (focused.current || !(hasRows || settled)) return;
    focused.current = true;
    // Shown with no row (Back from the item just archived): the line saying why, not Back, has it.
    focusList();
  });
  // The last rows gone with the focus in them, the focus fell to the body: it goes to what says the
  // view is empty now (a screen reader says it), before the page's focus rescue would give it to
  // whichever button is nearest. The line saying so gone (Undo brought rows back): to the list.
  useLayoutEffect(() => {
    const gone = lastFocused.current;
    const active = document.activeElement;
    if (!gone || gone.element.isConnected || (active && active !== document.body)) return;
    if (hasRows && !gone.saidEmpty) return; // a row gone: the rescue takes the focus to the next one
    lastFocused.current = null;
    focusList();
  });
  const onFocus = (event: FocusEvent) => {
    lastFocused.current = { element: event.target, saidEmpty: event.target === empty.current };
  };
  const refocus = () => requestAnimationFrame(focusList);
  return { listRef, sectionProps: { ref: sectionRef, onFocus }, emptyRef, focusList, refocus };
}
