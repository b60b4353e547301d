import { useEffect } from 'react';
import { focusIfNowhereAround } from '@/lib/dom/focus-rescue';

/**
 * The reader, once its copy (or, without one, "Not captured yet") is shown without a passage to open
 * at, takes the focus to its title: it was left on the page around the reader (where the row or
 * result that opened it, gone with its view, had it), and a screen reader said nothing. Left alone
 * when the user has put it on something since. (A passage takes the focus itself: `showPassage`.)
 */
export function useTitleFocus(shown: boolean, opensAtPassage: boolean): void {
  useEffect(() => {
    const title = document.getElementById('reader-title') ?? document.getElementById('not-captured-title');
    if (shown && !opensAtPassage && title) focusIfNowhereAround(title);
  }, [shown, opensAtPassage]);
}
