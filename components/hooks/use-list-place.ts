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
  /** The current row's item, to find it again when rows moved meanwhile (`useReturnToRow`). */
  const rowId = useRef<string | null>(null);
  return { query, setQuery, activeIndex, setActiveIndex, rowId };
}

export type ListPlace = ReturnType<typeof useListPlace>;

/**
 * When the list is shown again, puts the current row back on the row it was on (found once the
 * list is read whole, `complete`); from then on, remembers the current row (`rowId`) as it moves.
 */
export function useReturnToRow(place: ListPlace, rows: readonly ListRow[], complete: boolean) {
  const { setActiveIndex, rowId, activeIndex } = place;
  // Shown for the first time (no row to go back to): nothing to wait for.
  const returned = useRef(rowId.current === null);
  const current = rows[Math.min(activeIndex, rows.length - 1)]?.item.id ?? null;
  useEffect(() => {
    if (!returned.current) {
      if (!complete) return;
      returned.current = true;
      const at = returnToRow(rows, rowId.current, activeIndex);
      if (at !== activeIndex) return setActiveIndex(at);
    }
    if (current !== null) rowId.current = current;
  }, [complete, rows, rowId, activeIndex, setActiveIndex, current]);
}
