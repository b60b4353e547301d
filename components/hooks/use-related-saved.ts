import { useCallback, useMemo } from 'react';
import { useLibraryIndex, useSnippets } from '@/components/hooks/use-library-search';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { getCapturedTexts } from '@/lib/db/library-documents';
import { relatedEngineFor } from '@/lib/related/bundled';
import { findRelatedSaved, relatedPageView } from '@/lib/related/library-related';
import { NO_LIBRARY_RESPONSE, type SearchHit, type UnifiedResponse } from '@/lib/search/unified';
import type { SidePanelView } from '@/lib/side-panel/view';

const SAVED_LIMIT = 5;

/**
 * The user's saved pages related to what they right-clicked (not the page or saved item it was
 * in), as page hits with snippets of the matching passage, and the reader view each opens.
 */
export function useRelatedSaved(view: Extract<SidePanelView, { kind: 'related' }>, catalog: EffectiveCatalog) {
  const { index, version } = useLibraryIndex();
  // `version` changes when the index changed in place.
  const response = useMemo((): UnifiedResponse => {
    const library = index
      ? findRelatedSaved(
          index,
          relatedEngineFor(catalog),
          { title: view.title, text: view.query },
          { limit: SAVED_LIMIT, excludeUrl: view.url, excludeItemId: view.itemId },
        )
      : NO_LIBRARY_RESPONSE;
    const hits = library.results.map(
      (page): SearchHit => ({ kind: 'page', key: page.itemId, page, confidence: page.confidence }),
    );
    return { hits, loose: false, matchedTerms: library.matchedTerms, prefix: null, suggestion: null };
  }, [index, version, view, catalog]);
  const snippets = useSnippets(response);
  /** The reader at the page's passage, read from its copy when chosen before its snippet was. */
  const readerView = useCallback(
    (hit: SearchHit & { kind: 'page' }) =>
      relatedPageView(hit, snippets, response, async (itemId) => (await getCapturedTexts([itemId])).get(itemId)),
    [snippets, response],
  );
  return { response, snippets, readerView };
}
