import { useMemo, useState } from 'react';
import { useLibrarySearch } from '@/components/hooks/use-library-search';
import { getBundledSearchEngine } from '@/lib/search/bundled';

/** A search over the bundled articles and the user's library, with an active result moved by ↑/↓. */
export function useShelfSearch() {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const engine = getBundledSearchEngine();
  const bundled = useMemo(() => engine.search(query, { limit: 20, suggest: true }), [engine, query]);
  const { response, snippets } = useLibrarySearch(query, bundled);
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
