import { useMemo } from 'react';
import { useSnippets } from '@/components/hooks/use-library-search';
import { type FoundItems, type ListRow, snippetRequestOf, snippetRowIds } from '@/lib/reading-list/list-query';
import type { Snippet } from '@/lib/search/snippet';
import type { UnifiedResponse } from '@/lib/search/unified';

const NO_REQUEST: UnifiedResponse = { hits: [], loose: false, matchedTerms: new Set(), prefix: null, suggestion: null };

/**
 * The snippets of the reading list's found rows: the passage of each saved copy (or the note) the
 * search found, as the popup shows under a saved page. Made again when the search or the rows given
 * one change, not when a row's details do (the list is live).
 */
export function useListSnippets(found: FoundItems | null, rows: readonly ListRow[]): ReadonlyMap<string, Snippet> {
  const ids = useMemo(() => (found ? snippetRowIds(found, rows).join('\n') : ''), [found, rows]);
  const request = useMemo(() => (found && ids ? snippetRequestOf(found, ids.split('\n')) : NO_REQUEST), [found, ids]);
  return useSnippets(request).snippets;
}
