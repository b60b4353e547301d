import { useMemo, useState } from 'react';

/**
 * The rows checked for bulk actions, by item id, among the items still saved (`savedIds`): a row
 * another window unsaved is no longer counted or acted on ("2 checked" with one box ticked, and
 * Mark done reporting both). A row hidden by a filter stays checked.
 */
export function useReadingListSelection(savedIds: ReadonlySet<string>) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => {
    const kept = [...checked].filter((id) => savedIds.has(id));
    return kept.length === checked.size ? checked : new Set(kept);
  }, [checked, savedIds]);
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
