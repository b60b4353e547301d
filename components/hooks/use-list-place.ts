import { useEffect, useRef, useState } from 'react';
import { followCurrentRow, returnToRow } from '@/lib/reading-list/list-place';
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
 * its text search found (`found`), and keeps the current row on its item as the rows change under
 * it (`useFollowCurrentRow`).
 */
export function useReturnToRow(
  place: ListPlace,
  rows: readonly ListRow[],
  query: ListQuery,
  complete: boolean,
  found: ReadonlyMap<string, unknown> | null = null,
) {
  useFollowCurrentRow(place, rows, query);
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

/**
 * Keeps the current row on the item the user moved to while the rows change under it, the query the
 * same (`followCurrentRow`): an action on checked rows, an item removed or saved in another window.
 * Until the user moves, and after the query changes (the first row is then current), the place is kept.
 */
function useFollowCurrentRow(place: ListPlace, rows: readonly ListRow[], query: ListQuery) {
  const { activeIndex, setActiveIndex } = place;
  const queryKey = JSON.stringify(query);
  const last = useRef({ rows, queryKey, rowId: null as string | null });
  useEffect(() => {
    const seen = last.current;
    if (seen.queryKey !== queryKey) {
      last.current = { rows, queryKey, rowId: null };
      return;
    }
    if (seen.rows === rows) {
      // Moved by the keys, the pointer or the focus (or followed here): this item is where the user is.
      seen.rowId = rows[activeIndex]?.item.id ?? null;
      return;
    }
    last.current = { ...seen, rows };
    if (seen.rowId === null) return;
    const at = followCurrentRow(seen.rows, rows, seen.rowId, activeIndex);
    if (at !== activeIndex) setActiveIndex(at);
  }, [rows, queryKey, activeIndex, setActiveIndex]);
}
