import { useEffect, useMemo, useState } from 'react';
import { useActiveHit } from '@/components/hooks/use-active-hit';
import { useCatalog } from '@/components/hooks/use-catalog';
import { useLibrarySearch } from '@/components/hooks/use-library-search';
import { describeFirstPaint, isPopupFiltering, searchPopup } from '@/lib/popup/popup-results';
import { type PopupState, savePopupState } from '@/lib/popup/popup-state';
import { searchEngineFor } from '@/lib/search/bundled';

/**
 * The popup's search: query and filters (restored from the last opening), the results (blog
 * articles and the user's library in one list), the active result and a suggestion when nothing matches. Each change is kept, with a picture of what it
 * shows, for the next opening's first paint.
 */
export function usePopupSearch(initialState: PopupState | null) {
  const [state, setState] = useState<PopupState>({
    query: initialState?.query ?? '',
    topic: initialState?.topic ?? null,
    tag: initialState?.tag ?? null,
  });
  // Over the catalog users see: articles learned from the blog are found, with their addresses.
  const { catalog } = useCatalog();
  const engine = searchEngineFor(catalog);
  const isFiltering = isPopupFiltering(state);
  const response = useMemo(() => searchPopup(engine, state), [engine, state]);

  useEffect(() => {
    const picture = isFiltering ? describeFirstPaint(state, response, catalog.byId) : null;
    // Losing it only costs the next opening its first paint (and the restored query): say so, go on.
    savePopupState(state, picture?.results.length ? picture : null).catch((error: unknown) =>
      console.warn('Shelf: could not keep the popup’s search for next time', error),
    );
  }, [state, isFiltering, response, catalog]);

  // Saved pages join the list unless a topic (the blog's) narrows it; a tag keeps those the user gave it.
  const library = useLibrarySearch(state.query, response, catalog, state.topic === null, state.tag ?? undefined);
  const hits = isFiltering ? library.response.hits : [];
  // "Did you mean" only when nothing matches at all, in the articles or the library.
  const suggestion = isFiltering ? library.response.suggestion : null;
  const { activeIndex, active, setActiveIndex, move, reset } = useActiveHit(hits);

  return {
    ...state,
    isFiltering,
    response: library.response,
    snippets: library.snippets,
    /** The snippets made for this query: where a saved page opens. */
    openingSnippets: library.openingSnippets,
    hits,
    librarySearching: library.librarySearching,
    librarySearched: library.librarySearched,
    /** The list is final for this query (see `useLibrarySearch`). */
    settled: library.settled,
    loose: library.response.loose,
    suggestion,
    activeIndex,
    active,
    setActiveIndex,
    /** Changes the query or a filter; the first result becomes the active one. */
    update(patch: Partial<PopupState>) {
      setState((current) => ({ ...current, ...patch }));
      reset();
    },
    move,
  };
}
