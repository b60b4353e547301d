import type { Article } from '@/lib/corpus/article';
import type { ItemStatus, ReadingProgress, SavedItem } from '@/lib/db/schema';
import type { LibraryHit, LibraryIndex, LibraryResponse, MatchReason } from '@/lib/search/library-index';
import { type QueryPhrase, writtenWords } from '@/lib/search/phrase';
import { searchPhrase } from '@/lib/search/quoted';
import type { Snippet } from '@/lib/search/snippet';
import { suggestionOf } from '@/lib/search/suggest';
import { normalizeText } from '@/lib/search/text';
import { readerViewOf, type SearchHit, type UnifiedResponse } from '@/lib/search/unified';
import type { SidePanelView } from '@/lib/side-panel/view';

/** A saved item as the reading list shows it: with its article (if bundled) and progress. */
export interface ListRow {
  item: SavedItem;
  article: Article | undefined;
  progress: number;
}

export type ListSort = 'added' | 'updated' | 'progress';

/**
 * The reading list's views: the queue (what is still to read: unread and reading, the default),
 * everything, or one finished status.
 */
export const LIST_VIEWS = ['queue', 'all', 'done', 'archived'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

/** Whether an item with `status` belongs in `view`. */
export function isInView(status: ItemStatus, view: ListView): boolean {
  return view === 'all' || (view === 'queue' ? status === 'unread' || status === 'reading' : status === view);
}

export interface ListQuery {
  status: ListView;
  topic: string | null;
  tag: string | null;
  text: string;
  sort: ListSort;
}

export const DEFAULT_LIST_QUERY: ListQuery = { status: 'queue', topic: null, tag: null, text: '', sort: 'added' };

export function buildRows(
  items: readonly SavedItem[],
  progress: readonly ReadingProgress[],
  getArticle: (id: string) => Article | undefined,
): ListRow[] {
  const fractions = new Map(progress.map((p) => [p.itemId, p.fraction]));
  return items.map((item) => ({
    item,
    article: item.articleId ? getArticle(item.articleId) : undefined,
    progress: fractions.get(item.id) ?? 0,
  }));
}

/** What the reading list's search found: each item with why it matched, best first. */
export interface FoundItems {
  reasons: ReadonlyMap<string, readonly MatchReason[]>;
  /** The same items as the library search answered them: what a row's snippet is made from (`snippetRequestOf`). */
  hits: ReadonlyMap<string, LibraryHit>;
  /**
   * Nothing saved is about the text, and these items are only loosely related to it (the popup's
   * "Loosely related"): shown as such rather than an empty list, as a search box that filters the
   * list is also how people look for what they half remember.
   */
  loosely: boolean;
  /** When nothing at all is found: a spelling of the text the saved items' words suggest ("Did you mean"). */
  suggestion?: string;
  /** How the search read the text: what the reader looks for to open an item found at its passage. */
  reading?: Pick<LibraryResponse, 'matchedTerms' | 'termWeights' | 'prefix'> & {
    phrase: QueryPhrase | null;
    written: readonly string[];
  };
}

/**
 * The saved items the library search finds for `text` (the engine of the popup: full text, tags,
 * notes, highlights, typos), each with why it matched; when none is about the text, the loosely
 * related ones (`loosely`); when none is even that, the spelling the popup would suggest. Null when
 * there is no text or no index yet.
 */
export function searchLibrary(
  index: LibraryIndex | null,
  text: string,
  /** The text's quoted phrases, when the caller has them already (`quotedPhrases`). */
  quoted?: readonly QueryPhrase[],
): FoundItems | null {
  if (!index || !text.trim() || index.size === 0) return null;
  const { results, loose, spelling, matchedTerms, termWeights, prefix } = index.search(text, {
    limit: index.size,
    suggest: true,
  });
  const loosely = results.length === 0 && loose.length > 0;
  const suggestion = spelling ? suggestionOf([spelling]) : null;
  const found = loosely ? loose : results;
  return {
    reasons: new Map(found.map((hit) => [hit.itemId, hit.reasons])),
    hits: new Map(found.map((hit) => [hit.itemId, hit])),
    loosely,
    ...(suggestion && { suggestion }),
    reading: {
      matchedTerms,
      ...(termWeights && { termWeights }),
      prefix,
      phrase: searchPhrase(text, prefix !== null, [], quoted),
      written: writtenWords(text),
    },
  };
}

/**
 * Where the reader opens a saved item the list's search found, as the popup opens its results: at
 * the passage the search's words find in its copy, or at its note when only the note matched (QA
 * pass: opened from the list's search, a page opened at its last place, the matched passage far off).
 * Nothing without a search, for an item it did not find, or found by what the reader does not show
 * (title, tags, site): the reader opens where the user left off.
 */
export function readerPlaceOf(
  itemId: string,
  found: FoundItems | null,
  /** The rows' snippets (`snippetRequestOf`): the reader opens at the passage its row shows. */
  snippets: ReadonlyMap<string, Snippet> = NO_SNIPPETS,
): ReaderPlace | undefined {
  const reasons = found?.reasons.get(itemId);
  // Found by its title, tags, site or address only: where the user left off (review), as the list is
  // where one goes to read on.
  if (!found?.reading || !isFoundInReader(reasons)) return undefined;
  const { kind: _, itemId: __, ...place } = readerViewOf(itemId, snippets, snippetRequestOf(found, []), reasons);
  return place;
}

/** Where a reader opens, as a reader view says it: at a passage (its words), or at the note. */
export type ReaderPlace = Omit<Extract<SidePanelView, { kind: 'reader' }>, 'kind' | 'itemId'>;

const NO_SNIPPETS: ReadonlyMap<string, Snippet> = new Map();
/** Why an item matched that the reader shows: its copy's text, a highlight, its note. */
const IN_THE_READER: ReadonlySet<MatchReason> = new Set(['text', 'highlight', 'note']);
const isFoundInReader = (reasons: readonly MatchReason[] | undefined) =>
  reasons?.some((reason) => IN_THE_READER.has(reason)) === true;
/** Why an item matched that its row does not show but a snippet can: the reader's, and its tags ("Tags: …"). */
const SHOWN_IN_SNIPPET: ReadonlySet<MatchReason> = new Set([...IN_THE_READER, 'tag']);

/** Rows given a snippet at most: the best found first, as the list shows them while searching. */
export const LIST_SNIPPET_ROWS = 20;

/**
 * The found rows given a snippet, as the popup gives its saved pages one: the first
 * `LIST_SNIPPET_ROWS` in the list's order, found by what the reader shows (their copy's text, a
 * highlight, their note) or by a tag, which the row does not show (QA pass: "Matched your tag" and no
 * tag); not by a title, which the row shows already.
 */
export function snippetRowIds(found: FoundItems, rows: readonly ListRow[]): string[] {
  const ids: string[] = [];
  for (const { item } of rows) {
    if (ids.length === LIST_SNIPPET_ROWS) break;
    const reasons = found.reasons.get(item.id);
    if (found.hits.has(item.id) && reasons?.some((reason) => SHOWN_IN_SNIPPET.has(reason))) ids.push(item.id);
  }
  return ids;
}

/** What the snippets of the rows `ids` (`snippetRowIds`) are made from: the search's reading, as `useSnippets` takes it. */
export function snippetRequestOf(
  found: Pick<FoundItems, 'hits' | 'reading' | 'loosely'>,
  ids: readonly string[],
): UnifiedResponse {
  const hits = ids.flatMap((id): SearchHit[] => {
    const page = found.hits.get(id);
    return page ? [{ kind: 'page', key: id, page, confidence: page.confidence }] : [];
  });
  const {
    matchedTerms = new Set<string>(),
    termWeights,
    prefix = null,
    phrase = null,
    written = [],
  } = found.reading ?? {};
  return {
    hits,
    loose: found.loosely,
    matchedTerms,
    ...(termWeights && { pageTermWeights: termWeights }),
    prefix,
    phrase,
    written,
    suggestion: null,
  };
}

/**
 * What the search found, without the items not holding the text's quoted phrases (`quoted`, as
 * `quotedPhrases` in lib/search/quoted.ts parsed them): `holders` are those whose title, copy, note, highlights or tags were
 * read holding them (null until read: none yet). The same answer when nothing is quoted.
 */
export function foundHoldingQuoted(
  found: FoundItems | null,
  quoted: readonly QueryPhrase[],
  holders: ReadonlySet<string> | null,
): FoundItems | null {
  if (!found || quoted.length === 0) return found;
  return { ...found, reasons: new Map([...found.reasons].filter(([id]) => holders?.has(id) === true)) };
}

/**
 * Filters and sorts rows; newest first for dates, furthest first for progress (the newest first among
 * equals), ids break ties. Text
 * matches the items the library search found (`found`, best first) and, while its index loads, the
 * words in title, note and tags. While searching, the best match comes first, as in the popup (by
 * date, a page matching one word of "QGIS's composer module" came before the one holding the phrase;
 * QA pass); the sort orders the rest.
 */
export function queryRows(
  rows: readonly ListRow[],
  query: ListQuery,
  found: ReadonlyMap<string, unknown> | null = null,
): ListRow[] {
  const words = searchWords(query);
  const filtered = rows.filter(({ item, article }) => {
    if (!isInView(item.status, query.status)) return false;
    if (query.topic && article?.topic !== query.topic) return false;
    if (query.tag && !item.tags.includes(query.tag) && !article?.tags.includes(query.tag)) return false;
    if (words.length === 0 || found?.has(item.id)) return true;
    const haystack = normalizeText(
      `${item.title} ${item.note} ${item.tags.join(' ')} ${article?.tags.join(' ') ?? ''}`,
    );
    return words.every((word) => haystack.includes(word));
  });
  return filtered.sort(listOrder(query, found));
}

const searchWords = (query: ListQuery) => normalizeText(query.text).split(/\s+/).filter(Boolean);

/**
 * The list's order for `query`: while searching, the best match first; then the sort; then the newest
 * added (a new user's list is mostly at 0%: by progress it came in its ids' order, which looks
 * shuffled); ids break the last ties.
 */
function listOrder(query: ListQuery, found: ReadonlyMap<string, unknown> | null): (a: ListRow, b: ListRow) => number {
  const searching = searchWords(query).length > 0;
  const ranks = new Map([...(found?.keys() ?? [])].map((id, at) => [id, at]));
  const key = (row: ListRow) =>
    query.sort === 'added' ? row.item.addedAt : query.sort === 'updated' ? row.item.updatedAt : row.progress;
  const rank = (row: ListRow) => (searching ? (ranks.get(row.item.id) ?? ranks.size) : 0);
  return (a, b) =>
    rank(a) - rank(b) || key(b) - key(a) || b.item.addedAt - a.item.addedAt || a.item.id.localeCompare(b.item.id);
}

/**
 * The tag filter's tag when no item holds it any more (null while one does, or while `tags` are
 * not yet all items' tags): removed from its last items by a bulk "Remove tag" or in another
 * window. The select cannot show a tag it no longer offers, so it read "All tags" while the list
 * still filtered by the gone tag: no rows, and choosing "All tags" changed nothing.
 */
export function goneTag(query: ListQuery, tags: readonly string[], complete: boolean): string | null {
  return complete && query.tag !== null && !tags.includes(query.tag) ? query.tag : null;
}

/** `query` with a gone tag filter (`goneTag`) dropped: all tags, as the select says. */
export function withoutGoneTag(query: ListQuery, gone: string | null): ListQuery {
  return gone === null ? query : { ...query, tag: null };
}

export type ListCounts = Record<ItemStatus | ListView, number>;

export function countByStatus(rows: readonly ListRow[]): ListCounts {
  const counts = { all: rows.length, queue: 0, unread: 0, reading: 0, done: 0, archived: 0 };
  for (const { item } of rows) counts[item.status]++;
  counts.queue = counts.unread + counts.reading;
  return counts;
}

/** How many items the All view shows for a text search of another view (0 without a text search, or in All). */
export function countFoundInAll(
  rows: readonly ListRow[],
  query: ListQuery,
  found: ReadonlyMap<string, unknown> | null = null,
): number {
  if (!query.text.trim() || query.status === 'all') return 0;
  return queryRows(rows, { ...query, status: 'all' }, found).length;
}

/** A reading list as the user left it: its query, and what its text search found (best first). */
export interface ListOrder {
  query: ListQuery;
  found?: ReadonlyMap<string, unknown> | null;
}

/**
 * The item "Next in reading list" goes to: the one after `currentId` in `list` (by default the
 * queue as the list orders it by default, newest first; the reader opened from the reading list
 * follows that list's view, filters, search and sort), after the end its first. An item no longer in
 * the list (just marked done or archived) keeps its place in that order: the next is the list's
 * first item after it (QA pass: it was the queue's first, so reading from the middle of the queue
 * went back to the top after each item finished). Null when nothing else is left to read.
 */
export function nextInList(
  rows: readonly ListRow[],
  currentId: string,
  { query, found = null }: ListOrder = { query: DEFAULT_LIST_QUERY },
): ListRow | null {
  const everything = [...rows].sort(listOrder(query, found));
  const at = everything.findIndex((row) => row.item.id === currentId);
  const inList = new Set(queryRows(rows, query, found).map((row) => row.item.id));
  const after = [...everything.slice(at + 1), ...everything.slice(0, Math.max(at, 0))];
  return after.find((row) => row.item.id !== currentId && inList.has(row.item.id)) ?? null;
}
