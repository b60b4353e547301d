import { useEffect, useState } from 'react';
import type { SavedMarker } from '@/lib/db/queries';
import type { SavedItem } from '@/lib/db/schema';
import { sendRequest } from '@/lib/messaging/client';
import { getTabToSave } from '@/lib/tabs/tab-to-save';

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
        void import('@/lib/reading-list/popup-actions').then(({ liveQuery, getSavedMarkers, getSavedPages }) => {
          if (cancelled) return;
          const onError = (error: unknown) => console.warn('Shelf: could not read the reading list', error);
          const subscriptions = [
            liveQuery(() => getSavedMarkers()).subscribe({ next: setMarkers, error: onError }),
            liveQuery(() => getSavedPages()).subscribe({ next: setSavedPages, error: onError }),
          ];
          stop = () => {
            for (const subscription of subscriptions) subscription.unsubscribe();
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

/**
 * Asks the background to capture and save the page the popup was opened on (it finishes even if
 * the popup closes); returns what to tell the user.
 */
export async function saveCurrentPage(): Promise<{ ok: boolean; message: string }> {
  const tab = await getTabToSave();
  if (tab?.id === undefined) return { ok: false, message: 'There is no web page to save in this window.' };
  try {
    const { title } = await sendRequest({ type: 'save-tab', tabId: tab.id });
    return { ok: true, message: `Saved “${title}” for offline reading.` };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
