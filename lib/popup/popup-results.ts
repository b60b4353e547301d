import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getTopicLabel, type TopicId } from '@/lib/corpus/topics';
import type { FirstPaint } from '@/lib/popup/first-paint';
import type { PopupState } from '@/lib/popup/popup-state';
import type { SearchEngine, SearchResponse, SearchResult } from '@/lib/search/engine';
import { getHighlightRanges, splitAtHighlights } from '@/lib/search/highlight';

/** How many results the popup lists. */
export const POPUP_RESULT_LIMIT = 20;

/** Whether the popup has anything to search by (a query or a filter), or shows its start page. */
export function isPopupFiltering({ query, topic, tag }: PopupState): boolean {
  return query.trim() !== '' || topic !== null || tag !== null;
}

/** The popup's search: the query within the chosen topic and tag. */
export function searchPopup(engine: SearchEngine, { query, topic, tag }: PopupState): SearchResponse {
  return engine.search(query, {
    limit: POPUP_RESULT_LIMIT,
    topic: topic ?? undefined,
    tag: tag ?? undefined,
    suggest: true,
  });
}

/**
 * What the popup lists: the results, or when no article is about the query, the articles loosely
 * related to it (never presented as results).
 */
export function listedResults(response: SearchResponse): { results: SearchResult[]; loose: boolean } {
  const loose = response.results.length === 0 && response.loose.length > 0;
  return { results: loose ? response.loose : response.results, loose };
}

/** "Top 20 results", "3 results", "1 result"; "Loosely related" for articles that are only that. */
export function describeResultCount(count: number, loose = false): string {
  if (loose) return 'Loosely related';
  const shown = count === POPUP_RESULT_LIMIT ? `Top ${POPUP_RESULT_LIMIT}` : String(count);
  return `${shown} result${count === 1 ? '' : 's'}`;
}

/** The line under a result's title: "Caching & Redis · cache-stampede, ttl". */
export function describeResultTopic(article: Article): string {
  return `${getTopicLabel(article.topic)} · ${article.tags.join(', ')}`;
}

let filterTags: ReadonlyArray<readonly [string, number]> | undefined;

/** The tag filter's choices: tags used by at least two articles, with counts; computed on first use. */
export function getFilterTags(): ReadonlyArray<readonly [string, number]> {
  filterTags ??= [
    ...ARTICLES.flatMap((a) => a.tags).reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>()),
  ]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => a[0].localeCompare(b[0]));
  return filterTags;
}

/** A tag filter choice as listed: "idempotency (7)". */
export function describeFilterTag([name, count]: readonly [string, number]): string {
  return `${name} (${count})`;
}

/** The search box's placeholder. */
export function describeSearchPlaceholder(): string {
  return `Search ${ARTICLES.length} articles — typos are fine`;
}

/** What the popup shows for a search with results, kept so that reopening can paint it at once. */
export function describeFirstPaint(state: PopupState, response: SearchResponse): FirstPaint {
  const { matchedTerms, prefix } = response;
  const listed = listedResults(response);
  const tag = state.tag === null ? undefined : getFilterTags().find(([name]) => name === state.tag);
  return {
    query: state.query,
    placeholder: describeSearchPlaceholder(),
    topicChoice: state.topic === null ? 'All topics' : getTopicLabel(state.topic as TopicId),
    tagChoice: tag ? describeFilterTag(tag) : 'All tags',
    count: describeResultCount(listed.results.length, listed.loose),
    results: listed.results.map(({ article }) => ({
      title: splitAtHighlights(article.title, getHighlightRanges(article.title, matchedTerms, prefix)),
      topic: describeResultTopic(article),
      summary: splitAtHighlights(article.summary, getHighlightRanges(article.summary, matchedTerms, prefix)),
    })),
  };
}
