import type { Virtualizer } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useRef } from 'react';
import { ROW_INDEX_ATTRIBUTE } from '@/lib/reading-list/row-focus';

/**
 * Keeps the reading list's current row in sight as the keys move it. Returns the flag the row sets
 * when the pointer made it current (over it): it is where the user looks, and the
 * list and the page stay where they are.
 */
export function useActiveRowInSight(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollRef: RefObject<HTMLDivElement | null>,
  activeIndex: number,
  rowCount: number,
) {
  const pointed = useRef(false);
  useEffect(() => {
    if (activeIndex < 0 || activeIndex >= rowCount) return;
    const byPointer = pointed.current;
    pointed.current = false;
    // Neither the list nor the page moves under the pointer: a row cut off at the list's edge scrolled
    // into view, and the click aimed at its checkbox landed on nothing or on the next row (QA pass).
    if (byPointer) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // The list's box can reach below the window (a narrow panel's toolbar is taller than it allows
    // for): the page scrolls too, so the current row stays in sight (QA pass: it slid off screen).
    const frame = requestAnimationFrame(() =>
      scrollRef.current
        ?.querySelector(`[${ROW_INDEX_ATTRIBUTE}="${activeIndex}"]`)
        ?.scrollIntoView?.({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [activeIndex, rowCount, virtualizer, scrollRef]);
  return pointed;
}
