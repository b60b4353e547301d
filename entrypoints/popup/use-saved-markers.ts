import { useEffect, useState } from 'react';
import type { SavedItem } from '@/lib/db/schema';
import type { SavedMarker } from '@/lib/reading-list/saved-state';

/**
 * Saved status and progress of bundled articles, live. The database code is loaded after the
 * first paint (dynamic import), so restoring the popup's results never waits for IndexedDB.
 */
export function useSavedMarkers(): { markers: ReadonlyMap<string, SavedMarker>; savedPages: readonly SavedItem[] } {
  const [markers, setMarkers] = useState<ReadonlyMap<string, SavedMarker>>(new Map());
  const [savedPages, setSavedPages] = useState<readonly SavedItem[]>([]);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    // After the first frame is painted: loading and evaluating the database code must not delay it.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        void import('@/lib/reading-list/popup-actions').then(({ watchSavedMarkers, watchSavedPages, watchBadge }) => {
          if (cancelled) return;
          const stops = [watchSavedMarkers(setMarkers), watchSavedPages(setSavedPages), watchBadge()];
          stop = () => {
            for (const stopOne of stops) stopOne();
          };
        });
      }, 0),
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      stop?.();
    };
  }, []);
  return { markers, savedPages };
}

/** Saves or unsaves a bundled article (loads the database code on first use). */
export async function toggleSaved(
  article: { id: string; title: string; url: string | null },
  marker: SavedMarker | undefined,
) {
  const { removeItems, saveArticle } = await import('@/lib/reading-list/popup-actions');
  if (marker) await removeItems([marker.itemId]);
  else await saveArticle(article);
}

/** Captures and saves the page the popup was opened on; returns what to tell the user. */
export async function saveCurrentPage(): Promise<{ ok: boolean; message: string }> {
  const { captureTab, getTabToSave } = await import('@/lib/reading-list/popup-actions');
  const tab = await getTabToSave();
  if (!tab) return { ok: false, message: 'There is no web page to save in this window.' };
  try {
    const item = await captureTab(tab);
    return { ok: true, message: `Saved “${item.title}” for offline reading.` };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
