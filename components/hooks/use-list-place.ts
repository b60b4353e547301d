import { useEffect, useRef, useState } from 'react';
import { returnToRow } from '@/lib/reading-list/list-place';
import { DEFAULT_LIST_QUERY, type ListQuery, type ListRow } from '@/lib/reading-list/list-query';

/**
 * The reading list's place: its query (view, topic, tag, search, sort) and current row. The side
 * panel keeps it above its views, in memory for the panel's session, so that Back from an item
 * opened in the list finds the list as the user left it (the list's view is unmounted meanwhile).
 */
export function useListPlace() {
  const [query, setQuery] = useState<ListQuery>(DEFAULT_LIST_QUERY);
  const [activeIndex, setActiveIndex] = useState(0);
  /**
   * The rows as last shown (null before): the current row's item is found in them by `activeIndex`,
   * which may change after the view is unmounted (a pointer's update, rendered after the click that
   * opened an item), and found again in the rows when the list is shown again (`useReturnToRow`).
   */
  const shownRows = useRef<readonly ListRow[] | null>(null);
  /** What the list's text search last found, best first: "Next in reading list" follows its order. */
  const shownFound = useRef<ReadonlyMap<string, unknown> | null>(null);
  return { query, setQuery, activeIndex, setActiveIndex, shownRows, shownFound };
}

export type ListPlace = ReturnType<typeof useListPlace>;

/**
 * When the list is shown again, puts the current row back on the row it was on (found once the
 * list is read whole, `complete`); until the view is unmounted, remembers the rows shown and what
 * its text search found (`found`).
 */
export function useReturnToRow(
  place: ListPlace,
  rows: readonly ListRow[],
  complete: boolean,
  found: ReadonlyMap<string, unknown> | null = null,
) {
  const { setActiveIndex, shownRows, activeIndex, shownFound } = place;
  useEffect(() => {
    shownFound.current = found;
  }, [shownFound, found]);
  // Shown for the first time (no row to go back to): nothing to wait for.
  const returned = useRef(shownRows.current === null);
  useEffect(() => {
    if (!returned.current) {
      if (!complete) return;
      returned.current = true;
      const before = shownRows.current ?? [];
      const rowId = before[Math.min(activeIndex, before.length - 1)]?.item.id ?? null;
      const at = returnToRow(rows, rowId, activeIndex);
      if (at !== activeIndex) setActiveIndex(at);
    }
    shownRows.current = rows;
  }, [complete, rows, shownRows, activeIndex, setActiveIndex]);
}
