import type { Article } from '@/lib/corpus/article';
import { ARTICLES, getArticleById } from '@/lib/corpus/catalog';
import { getTopicLabel, type TopicId } from '@/lib/corpus/topics';
import { writeFailureReason } from '@/lib/db/errors';
import type { SavedMarker } from '@/lib/db/queries';
import type { FirstPaint } from '@/lib/popup/first-paint';
import type { PopupState } from '@/lib/popup/popup-state';
import type { SearchEngine, SearchResponse } from '@/lib/search/engine';
import { getHighlightRanges, splitAtHighlights } from '@/lib/search/highlight';
import { describeSavedMarker, type ResultRow } from '@/lib/search/result-row';
import { shownLine } from '@/lib/search/shown-line';
import type { Snippet } from '@/lib/search/snippet';
import {
  describeMatchReasons,
  mergeSearch,
  NO_LIBRARY_RESPONSE,
  type SearchHit,
  snippetSourceOf,
  type UnifiedResponse,
  withExactTitleFirst,
} from '@/lib/search/unified';

/** How many results the popup lists. */
export const POPUP_RESULT_LIMIT = 20;

/** What saving or unsaving a result from the popup did: said to screen readers, shown when it failed. */
export interface SaveNotice {
  ok: boolean;
  text: string;
}

export function describeSavedToggle(title: string, wasSaved: boolean, error?: unknown): SaveNotice {
  if (error === undefined)
    return {
      ok: true,
      text: wasSaved ? `Removed “${title}” from your reading list.` : `Saved “${title}” to your reading list.`,
    };
  return { ok: false, text: `Could not ${wasSaved ? 'remove' : 'save'} “${title}”. ${writeFailureReason(error)}` };
}

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

/** "Top 20 results", "3 results", "1 result"; "Loosely related" for articles that are only that. */
export function describeResultCount(count: number, loose = false): string {
  if (loose) return 'Loosely related';
  const shown = count === POPUP_RESULT_LIMIT ? `Top ${POPUP_RESULT_LIMIT}` : String(count);
  return `${shown} result${count === 1 ? '' : 's'}`;
}

/**
 * Which results a status line's count speaks for: its node is keyed by them, so a new list is said even
 * in the words of the last one (QA pass: "1 result" for `rivalry`, then "1 result" for `Straßenbahn`,
 * changed nothing in the line, and a screen reader said nothing), and the same list, a word typed on,
 * is not said again at each key (review).
 */
export function resultsStatusKey(hits: readonly { key: string }[], loose: boolean): string {
  return `${loose ? 'loose' : 'hits'}\n${hits.map((hit) => hit.key).join('\n')}`;
}

/** The line under a result's title: "Caching & Redis · cache-stampede, ttl". */
export function describeResultTopic(article: Article): string {
  return `${getTopicLabel(article.topic)} · ${article.tags.join(', ')}`;
}

type TagCounts = ReadonlyArray<readonly [string, number]>;
const filterTagsOf = new WeakMap<readonly Pick<Article, 'tags'>[], TagCounts>();

/**
 * The tag filter's choices among the articles (the bundled catalog's unless given): tags used by at
 * least two articles, with counts; computed once per list.
 */
export function getFilterTags(articles: readonly Pick<Article, 'tags'>[] = ARTICLES): TagCounts {
  let tags = filterTagsOf.get(articles);
  if (!tags) {
    tags = [
      ...articles.flatMap((a) => a.tags).reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>()),
    ]
      .filter(([, count]) => count >= 2)
      .sort((a, b) => a[0].localeCompare(b[0]));
    filterTagsOf.set(articles, tags);
  }
  return tags;
}

/** The articles tags are counted among: the catalog users see (`EffectiveCatalog`), or the bundle's. */
export interface TaggedArticles {
  articles: readonly Pick<Article, 'tags'>[];
  byId(id: string): Pick<Article, 'tags'> | undefined;
}
const BUNDLED_ARTICLES: TaggedArticles = { articles: ARTICLES, byId: getArticleById };

/**
 * The tag filter's choices with the user's own tags: an article tag's count counts the saved items
 * with it too (a blog article once, whether or not the user gave it its own tag), and a tag only the
 * user uses is a choice of its own (QA pass: the filter offered the blog's tags alone, and a saved page
 * tagged "redis" was not among "redis (8)"). Articles are those of `catalog`, which the popup's search
 * filters (QA pass: articles learned from the blog were looked up in the bundle, so neither their own
 * tags nor a saved one's were counted as a bundled article's are). By name; the chosen tag stays a
 * choice while the user's tags are read, or once no item has it.
 */
