import { useEffect, useMemo, useState } from 'react';
import { useCatalog } from '@/components/hooks/use-catalog';
import type { Article } from '@/lib/corpus/article';
import { describeFirstPaint, isPopupFiltering, listedResults, searchPopup } from '@/lib/popup/popup-results';
import { type PopupState, savePopupState } from '@/lib/popup/popup-state';
import { searchEngineFor } from '@/lib/search/bundled';

/**
 * The popup's search: query and filters (restored from the last opening), the results, the active
 * result and a suggestion when nothing matches. Each change is kept, with a picture of what it
 * shows, for the next opening's first paint.
 */
export function usePopupSearch(initialState: PopupState | null) {
  const [state, setState] = useState<PopupState>({
    query: initialState?.query ?? '',
    topic: initialState?.topic ?? null,
    tag: initialState?.tag ?? null,
  });
  const [activeIndex, setActiveIndex] = useState(0);
  // Over the catalog users see: articles learned from the blog are found, with their addresses.
  const engine = searchEngineFor(useCatalog().catalog);
  const isFiltering = isPopupFiltering(state);
  const response = useMemo(() => searchPopup(engine, state), [engine, state]);
  // The results, or when no article is about the query, what is loosely related (said so).
  const listed = listedResults(response);

  useEffect(() => {
    const shown = isFiltering && listedResults(response).results.length > 0;
    // Losing it only costs the next opening its first paint (and the restored query): say so, go on.
    savePopupState(state, shown ? describeFirstPaint(state, response) : null).catch((error: unknown) =>
      console.warn('Shelf: could not keep the popup’s search for next time', error),
    );
  }, [state, isFiltering, response]);

  const results: Article[] = isFiltering ? listed.results.map((r) => r.article) : [];
  // "Did you mean" only when nothing matches at all (the engine asks only then).
  const suggestion = isFiltering ? response.suggestion : null;

  return {
    ...state,
    isFiltering,
    response,
    results,
    loose: listed.loose,
    suggestion,
    activeIndex,
    active: results[activeIndex] ?? null,
    setActiveIndex,
    /** Changes the query or a filter; the first result becomes the active one. */
    update(patch: Partial<PopupState>) {
      setState((current) => ({ ...current, ...patch }));
      setActiveIndex(0);
    },
    /** Moves the active result by `step`, staying within the results. */
    move(step: number) {
      setActiveIndex((index) => Math.max(0, Math.min(index + step, results.length - 1)));
    },
  };
}
