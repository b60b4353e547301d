import { useMemo } from 'react';
import { useLibraryIndex, useSnippets } from '@/components/hooks/use-library-search';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { relatedEngineFor } from '@/lib/related/bundled';
import { findRelatedSaved } from '@/lib/related/library-related';
import { NO_LIBRARY_RESPONSE, type SearchHit, type UnifiedResponse } from '@/lib/search/unified';
import type { SidePanelView } from '@/lib/side-panel/view';

const SAVED_LIMIT = 5;

/** The user's saved pages related to what they right-clicked, as page hits with snippets of the matching passage. */
export function useRelatedSaved(view: Extract<SidePanelView, { kind: 'related' }>, catalog: EffectiveCatalog) {
  const { index, version } = useLibraryIndex();
  // `version` changes when the index changed in place.
  const response = useMemo((): UnifiedResponse => {
    const library = index
      ? findRelatedSaved(
          index,
          relatedEngineFor(catalog),
          { title: view.title, text: view.query },
          { limit: SAVED_LIMIT, excludeUrl: view.url },
        )
      : NO_LIBRARY_RESPONSE;
    const hits = library.results.map(
      (page): SearchHit => ({ kind: 'page', key: page.itemId, page, confidence: page.confidence }),
    );
    return { hits, loose: false, matchedTerms: library.matchedTerms, prefix: null, suggestion: null };
  }, [index, version, view, catalog]);
  const snippets = useSnippets(response);
  return { response, snippets };
}
