import { useEffect, useRef, useState } from 'react';
import { PLACE_IN_COPY_EVENT } from '@/lib/capture/reader-links';
import { scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';
import { setProgress } from '@/lib/db/progress';
import type { ReadingProgress } from '@/lib/db/schema';
import { focusPassageAtTop } from '@/lib/reader/keep-place';

/**
 * What a reader's position is measured over: its column (title to "Finished?"), not what Shelf lists
 * after it, which is drawn later and would move a restored position and lower the share read.
 */
const readerColumn = () => document.querySelector('.reader-column');

/**
 * Reading a saved item in this window: restores the recorded position once, when `copyShown` says the
 * copy is on screen, then records progress as the user scrolls. Returns the percentage read so far.
 */
export function useReadingProgress(itemId: string, copyShown: boolean, progress: ReadingProgress | undefined): number {
  const [percent, setPercent] = useState(0);
  const restored = useRef(false);
  // Read once, when the copy first shows: every position written changes it, and the tracker
  // below must outlive those writes (rebuilding it would drop the report it is about to send).
  const savedProgress = useRef(progress);
  savedProgress.current = progress;

  useEffect(() => {
    if (!copyShown) return;
    if (!restored.current) {
      restored.current = true;
      const anchor = savedProgress.current?.anchor;
      setPercent(Math.round((savedProgress.current?.fraction ?? 0) * 100));
      if (anchor)
        requestAnimationFrame(() => {
          scrollToAnchor(window, anchor, readerColumn());
          const body = document.querySelector('.reader-body');
          if (body) focusPassageAtTop(window, body, document.getElementById('reader-title'));
        });
    }
    const controller = new AbortController();
    trackReadingProgress(
      window,
      (state) => {
        setPercent(Math.round(state.fraction * 100));
        // Best effort, every half second of scrolling: the next scroll writes it again, and a full
        // disk is said by the actions the user takes (an alert on every scroll would say nothing new).
        setProgress(itemId, {
          fraction: state.fraction,
          anchor: { scrollFraction: state.scrollFraction, scrollY: state.scrollY },
        }).catch(() => {});
      },
      controller.signal,
      // A footnote visited (and ↩ back) is no reading: the position stays the user's own scrolling's.
      { intervalMs: 500, span: readerColumn, visitEvent: PLACE_IN_COPY_EVENT },
    );
    return () => controller.abort();
  }, [copyShown, itemId]);

  return percent;
}
