import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useLibraryIndex } from '@/components/hooks/use-library-search';
import { getArticleById } from '@/lib/corpus/catalog';
import { getAllItems, getNewestItems } from '@/lib/db/queries';
import { afterNextPaint } from '@/lib/dom/after-paint';
import { buildRows, countByStatus, type ListQuery, queryRows, searchLibrary } from '@/lib/reading-list/list-query';

const FIRST_PAGE_SIZE = 60;

/**
 * The reading list's rows for `query`, live. The newest screenful is read first, through the
 * index, and painted; only then is the whole list (needed for filters, sorting and counts) read:
 * at 10,000 items that read holds the main thread long enough to delay the first paint.
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
  const allRows = useMemo(() => (source ? buildRows(source.items, source.progress, getArticleById) : []), [source]);
  // The text search is the library search's (full text, typos); `version` changes when the index did.
  const { index, version } = useLibraryIndex();
  const found = useMemo(() => searchLibrary(index, query.text), [index, version, query.text]);
  const rows = useMemo(() => queryRows(allRows, query, found), [allRows, query, found]);
  const counts = useMemo(() => countByStatus(allRows), [allRows]);
  const tags = useMemo(
    () => [...new Set(allRows.flatMap((r) => [...r.item.tags, ...(r.article?.tags ?? [])]))].sort(),
    [allRows],
  );
  return {
    loaded: source !== undefined,
    isPartial: !all && firstPage !== undefined,
    allRows,
    rows,
    counts,
    tags,
    /** Why each item the text search found matched (null without a text search). */
    found,
  };
}
