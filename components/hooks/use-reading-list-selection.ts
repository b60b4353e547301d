import { useEffect, useMemo, useState } from 'react';

/**
 * The rows checked for bulk actions, by item id, among the rows shown (`shownIds`): a row that a
 * view, filter or search hides, or another window unsaved, is no longer checked, so the count, the
 * bulk buttons and the keys act on rows the user can see (Done hid two checked Queue rows, and
 * Unsave removed them; QA pass).
 */
export function useReadingListSelection(shownIds: ReadonlySet<string>) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
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
    toggle(id: string) {
      setChecked((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    clear() {
      setChecked(new Set());
    },
  };
}
