import { useMemo } from 'react';
import { type KeptActiveHit, useActiveHit } from '@/components/hooks/use-active-hit';
import { useCatalog } from '@/components/hooks/use-catalog';
import { useLibrarySearch } from '@/components/hooks/use-library-search';
import { searchEngineFor } from '@/lib/search/bundled';

/**
 * A search over the bundled articles and the user's library, with an active result moved by ↑/↓.
 * The query is the caller's state, so that it outlives the search box (Back returns to it), and so
 * may the active result be (`kept`).
 */
export function useShelfSearch(query: string, setQuery: (query: string) => void, kept?: KeptActiveHit) {
  // Over the catalog users see: articles learned from the blog are found too.
  const { catalog } = useCatalog();
  const engine = searchEngineFor(catalog);
  const bundled = useMemo(() => engine.search(query, { limit: 20, suggest: true }), [engine, query]);
  const { response, snippets, openingSnippets, librarySearching, settled } = useLibrarySearch(query, bundled, catalog);
  const { hits } = response;
  const { activeIndex, active, setActiveIndex, move, reset } = useActiveHit(hits, kept);
  return {
    query,
    response,
    snippets,
    /** The snippets made for this query: where a saved page opens. */
    openingSnippets,
    hits,
    librarySearching,
    /** The list is final for this query (see `useLibrarySearch`). */
    settled,
    activeIndex,
    active,
    setActiveIndex,
    setQuery(next: string) {
      setQuery(next);
      reset();
    },
    move,
  };
}
