import { matchKey, pairSimilarity, wordPairs } from '@/lib/catalog-updates/text';
import type { Article } from '@/lib/corpus/article';

/**
 * Ties what the blog says about one of its pages to the bundled catalog, honestly: only the same
 * address, the same description (the catalog's summaries are the blog's own listing text) or the
 * same title where the catalog's title is the blog's own. Equality is `matchKey` equality; nothing
 * close is ever linked, it is named as a near miss with the closest article.
 */
export interface PageText {
  /** The page's normalized address on the blog. */
  url: string;
  titles: readonly string[];
  descriptions: readonly string[];
}

export type MatchEvidence = 'url' | 'description' | 'title';

export type CatalogMatch =
  /** The page is this bundled article. */
  | { kind: 'linked'; articleId: string; by: MatchEvidence }
  /** The page is one of the candidate articles of a bundled summary that fits two; `describes`: its description is that summary. */
  | { kind: 'candidate'; articleId: string; describes: boolean }
  | { kind: 'ambiguous'; articleIds: string[]; reason: string }
  | { kind: 'near-miss'; field: 'description' | 'title'; closest: NearestArticle }
  | { kind: 'none' };

export interface NearestArticle {
  id: string;
  title: string;
  /** Dice similarity of word pairs, 0–1, rounded to two places. */
  similarity: number;
}

export interface CatalogMatcher {
  match(page: PageText): CatalogMatch;
  /** True if one of these descriptions is exactly this article's summary. */
  describes(articleId: string, descriptions: readonly string[]): boolean;
}

/** Below this, two texts are merely about similar things; at or above it, one looks like an edit of the other. */
export const NEAR_MISS_SIMILARITY = 0.5;

const STRENGTH: readonly MatchEvidence[] = ['url', 'description', 'title'];

function addTo(index: Map<string, string[]>, key: string, id: string) {
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
}

export function createCatalogMatcher(articles: readonly Article[]): CatalogMatcher {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const byUrl = new Map<string, string>();
  const candidateOf = new Map<string, string>();
  const bySummary = new Map<string, string[]>();
  const byTitle = new Map<string, string[]>();
  const summaryPairs: Array<{ article: Article; pairs: Set<string> }> = [];
  const titlePairs: Array<{ article: Article; pairs: Set<string> }> = [];
  for (const article of articles) {
    if (article.url) byUrl.set(article.url, article.id);
    for (const match of article.possibleMatches) candidateOf.set(match.url, article.id);
    // A summary the listing cut off ("Poor error handling is the") is no article's description.
    if (!article.summaryTruncated) {
      addTo(bySummary, matchKey(article.summary), article.id);
      summaryPairs.push({ article, pairs: wordPairs(article.summary) });
    }
    if (article.titleSource === 'catalog') {
      addTo(byTitle, matchKey(article.title), article.id);
      titlePairs.push({ article, pairs: wordPairs(article.title) });
    }
  }

  const nearest = (texts: readonly string[], pool: typeof summaryPairs): NearestArticle | null => {
    let best: NearestArticle | null = null;
    for (const text of texts) {
      const pairs = wordPairs(text);
      for (const { article, pairs: other } of pool) {
        const similarity = pairSimilarity(pairs, other);
        if (!best || similarity > best.similarity) best = { id: article.id, title: article.title, similarity };
      }
    }
    return best && { ...best, similarity: Math.round(best.similarity * 100) / 100 };
  };

  const describes = (articleId: string, descriptions: readonly string[]) =>
    descriptions.some((text) => bySummary.get(matchKey(text))?.includes(articleId) ?? false);

  return {
    describes,
    match(page) {
      const found = new Map<string, MatchEvidence>();
      const note = (id: string, by: MatchEvidence) => {
        const previous = found.get(id);
        if (!previous || STRENGTH.indexOf(by) < STRENGTH.indexOf(previous)) found.set(id, by);
      };
      const urlId = byUrl.get(page.url);
      if (urlId) note(urlId, 'url');
      for (const [field, texts, index] of [
        ['description', page.descriptions, bySummary],
        ['title', page.titles, byTitle],
      ] as const) {
        for (const text of texts) {
          const ids = index.get(matchKey(text)) ?? [];
          if (ids.length > 1) {
            return { kind: 'ambiguous', articleIds: ids, reason: `its ${field} matches ${ids.length} articles` };
          }
          if (ids[0]) note(ids[0], field);
        }
      }

      const candidateFor = candidateOf.get(page.url);
      const ids = [...found.keys()];
      if (candidateFor) {
        const others = ids.filter((id) => id !== candidateFor);
        if (others.length === 0) {
          return { kind: 'candidate', articleId: candidateFor, describes: found.get(candidateFor) === 'description' };
        }
        return {
          kind: 'ambiguous',
          articleIds: [candidateFor, ...others],
          reason: 'it is a candidate page of one article but its text matches another',
        };
      }
      if (ids.length > 1) {
        const how = ids.map((id) => `${found.get(id)} of ${id}`).join(', ');
        return { kind: 'ambiguous', articleIds: ids, reason: `its text matches different articles (${how})` };
      }
      const [id] = ids;
      if (id) {
        const article = byId.get(id);
        if (article?.url && article.url !== page.url) {
          return {
            kind: 'ambiguous',
            articleIds: [id],
            reason: `it matches an article whose address is ${article.url}`,
          };
        }
        if (article && article.possibleMatches.length > 0) {
          return {
            kind: 'ambiguous',
            articleIds: [id],
            reason: 'its description fits an article that is one of two other pages',
          };
        }
        return { kind: 'linked', articleId: id, by: found.get(id) ?? 'description' };
      }

      const description = nearest(page.descriptions, summaryPairs);
      const title = nearest(page.titles, titlePairs);
      const closest = [
        description && ({ field: 'description', closest: description } as const),
        title && ({ field: 'title', closest: title } as const),
      ]
        .filter((near) => near !== null)
        .sort((a, b) => b.closest.similarity - a.closest.similarity)[0];
      if (closest && closest.closest.similarity >= NEAR_MISS_SIMILARITY) return { kind: 'near-miss', ...closest };
      return { kind: 'none' };
    },
  };
}
