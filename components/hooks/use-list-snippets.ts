import { useMemo } from 'react';
import { useSnippets } from '@/components/hooks/use-library-search';
import { type FoundItems, type ListRow, snippetRequestOf, snippetRowIds } from '@/lib/reading-list/list-query';
import type { Snippet } from '@/lib/search/snippet';
import type { UnifiedResponse } from '@/lib/search/unified';

const NO_REQUEST: UnifiedResponse = { hits: [], loose: false, matchedTerms: new Set(), prefix: null, suggestion: null };
const NO_SNIPPETS: ReadonlyMap<string, Snippet> = new Map();

/**
 * The snippets of the reading list's found rows: the passage of each saved copy (or the note) the
 * search found, as the popup shows under a saved page. `shown`: the last made, kept on screen while
 * the next search's are read (the rows do not jump at each keystroke); `opening`: this search's only,
 * where an item opened from the list opens (review: it opened at the previous search's passage).
 * Made again when the search or the rows given one change, not when a row's details do (the list is
 * live; a quoted search's `found` is new at every change of the items, its hits and reading are not).
 */
export function useListSnippets(
  found: FoundItems | null,
  rows: readonly ListRow[],
): { shown: ReadonlyMap<string, Snippet>; opening: ReadonlyMap<string, Snippet> } {
  const ids = useMemo(() => (found ? snippetRowIds(found, rows).join('\n') : ''), [found, rows]);
  const hits = found?.hits;
  const reading = found?.reading;
  const loosely = found?.loosely ?? false;
  const request = useMemo(
    () => (hits && ids ? snippetRequestOf({ hits, reading, loosely }, ids.split('\n')) : NO_REQUEST),
    [hits, reading, loosely, ids],
  );
  const made = useSnippets(request);
  const current = made.madeFor === request;
  return {
    shown: current || request.hits.length > 0 ? made.snippets : NO_SNIPPETS,
    opening: current ? made.snippets : NO_SNIPPETS,
  };
}
