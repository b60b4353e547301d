import { getArticleById } from '@/lib/corpus/catalog';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import type { LibraryIndex } from '@/lib/search/library-index';
import { mergeSearch, type UnifiedResponse, withQueryPhrase } from '@/lib/search/unified';

/** A finished query as the popup answers it: the blog's articles and `library`'s saved pages in one list, read as a phrase. */
export function popupResponse(library: LibraryIndex, query: string): UnifiedResponse {
  return withQueryPhrase(
    mergeSearch(
      getBundledSearchEngine().search(query, { typing: false }),
      library.search(query, { typing: false }),
      getArticleById,
    ),
    query,
  );
}
