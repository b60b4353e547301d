import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { useCatalog } from '@/components/hooks/use-catalog';
import type { Article } from '@/lib/corpus/article';
import { loadRecentlyOpened } from '@/lib/popup/popup-state';

/**
 * The popup's window id, looked up ahead of time: opening the side panel must happen within the
 * click's user gesture, before anything is awaited.
 */
export function useCurrentWindowId(): RefObject<number | undefined> {
  const windowId = useRef<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows.getCurrent().then((win) => {
      windowId.current = win.id;
    });
  }, []);
  return windowId;
}

/** The articles opened most recently from the popup. */
export function useRecentlyOpened(): Article[] {
  const { catalog } = useCatalog();
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    void loadRecentlyOpened().then(setIds);
  }, []);
  return useMemo(() => ids.flatMap((id) => catalog.byId(id) ?? []), [ids, catalog]);
}
