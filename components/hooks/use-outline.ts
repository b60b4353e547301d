import { type RefObject, useEffect, useState } from 'react';
import { findCurrentSection, findOutline, type OutlineEntry } from '@/lib/reader/outline';

/** Where a section counts as reached: below the reader's sticky toolbar. */
const SECTION_LINE = 96;

/**
 * The outline of the article rendered in `body` (rebuilt when `html` changes) and the section the
 * reader is in, followed as they scroll.
 */
export function useOutline(body: RefObject<HTMLElement | null>, html: string) {
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  const [current, setCurrent] = useState(-1);

  useEffect(() => {
    setEntries(body.current && html ? findOutline(body.current) : []);
  }, [body, html]);

  useEffect(() => {
    if (entries.length === 0) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setCurrent(
        findCurrentSection(
          entries.map((e) => e.heading.getBoundingClientRect().top),
          SECTION_LINE,
        ),
      );
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [entries]);

  return { entries, current };
}