export function filterTagChoices(
  taggedItems: ReadonlyArray<{ articleId: string | null; tags: readonly string[] }>,
  chosen: string | null = null,
  catalog: TaggedArticles = BUNDLED_ARTICLES,
): TagCounts {
  const counts = new Map<string, number>(getFilterTags(catalog.articles));
  const byCase = new Map([...counts.keys()].map((name) => [name.toLowerCase(), name]));
  for (const { articleId, tags } of taggedItems) {
    const own = articleId === null ? [] : (catalog.byId(articleId)?.tags ?? []).map((tag) => tag.toLowerCase());
    for (const tag of new Set(tags.map((written) => written.toLowerCase()))) {
      if (own.includes(tag) && counts.has(byCase.get(tag) ?? tag)) continue;
      const name = byCase.get(tag) ?? tags.find((written) => written.toLowerCase() === tag) ?? tag;
      byCase.set(tag, name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  if (chosen !== null && !byCase.has(chosen.toLowerCase())) counts.set(chosen, 0);
  return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
}

/** A tag filter choice as listed: "idempotency (7)"; a chosen tag nothing is known to have, by its name. */
export function describeFilterTag([name, count]: readonly [string, number]): string {
  return count > 0 ? `${name} (${count})` : name;
}

/** The search box's placeholder: saved pages are searched too (QA pass: it named the articles alone). */
export function describeSearchPlaceholder(): string {
  return `Search ${ARTICLES.length} articles and your saved pages`;
}

/** The rows a result list shows for `hits`: the view model its renderer (and the popup's first paint) draws. */
export function describeResultRows(
  hits: readonly SearchHit[],
  { matchedTerms, prefix }: Pick<UnifiedResponse, 'matchedTerms' | 'prefix'>,
  markers: ReadonlyMap<string, SavedMarker>,
  snippets: ReadonlyMap<string, Snippet>,
  /** How many highlights each saved item has (by item id): a result shows the count (issue #16). */
  highlightCounts: ReadonlyMap<string, number> = new Map(),
): ResultRow[] {
  const marked = (text: string) => splitAtHighlights(text, getHighlightRanges(text, matchedTerms, prefix));
  const withCount = (badge: string, itemId: string | undefined) =>
    [badge, describeHighlightCount(itemId === undefined ? 0 : (highlightCounts.get(itemId) ?? 0))]
      .filter(Boolean)
      .join(' · ');
  return hits.map((hit) => {
    const reasons = describeMatchReasons(hit);
    const source = snippetSourceOf(hit);
    const snippet = source === null ? undefined : snippets.get(source);
    if (hit.kind === 'article') {
      const { article } = hit;
      const marker = markers.get(article.id);
      const badge = withCount(describeSavedMarker(marker), hit.itemId ?? marker?.itemId);
      return {
        kind: 'article',
        title: marked(article.title),
        topic: describeResultTopic(article),
        badge,
        reasons,
        // Found in its saved copy, or by the user's note or highlight: what matched, as a saved page shows it.
        summary: snippet ? splitAtHighlights(snippet.text, snippet.ranges) : marked(article.summary),
      };
    }
    const summary = snippet ? splitAtHighlights(snippet.text, snippet.ranges) : null;
    // A saved page's title and site are the page's own words: shown as plain lines, as its snippet is.
    return {
      kind: 'page',
      title: marked(shownLine(hit.page.title)),
      // Matched by its author: the row names them, as it names the site ("Ars Technica · Dan Goodin").
      topic: siteLine(hit.page.site, hit.page.reasons.includes('author') ? hit.page.byline : null),
      badge: withCount('', hit.page.itemId),
      reasons,
      summary,
    };
  });
}

/** A saved page's site, and its author when the author matched: "Ars Technica · Dan Goodin", never a name twice. */
function siteLine(site: string, author: string | null | undefined): string {
  const shownSite = shownLine(site);
  const shownAuthor = shownLine(author ?? '');
  return shownAuthor && shownAuthor.toLowerCase() !== shownSite.toLowerCase()
    ? `${shownSite} · ${shownAuthor}`
    : shownSite;
}

/** "1 highlight", "3 highlights", or nothing without any. */
export function describeHighlightCount(count: number): string {
  return count > 0 ? `${count} ${count === 1 ? 'highlight' : 'highlights'}` : '';
}

/**
 * What a reopened popup shows for a search the moment it mounts, kept so that it can paint it at
 * once: the blog's articles, as the live list shows them before the user's library and reading
 * list have been read (saved pages and badges join then, in the live list). The same view
 * model the live list renders, so the live list adopts the painted rows as they are.
 */
export function describeFirstPaint(
  state: PopupState,
  response: SearchResponse,
  getArticle: (id: string) => Article | undefined,
): FirstPaint {
  // Ordered as the live list orders them before the library is read (use-library-search.ts).
  const atOpening = withExactTitleFirst(mergeSearch(response, NO_LIBRARY_RESPONSE, getArticle), state.query);
  // One of the user's own tags is not counted here (the popup's first paint reads no database).
  const tag = state.tag === null ? undefined : getFilterTags().find(([name]) => name === state.tag);
  return {
    query: state.query,
    placeholder: describeSearchPlaceholder(),
    topicChoice: state.topic === null ? 'All topics' : getTopicLabel(state.topic as TopicId),
    tagChoice: tag ? describeFilterTag(tag) : (state.tag ?? 'All tags'),
    count: describeResultCount(atOpening.hits.length, atOpening.loose),
    results: describeResultRows(atOpening.hits, atOpening, new Map(), new Map()),
  };
}
