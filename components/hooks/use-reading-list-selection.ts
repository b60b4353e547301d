import { useEffect, useMemo, useRef, useState } from 'react';

/**
 * The rows checked for bulk actions, by item id, among the rows shown (`shownIds`): a row that a
 * view, filter or search hides, or another window unsaved, is no longer checked, so the count, the
 * bulk buttons and the keys act on rows the user can see (Done hid two checked Queue rows, and
 * Unsave removed them; QA pass).
 */
export function useReadingListSelection(shownIds: ReadonlySet<string>) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  /** The row last checked or unchecked alone: a Shift-click's range starts there. */
  const rangeStart = useRef<string | null>(null);
  const selected = useMemo(() => {
    const kept = [...checked].filter((id) => shownIds.has(id));
    return kept.length === checked.size ? checked : new Set(kept);
  }, [checked, shownIds]);
  // Forgotten, not only left out: a row shown again comes back unchecked.
  useEffect(() => {
    if (selected !== checked) setChecked(selected);
  }, [selected, checked]);
  return {
    selected,
    /**
     * Checks or unchecks a row; `range` (a Shift-click): with it, every row shown between it and the
     * row last checked or unchecked, as it now is (QA pass: 600 rows, one click each).
     */
    toggle(id: string, range = false) {
      const from = rangeStart.current;
      rangeStart.current = id;
      setChecked((current) => {
        const next = new Set(current);
        const check = !next.has(id);
        for (const each of range && from !== null ? rowsBetween([...shownIds], from, id) : [id])
          if (check) next.add(each);
          else next.delete(each);
        return next;
      });
    },
    /** Checks every row shown, or, when all are checked, unchecks them all. */
    toggleAll() {
      setChecked((current) =>
        shownIds.size > 0 && [...shownIds].every((id) => current.has(id)) ? new Set() : new Set(shownIds),
      );
    },
    clear() {
      setChecked(new Set());
    },
  };
}

export type ReadingListSelection = ReturnType<typeof useReadingListSelection>;

/** The ids from one to the other, both included, in the order shown; the last alone when the first is not shown. */
function rowsBetween(order: readonly string[], from: string, to: string): string[] {
  const [a, b] = [order.indexOf(from), order.indexOf(to)];
  if (a < 0 || b < 0) return [to];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}
