import { useLayoutEffect, useRef } from 'react';
import { focusIfNowhereAround } from '@/lib/dom/focus-rescue';

/** What the reader shows: the copy, "Not captured yet" (no copy), or nothing yet. */
export type ReaderShown = 'copy' | 'no-copy' | null;

/**
 * The reader, once its copy (or, without one, "Not captured yet") is shown without a passage to open
 * at, takes the focus to its title: it was left on the page around the reader (where the row or
 * result that opened it, gone with its view, had it), and a screen reader said nothing. Again when
 * the copy replaces "Not captured yet" (Capture now worked; its button went with that view). Left
 * alone when the user has put it on something since. (A passage takes the focus itself: `showPassage`.)
 * A layout effect: it runs before the focus rescue (`keepFocusInside`), which would put the focus
 * on the nearest control instead.
 */
export function useTitleFocus(shown: ReaderShown, opensAtPassage: boolean): void {
  const shownBefore = useRef<ReaderShown>(null);
  useLayoutEffect(() => {
    const captured = shownBefore.current === 'no-copy' && shown === 'copy';
    shownBefore.current = shown;
    if (!shown || (opensAtPassage && !captured)) return;
    const title = document.getElementById(shown === 'copy' ? 'reader-title' : 'not-captured-title');
    if (title) focusIfNowhereAround(title);
  }, [shown, opensAtPassage]);
}
