import { useEffect, useRef } from 'react';

/**
 * Where the reading list's keys are heard: the list (or, with no row shown, its section) has the
 * focus when it is first shown, after a button acted (it may be disabled now) and when Escape
 * leaves the search box; from the page's body no key would be heard.
 */
export function useListFocus(hasRows: boolean) {
  const listRef = useRef<HTMLUListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!hasRows || focused.current) return;
    focused.current = true;
    listRef.current?.focus({ preventScroll: true });
  }, [hasRows]);
  const focusList = () => (listRef.current ?? sectionRef.current)?.focus({ preventScroll: true });
  return { listRef, sectionRef, focusList, refocus: () => requestAnimationFrame(focusList) };
}
