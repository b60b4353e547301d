import { useEffect } from 'react';
import type { ReaderSettings } from '@/lib/settings/reader-settings';

/**
 * While the reader is shown, its colours are the whole page's (the root's `data-reader-theme`,
 * which the stylesheet turns into the page's colours: no white margins around a dark column),
 * and in a tab of its own the tab is titled after the article.
 */
export function useReaderDocument(theme: ReaderSettings['readerTheme'] | undefined, title: string | null): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!theme || theme === 'system') delete root.dataset.readerTheme;
    else root.dataset.readerTheme = theme;
    return () => {
      delete root.dataset.readerTheme;
    };
  }, [theme]);

  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
