import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCatalog } from '@/components/hooks/use-catalog';
import { useLibraryIndex } from '@/components/hooks/use-library-search';
import { useListSnippets } from '@/components/hooks/use-list-snippets';
import { getAllItems, getNewestItems } from '@/lib/db/queries';
import { afterNextPaint } from '@/lib/dom/after-paint';
import {
  buildRows,
  countByStatus,
  countFoundInAll,
  type FoundItems,
  foundHoldingQuoted,
  goneTag,
  type ListQuery,
  type ListRow,
  queryRows,
  readerPlaceOf,
  searchLibrary,
  withoutGoneTag,
} from '@/lib/reading-list/list-query';
import type { QueryPhrase } from '@/lib/search/phrase';
import { holdsQuoted, quotedPhrases } from '@/lib/search/quoted';
import { readQuotedHolders } from '@/lib/search/unified';

const FIRST_PAGE_SIZE = 60;

/**
 * The reading list's rows for `query`, live. The newest screenful is read first, through the
 * index, and painted; only then is the whole list (needed for filters, sorting and counts) read:
 * at 10,000 items that read holds the main thread long enough to delay the first paint. A tag
 * filter whose tag no item holds any more is dropped (`shownQuery`, and `gone` names the tag).
 */
export function useReadingListData(query: ListQuery) {
  // For `npm run bench`: when the list started loading its data.
  useEffect(() => {
    performance.mark('shelf:reading-list-mounted');
  }, []);
  const [loadAll, setLoadAll] = useState(false);
  const all = useLiveQuery(async () => (loadAll ? getAllItems() : undefined), [loadAll]);
  const firstPage = useLiveQuery(() => getNewestItems(FIRST_PAGE_SIZE), []);

  useEffect(() => {
    if (firstPage === undefined || loadAll) return;
    return afterNextPaint(() => setLoadAll(true));
  }, [firstPage, loadAll]);

  const source = all ?? firstPage;
  // The catalog users see: an article learned from the blog has its topic and tags as its card does.
  const { catalog, loaded: catalogLoaded } = useCatalog();
  const allRows = useMemo(
    () => (source ? buildRows(source.items, source.progress, (id) => catalog.byId(id)) : []),
    [source, catalog],
  );
  // The text search is the library search's (full text, typos); `version` changes when the index did.
  const { index, version } = useLibraryIndex();
  // Parsed once per text: the list below is worked out again at every change of the saved rows.
  const quoted = useMemo(() => quotedPhrases(query.text), [query.text]);
  const searched = useMemo(() => searchLibrary(index, query.text, quoted), [index, version, query.text, quoted]);
  const { found, searching } = useQuotedFound(searched, quoted, allRows);
  const counts = useMemo(() => countByStatus(allRows), [allRows]);
  const tags = useMemo(
    () => [...new Set(allRows.flatMap((r) => [...r.item.tags, ...(r.article?.tags ?? [])]))].sort(),
    [allRows],
  );
  // Tags are all known once every item is read and the catalog's learned articles with them.
  const gone = goneTag(query, tags, all !== undefined && catalogLoaded);
  const shownQuery = useMemo(() => withoutGoneTag(query, gone), [query, gone]);
  const rows = useMemo(() => queryRows(allRows, shownQuery, found?.reasons), [allRows, shownQuery, found]);
  const { shown: snippets, opening } = useListSnippets(found, rows);
  // A search this view finds nothing for may find items in another (QA pass: an archived item's title
  // searched in the Queue said only "No saved article matches").
  const matchingInAll = useMemo(
    () => (rows.length === 0 ? countFoundInAll(allRows, shownQuery, found?.reasons) : 0),
    [rows, allRows, shownQuery, found],
  );
  return {
    loaded: source !== undefined,
    isPartial: !all && firstPage !== undefined,
    allRows,
    rows,
    counts,
    tags,
    /** The query the rows answer: `query` without a tag filter no item matches any more. */
    shownQuery,
    /** The tag filter's tag when no item holds it any more (see `goneTag`). */
    gone,
    /** What the text search found, and why each item matched (null without a text search). */
    found,
    /** Where the first found rows hold what was searched (`snippetRowIds`). */
    snippets,
    /** Where the reader opens an item opened from the list: at its row's snippet, else as `readerPlaceOf` says. */
    placeOf: (itemId: string) => readerPlaceOf(itemId, found, opening),
    /** With no row in this view for a text search: how many items All shows for it (else 0). */
    matchingInAll,
    /** The saved copies are still read for the text's quoted phrases: the rows are the last search's. */
    searching,
  };
}

/**
 * What the search found, holding the text's quoted phrases (as the popup's `withQuotedHeld` does): the
 * found items' copies, notes, highlights and tags are read for them (in slices, so that typing goes
 * on meanwhile), their titles here. Until they are read (`searching`), what was shown before stays:
 * only the items titled with the phrase would show, often none ("No saved article matches").
 */
function useQuotedFound(
  found: FoundItems | null,
  quoted: readonly QueryPhrase[],
  rows: readonly ListRow[],
): { found: FoundItems | null; searching: boolean } {
  const [read, setRead] = useState<{ found: FoundItems; holders: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    if (!found || quoted.length === 0) return;
    const ids = [...found.reasons.keys()];
    const stale = new AbortController();
    void import('@/lib/search/library-live')
      .then(({ getSnippetSources }) => readQuotedHolders(ids, quoted, getSnippetSources, { signal: stale.signal }))
      .then((holders) => {
        if (holders && !stale.signal.aborted) setRead({ found, holders });
      })
      .catch((error: unknown) => {
        console.warn('Shelf: could not read saved copies', error);
        // Read no further: what the titles hold is listed, not the rows of the search before.
        if (!stale.signal.aborted) setRead({ found, holders: new Set() });
      });
    return () => stale.abort();
  }, [found, quoted]);
  const shown = useMemo(() => {
    if (!found || quoted.length === 0) return { found, searching: false };
    const titled = rows.filter(({ item }) => found.reasons.has(item.id) && holdsQuoted([item.title], quoted));
    const searching = read?.found !== found;
    const holders = new Set([...(searching ? [] : (read?.holders ?? [])), ...titled.map(({ item }) => item.id)]);
    return { found: foundHoldingQuoted(found, quoted, holders), searching };
  }, [found, quoted, rows, read]);
  // The last answer shown in full: kept on screen while the next one's copies are read.
  const lastShown = useRef<FoundItems | null>(null);
  useEffect(() => {
    if (!shown.searching) lastShown.current = shown.found;
  }, [shown]);
  return shown.searching && lastShown.current ? { ...shown, found: lastShown.current } : shown;
}
