import type { Article } from '@/lib/corpus/article';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { getBundledSearchEngine } from '@/lib/search/bundled';

/** Below this many words, a text is a query (typos, prefixes matter); above, a document. */
const QUERY_WORDS = 12;

export interface FoundRelated {
  articles: Article[];
  /** False when nothing in the library is closely related (the articles are only the nearest). */
  matched: boolean;
}

/**
 * Articles related to what the user right-clicked: short texts (a selection of a few words, a link)
 * go through search, which tolerates typos; longer texts (a paragraph, a page) through content
 * similarity.
 */
export function findRelated(
  text: string,
  { title = '', limit = 10, excludeId }: { title?: string; limit?: number; excludeId?: string } = {},
): FoundRelated {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < QUERY_WORDS && !title) {
    const results = getBundledSearchEngine().search(text, { limit, typing: false }).results;
    const articles = results.map((r) => r.article).filter((a) => a.id !== excludeId);
    return { articles, matched: articles.length > 0 };
  }
  const { matched, results } = getBundledRelatedEngine().related({ title, text }, { limit, excludeId });
  return { articles: results.map((r) => r.article), matched };
}
