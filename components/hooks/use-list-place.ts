import { useEffect, useLayoutEffect, useRef, useState } from 'react';
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
  /** The items the last action on rows changed, until the rows show it (`useFollowCurrentRow`). */
  const actedOn = useRef<ReadonlySet<string>>(new Set());
  return { query, setQuery, activeIndex, setActiveIndex, shownRows, shownFound, actedOn };
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
 * An item the user just acted on is left where it goes (to the top of "Recently updated"): the row
 * after it is current, as when it leaves the view (review).
 */
function useFollowCurrentRow(place: ListPlace, rows: readonly ListRow[], query: ListQuery) {
  const { activeIndex, setActiveIndex, actedOn } = place;
  const queryKey = JSON.stringify(query);
  /** As last seen: the rows, the query, the item the user moved to (null: none yet) and the current row. */
  const seen = useRef({ rows, queryKey, rowId: null as string | null, index: activeIndex });
  // Before the browser paints: the rows changed are never drawn, nor scrolled to, with the old row current.
  useLayoutEffect(() => {
    const last = seen.current;
    if (last.queryKey !== queryKey) {
      seen.current = { rows, queryKey, rowId: null, index: activeIndex };
      return;
    }
    // Moved since (the keys, the pointer or the focus): to a row of the rows the user saw then, which
    // may have changed in the same render.
    const moved = activeIndex !== last.index;
    const rowId = moved ? (last.rows[activeIndex]?.item.id ?? null) : last.rowId;
    if (moved || rows !== last.rows) {
      const acted = actedOn.current;
      actedOn.current = new Set(); // the rows show the action now, or the user moved on
      if (rows !== last.rows && rowId !== null) {
        const at = followCurrentRow(last.rows, rows, rowId, activeIndex, acted);
        const followed = rows[at]?.item.id ?? null;
        seen.current = { rows, queryKey, rowId: followed, index: at };
        if (at !== activeIndex) setActiveIndex(at);
        return;
      }
    }
    seen.current = { rows, queryKey, rowId, index: activeIndex };
  }, [rows, queryKey, activeIndex, setActiveIndex, actedOn]);
}
