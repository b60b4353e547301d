import { type RefObject, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Article } from '@/lib/corpus/article';
import { getArticleById } from '@/lib/corpus/catalog';
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
  const [recent, setRecent] = useState<Article[]>([]);
  useEffect(() => {
    void loadRecentlyOpened().then((ids) =>
      setRecent(ids.map(getArticleById).filter((a): a is Article => a !== undefined)),
    );
  }, []);
  return recent;
}
