import { useEffect } from 'react';
import { goToPlaceInAddress } from '@/lib/capture/reader-links';
import { inTwoFrames } from '@/lib/dom/after-paint';

/**
 * Opened at an address naming a place in the copy (a footnote opened in a new tab from the browser's
 * menu): the reader goes there once the copy is shown, after the saved position is restored (two
 * frames on, as a search's passage), so the place wins. A visit (`PLACE_IN_COPY_EVENT`): the reading
 * position stays the user's. Once per reader: the address keeps its fragment while the user reads on.
 */
export function usePlaceInAddress(copyShown: boolean, fragment: string | undefined): void {
  useEffect(() => {
    if (!copyShown || !fragment) return;
    return inTwoFrames(() => {
      const body = document.querySelector<HTMLElement>('.reader-body');
      if (body) goToPlaceInAddress(body, fragment);
    });
  }, [copyShown, fragment]);
}
