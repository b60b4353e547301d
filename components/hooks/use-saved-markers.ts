import { useEffect, useState } from 'react';
import type { SavedMarker } from '@/lib/db/queries';
import type { SavedItem } from '@/lib/db/schema';
import { afterNextPaint } from '@/lib/dom/after-paint';
import { watchSavedStateLater } from '@/lib/reading-list/saved-state-loader';

/**
 * Saved status and progress of bundled articles, the saved pages and the unread count, live. The database code is
 * loaded after the first frame is painted, so restoring the popup's results never waits for it.
 */
export function useSavedMarkers(): {
  markers: ReadonlyMap<string, SavedMarker>;
  savedPages: readonly SavedItem[];
  /** Unread items; null until read. */
  unread: number | null;
} {
  const [markers, setMarkers] = useState<ReadonlyMap<string, SavedMarker>>(new Map());
  const [savedPages, setSavedPages] = useState<readonly SavedItem[]>([]);
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let stop: (() => void) | undefined;
    const cancel = afterNextPaint(() => {
      stop = watchSavedStateLater(
        (part) => {
          if (part.markers) setMarkers(part.markers);
          if (part.savedPages) setSavedPages(part.savedPages);
          if (part.unread !== undefined) setUnread(part.unread);
        },
        (error) => console.warn('Shelf: could not read the reading list', error),
      );
    });
    return () => {
      cancel();
      stop?.();
    };
  }, []);
  return { markers, savedPages, unread };
}
