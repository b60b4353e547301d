import { useCallback, useEffect, useMemo, useRef } from 'react';
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
  const { snippets } = useSnippets(response);
  // Each click takes a ticket; a reader view read too slowly is dropped once another click, another
  // "Find related" or leaving the view came after it, so the panel never jumps to a page late.
  const latestClick = useRef(0);
  useEffect(
    () => () => {
      latestClick.current++;
    },
    [view],
  );
  /** Opens the reader at the page's passage, read from its copy when chosen before its snippet was. */
  const open = useCallback(
    (hit: SearchHit & { kind: 'page' }, onShow: (view: SidePanelView) => void) => {
      const ticket = ++latestClick.current;
      void relatedPageView(hit, snippets, response, async (itemId) => (await getCapturedTexts([itemId])).get(itemId))
        .then((readerView) => {
          if (ticket === latestClick.current) onShow(readerView);
        })
        .catch((error: unknown) => console.warn('Shelf: could not open the saved page', error));
    },
    [snippets, response],
  );
  // Until the library is read (or when it cannot be), nothing is known of the user's pages.
  return { response, snippets, open, libraryRead: index !== null };
}
