import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { Article } from '@/lib/corpus/article';
import { articleIdOfItem } from '@/lib/db/ids';
import { getBundledRelatedEngine, relatedEngineFor } from '@/lib/related/bundled';
import { LOOSELY_RELATED_CONFIDENCE } from '@/lib/related/engine';
import { getBundledSearchEngine, searchEngineFor } from '@/lib/search/bundled';
import { countWords } from '@/lib/search/text';

/** Below this many words, a text is a query (typos, prefixes matter); above, a document. */
export const QUERY_WORDS = 12;
/** When nothing is closely related, at most this many loosely related articles are offered. */
const LOOSE_SHOWN = 3;
/**
 * Of a closely related text's articles, those under this share of the best one's confidence are not
 * listed: a paragraph on standalone Wasm files listed the WebAssembly article and nine on mentoring,
 * Redis eviction and the like (QA pass). On the passages and documentation pages of `npm run eval`
 * that match (160), the lists went from 10 articles to 5.4 on average, a wanted article left in 155
 * (157 before; at 0.3: 7.2 and 156, at 0.5: 4.1 and 154). Measured again once matching read the
 * share of known words and Markdown without its code blocks: 158 match, 5.8 articles listed on average,
 * a wanted one in 152.
 */
const LISTED_SHARE_OF_BEST = 0.4;

/**
 * Of a short selection's search results, those under this share of the best one's search score are
 * not listed: search lists up to ten with no closeness cut, and "asyncio.Queue" listed *Knowing When
 * Architecture Is Overkill* at 1.04 against 8.9 (QA pass). Search's confidence does not tell them apart
 * (0.6 is a result's). On the 611 questions and searches of `npm run eval` (search-queries.json and
 * search-confidence.json's intent sets) under QUERY_WORDS words, 597 list a wanted article in their ten;
 * at 0.15 the lists go from 8.0 articles to 3.2 on average and one wanted article is dropped (at 0.1:
 * 4.0 and none; at 0.2: 2.7 and four; at 0.4: 1.8 and eleven), none of the 157 of four words or fewer.
 */
const LISTED_SCORE_SHARE_OF_BEST = 0.15;

/** Of a matched text's related articles, those at LISTED_SHARE_OF_BEST of the best one's confidence or more. */
export function closeToBest<T extends { confidence: number }>(results: readonly T[]): T[] {
  const best = Math.max(...results.map((r) => r.confidence));
  return results.filter((r) => r.confidence >= LISTED_SHARE_OF_BEST * best);
}

export interface FoundRelated {
  articles: Article[];
  /**
   * False when nothing in the library is closely related: the articles are then only the few
   * loosely related ones, or none for text about nothing the library covers.
   */
  matched: boolean;
}

/**
 * Articles related to what the user right-clicked: short texts (a selection of a few words, a link)
 * go through search, which tolerates typos; longer texts (a paragraph, a page) through content
 * similarity. Either way a calibrated threshold decides whether anything matches: search's confidence,
 * or the strength of `RelatedResponse`.
 */
export function findRelated(
  text: string,
  {
    title = '',
    limit = 10,
    excludeId,
    catalog,
  }: { title?: string; limit?: number; excludeId?: string; catalog?: EffectiveCatalog } = {},
): FoundRelated {
  // Counted as search counts them: a paragraph of Chinese is many words, not one.
  const words = countWords(text);
  const notExcluded = (article: Article) => article.id !== excludeId;
  if (words < QUERY_WORDS && !title) {
    // The page's text, not a query typed with quotes: none of its quoted runs is a phrase required (red-team pass).
    const { results, loose } = (catalog ? searchEngineFor(catalog) : getBundledSearchEngine()).search(text, {
      limit,
      typing: false,
      quotedPhrases: false,
    });
    const best = Math.max(...results.map((r) => r.score));
    const articles = results
      .filter((r) => r.score >= LISTED_SCORE_SHARE_OF_BEST * best)
      .map((r) => r.article)
      .filter(notExcluded);
    if (articles.length > 0) return { articles, matched: true };
    return {
      articles: loose
        .map((r) => r.article)
        .filter(notExcluded)
        .slice(0, LOOSE_SHOWN),
      matched: false,
    };
  }
  const { matched, results } = (catalog ? relatedEngineFor(catalog) : getBundledRelatedEngine()).related(
    { title, text },
    { limit, excludeId },
  );
  if (matched) return { articles: closeToBest(results).map((r) => r.article), matched };
  // Loosely related articles offered when nothing matches: those at LOOSELY_RELATED_CONFIDENCE or more
  // (the floor of matching too). On the related sets of `npm run eval` (the seven documentation sets
  // CI reads, passages, real pages), 35 of the 105 unrelated texts left unmatched are offered loosely
  // related articles, and 17 of the 53 relevant texts left unmatched offer a wanted article among them
  // (31 of 101 and 27 of 69 before matching read the share of known words and Markdown without its code
  // blocks; 42 of 93 and 30 of 65 while the confidence read every word undiscounted).
  const loose = results.filter((r) => r.confidence >= LOOSELY_RELATED_CONFIDENCE).slice(0, LOOSE_SHOWN);
  return { articles: loose.map((r) => r.article), matched };
}

/**
 * The blog article a "Find related" was asked from, which is not related to itself: the blog's page
 * the user was on, or the saved article read in Shelf's reader (QA pass: "Find related" on
 * *Thundering Herd*'s page listed *Thundering Herd* first).
 */
export function askedFromArticle(
  { url, itemId }: { url?: string; itemId?: string },
  catalog: Pick<EffectiveCatalog, 'byUrl'>,
): string | undefined {
  const fromPage = url ? catalog.byUrl(url)?.id : undefined;
  if (fromPage) return fromPage;
  return (itemId && articleIdOfItem(itemId)) ?? undefined;
}
