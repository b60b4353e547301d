import { useState } from 'react';
import type { Article } from '@/lib/corpus/article';
import type { SavedMarker } from '@/lib/db/queries';
import { describeSavedToggle, type SaveNotice } from '@/lib/popup/popup-results';
import { toggleSavedLater } from '@/lib/reading-list/saved-state-loader';

/**
 * Saving or unsaving a bundled article from the popup, and what it did: said aloud (Alt+S changes
 * nothing else a screen reader would read), and shown when it failed.
 */
export function useSavedToggle(markers: ReadonlyMap<string, SavedMarker>) {
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const toggle = (article: Article) => {
    const marker = markers.get(article.id);
    toggleSavedLater(article, marker).then(
      () => setNotice(describeSavedToggle(article.title, Boolean(marker))),
      (error: unknown) => setNotice(describeSavedToggle(article.title, Boolean(marker), error)),
    );
  };
  return { notice, toggle };
}
