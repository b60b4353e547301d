import { useMemo, useState } from 'react';
import { useCatalog } from '@/components/hooks/use-catalog';
import { useLibrarySearch } from '@/components/hooks/use-library-search';
import { searchEngineFor } from '@/lib/search/bundled';

/** A search over the bundled articles and the user's library, with an active result moved by ↑/↓. */
export function useShelfSearch() {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  // Over the catalog users see: articles learned from the blog are found too.
  const { catalog } = useCatalog();
  const engine = searchEngineFor(catalog);
  const bundled = useMemo(() => engine.search(query, { limit: 20, suggest: true }), [engine, query]);
  const { response, snippets } = useLibrarySearch(query, bundled, catalog);
  const { hits } = response;
  return {
    query,
    response,
    snippets,
    hits,
    activeIndex,
    active: hits[activeIndex] ?? null,
    setActiveIndex,
    setQuery(next: string) {
      setQuery(next);
      setActiveIndex(0);
    },
    move(step: number) {
      setActiveIndex((index) => Math.max(0, Math.min(index + step, hits.length - 1)));
    },
  };
}
